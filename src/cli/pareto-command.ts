import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { toCsv } from '../io/csv.js';
import { getMethod } from '../methods/registry.js';
import { loadNetwork } from '../problems/network/load.js';
import { FrontError, paretoFront, type ParetoFront } from '../pareto/epsilon-constraint.js';
import { localScalarRunner, type ScalarRunner } from '../pareto/scalar.js';
import { ScalarPool } from '../pareto/scalar-pool.js';
import { writeFrontPlot } from '../report/front-plot-file.js';
import { checkOutputFile, numberOption, stringOption, threadsOption } from './options.js';

/** The objective pairs `rlnd pareto` knows (as `--objectives` spells them). */
const OBJECTIVES = ['cost', 'emissions'] as const;

/** Checks `--objectives`: exactly cost and emissions, in either order. */
export function parseObjectives(raw: string | undefined): readonly ['cost', 'emissions'] {
  const list = (raw ?? 'cost,emissions').split(',').map((s) => s.trim());
  const ok =
    list.length === 2 && new Set(list).size === 2 && list.every((s) => (OBJECTIVES as readonly string[]).includes(s));
  if (!ok)
    throw new InputError(
      '--objectives',
      JSON.stringify(raw),
      'two objectives among cost, emissions, e.g. cost,emissions',
    );
  return ['cost', 'emissions'];
}

/** The front as CSV rows (one per point). */
export function frontCsv(f: ParetoFront): string {
  return toCsv(
    f.points.map((p, i) => ({
      point: i + 1,
      cost: p.cost,
      emissionsKgCO2: p.emissions,
      supported: p.supported ? 1 : 0,
      status: p.status,
      gap: p.gap,
      epsilon: p.epsilon,
      open: p.open.join(' '),
    })),
  );
}

/** The front as a short table for a terminal. */
function frontText(f: ParetoFront): string {
  const lines = [
    `${f.instance}: ${f.points.length} non-dominated points (${f.method}${f.certified ? ', every point certified' : ''}), ${f.problemsSolved} problems in ${f.runtimeSeconds.toFixed(1)} s`,
  ];
  lines.push('  cost  emissions (kg CO2)  supported  status  gap  open');
  for (const p of f.points)
    lines.push(
      `  ${p.cost.toFixed(2)}  ${p.emissions.toFixed(3)}  ${p.supported ? 'yes' : 'no'}  ${p.status}  ${p.gap === null ? '-' : `${(p.gap * 100).toFixed(3)}%`}  ${p.open.join(' ')}`,
    );
  lines.push(
    `ideal (${f.ideal.cost}, ${f.ideal.emissions}), nadir (${f.nadir.cost}, ${f.nadir.emissions}), hypervolume ${f.hypervolume}${f.hypervolumeNormalized === null ? '' : ` (${(f.hypervolumeNormalized * 100).toFixed(2)}% of the box)`}`,
  );
  const cp = f.carbonPrice;
  lines.push(
    `carbon-price breakpoints (cost per kg CO2): ${cp.breakpoints.length ? cp.breakpoints.map((b) => b.toPrecision(6)).join(', ') : 'none (one design is optimal at every price)'}; the instance's tax ${cp.nominalTax} falls in range ${cp.nominalInterval + 1}`,
  );
  return lines.join('\n');
}

/** `rlnd pareto <file> --objectives cost,emissions [--points N] [--method milp|hybrid] [--time-limit S] [--json]`. */
export function paretoCommand(y: Argv): Argv {
  return y.command(
    'pareto <file>',
    'cost / emission front of a network: exact (milp, AUGMECON2-style) or heuristic (hybrid, certified gap per point), with the carbon-price breakpoints',
    (a) =>
      a
        .positional('file', {
          type: 'string',
          demandOption: true,
          describe: 'network instance (.json, .yaml or CSV folder)',
        })
        .option('objectives', {
          type: 'string',
          default: 'cost,emissions',
          describe: 'the two objectives: cost (without the carbon tax) and emissions',
        })
        .option('points', {
          type: 'string',
          describe: 'a grid of N emission caps solved side by side (default: refine to --resolution)',
        })
        .option('resolution', {
          type: 'string',
          describe: "share of each objective's range the front is refined to (default 0.001)",
        })
        .option('method', { type: 'string', default: 'milp', describe: 'milp (every point certified) or hybrid' })
        .option('time-limit', { type: 'string', describe: 'seconds per scalarised problem (> 0)' })
        .option('seed', { type: 'string', describe: 'random seed, an integer >= 0 (default 1)' })
        .option('threads', {
          type: 'string',
          describe: 'workers solving scalarised problems side by side (default: available cores)',
        })
        .option('csv', { type: 'string', describe: 'write the points as CSV to this file' })
        .option('plot', {
          type: 'string',
          describe: 'write the front plot: file.svg (and file-carbon-price.svg) or file.html (both charts and tables)',
        })
        .option('verbose', {
          type: 'boolean',
          default: false,
          describe: 'a progress line per batch of problems on stderr',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' }),
    async (argv) => {
      parseObjectives(stringOption('--objectives', argv.objectives));
      const method = getMethod(stringOption('--method', argv.method) ?? 'milp').name;
      if (method !== 'milp' && method !== 'hybrid')
        throw new InputError('--method', method, 'milp or hybrid for a front');
      const points = numberOption('--points', argv.points, { integer: true, min: 2 });
      const resolution = numberOption('--resolution', argv.resolution, { above: 0, max: 0.5 });
      if (points !== undefined && resolution !== undefined)
        throw new InputError('--resolution', String(resolution), 'either --points or --resolution, not both');
      const timeLimit = numberOption('--time-limit', argv['time-limit'], { above: 0 });
      const seed = numberOption('--seed', argv.seed, { integer: true, min: 0 }) ?? 1;
      const threads = threadsOption(argv.threads, (m) => console.error(m));
      const csv = stringOption('--csv', argv.csv);
      if (csv !== undefined) checkOutputFile('--csv', csv);
      const plot = stringOption('--plot', argv.plot);
      if (plot !== undefined) {
        if (!/\.(svg|html?)$/i.test(plot)) throw new InputError('--plot', plot, 'a file ending in .svg or .html');
        checkOutputFile('--plot', plot);
      }
      const inst = await loadNetwork(argv.file);
      // The refined exact front is a sequence of steps: a pool helps a grid (and the weighted sums of one level).
      const pool = points !== undefined && threads > 1 ? new ScalarPool(inst, threads) : null;
      const runner: ScalarRunner = pool ?? localScalarRunner(inst, await HighsHandle.load());
      let front: ParetoFront;
      try {
        front = await paretoFront(inst, runner, {
          method,
          seed,
          ...(timeLimit !== undefined ? { timeLimit } : {}),
          ...(points !== undefined ? { points } : {}),
          ...(resolution !== undefined ? { resolution } : {}),
          ...(argv.verbose ? { progress: (m: string) => console.error(`rlnd pareto: ${m}`) } : {}),
        });
      } catch (err) {
        if (!(err instanceof FrontError)) throw err;
        console.error(`rlnd pareto: ${err.message}`);
        process.exitCode = 2;
        return;
      } finally {
        await pool?.close();
      }
      if (argv.json) console.log(JSON.stringify(front));
      else console.log(frontText(front));
      if (csv !== undefined) await writeFile(csv, frontCsv(front));
      if (plot !== undefined) await writeFrontPlot(plot, front);
    },
  );
}

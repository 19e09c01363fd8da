import { readFile, writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { parseJsonText } from '../io/json-fields.js';
import { getMethod, methodNames } from '../methods/registry.js';
import { siteLoads, type Allocation } from '../problems/facility-location/allocation.js';
import { FL_VARIANTS, type FacilityLocationInstance, type FlVariant } from '../problems/facility-location/instance.js';
import { parseFlJson } from '../problems/facility-location/json-reader.js';
import { facilityLocationProblem } from '../problems/facility-location/problem.js';
import { mapSvg, type MapInput } from '../report/map-svg.js';
import { isNetworkSource, loadNetwork } from '../problems/network/load.js';
import { networkMapSvg } from '../problems/network/map.js';
import type { NetworkFlows } from '../problems/network/flows.js';
import { networkProblem } from '../problems/network/problem.js';
import { solve } from '../solve.js';
import { checkOutputFile, numberOption, stringOption } from './options.js';

/**
 * The map of a facility-location solution. A site counts as open when it serves someone, or when
 * the design opens it and it has a fixed cost (an unused zero-cost site is not a point opened).
 */
export function flMapInput(
  inst: FacilityLocationInstance,
  design: ArrayLike<number>,
  flows: Allocation,
  title: string,
  notes: readonly string[] = [],
): MapInput {
  const where = (p: { id: string; x?: number; y?: number }, what: string): { lon: number; lat: number } => {
    if (p.x === undefined || p.y === undefined)
      throw new InputError(inst.source, `${what} ${p.id}`, 'coordinates (lon/lat or x/y) to draw a map');
    return { lon: p.x, lat: p.y };
  };
  const loads = siteLoads(inst, flows);
  return {
    title,
    notes,
    regions: inst.customers.map((c) => ({ id: c.id, demand: c.demand, ...where(c, 'customer') })),
    sites: inst.sites.map((s, i) => ({
      id: s.id,
      open: loads[i]! > 1e-9 || (design[i] === 1 && s.fixedCost > 0),
      load: loads[i]!,
      ...(Number.isFinite(s.capacity) ? { capacity: s.capacity } : {}),
      ...where(s, 'site'),
    })),
    links: flows.site.map((site, k) => ({ site, region: flows.customer[k]!, fraction: flows.fraction[k]! })),
  };
}

/** `rlnd map <instance.json> --out map.svg [--method milp]`: solve, then draw the solution. */
export function mapCommand(y: Argv): Argv {
  return y.command(
    'map <file>',
    'solve a network (or facility-location) instance with coordinates and draw the solution as an SVG map',
    (a) =>
      a
        .positional('file', {
          type: 'string',
          demandOption: true,
          describe: 'facility-location instance (.json with lon/lat)',
        })
        .option('out', { type: 'string', demandOption: true, describe: 'SVG file to write' })
        .option('method', { type: 'string', describe: `one of ${methodNames().join(', ')} (default milp)` })
        .option('variant', { type: 'string', choices: [...FL_VARIANTS], describe: 'facility-location variant' })
        .option('seed', { type: 'string', describe: 'random seed, an integer >= 0 (default 1)' })
        .option('time-limit', { type: 'string', describe: 'wall-clock limit in seconds (> 0)' })
        .option('title', { type: 'string', describe: 'map title (default: instance name, variant and method)' }),
    async (rawArgv) => {
      const file = rawArgv.file;
      const out = stringOption('--out', rawArgv.out)!;
      checkOutputFile('--out', out);
      const method = getMethod(stringOption('--method', rawArgv.method) ?? 'milp').name;
      const seed = numberOption('--seed', rawArgv.seed, { integer: true, min: 0 }) ?? 1;
      const timeLimit = numberOption('--time-limit', rawArgv['time-limit'], { above: 0 });
      const argv = { ...rawArgv, out, method, seed, 'time-limit': timeLimit };
      if (await isNetworkSource(file)) return mapNetwork(file, argv);
      const data = parseJsonText(await readFile(file, 'utf8'), file);
      const kind = (data as { problem?: unknown }).problem;
      if (kind !== undefined && kind !== 'facility-location')
        throw new InputError(
          file,
          'problem',
          `facility-location (rlnd map draws facility-location solutions), got ${JSON.stringify(kind)}`,
        );
      const inst = parseFlJson(data, file, argv.variant ? { variant: argv.variant as FlVariant } : {});
      const handle = await HighsHandle.load();
      const result = await solve(facilityLocationProblem(inst), {
        method: argv.method,
        seed: argv.seed,
        handle,
        ...(argv['time-limit'] !== undefined ? { timeLimit: argv['time-limit'] } : {}),
      });
      if (result.flows === null || result.objective === null) {
        process.exitCode = 2;
        console.error(`rlnd map: no solution to draw (${result.status}${result.message ? `: ${result.message}` : ''})`);
        return;
      }
      const flows = result.flows as Allocation;
      const base = flMapInput(inst, result.design, flows, '');
      const open = base.sites.filter((s) => s.open).length;
      const demand = inst.customers.reduce((s, c) => s + c.demand, 0);
      const notes = [
        `${inst.variant.toUpperCase()}, ${result.method}: total cost ${result.objective.toLocaleString('en-US', { maximumFractionDigits: 0 })} (${result.status}); ${open} points open of ${inst.sites.length} candidates; ${inst.customers.length} regions, demand ${demand.toLocaleString('en-US')}`,
      ];
      const title = argv.title ?? `${inst.name}: collection points and assignments`;
      await writeFile(argv.out, mapSvg({ ...base, title, notes }));
      console.log(
        `${argv.out}: ${open} points open, total cost ${result.objective.toFixed(2)} (${result.status}, ${result.method})`,
      );
      if (result.status === 'error' || result.status === 'infeasible') process.exitCode = 2;
    },
  );
}

/** `rlnd map` for a network instance: nodes by echelon, open candidates, lanes by flow. */
async function mapNetwork(
  file: string,
  argv: { out: string; method: string; seed: number; 'time-limit'?: number; title?: string },
): Promise<void> {
  const inst = await loadNetwork(file);
  const handle = await HighsHandle.load();
  const result = await solve(networkProblem(inst), {
    method: argv.method,
    seed: argv.seed,
    handle,
    ...(argv['time-limit'] !== undefined ? { timeLimit: argv['time-limit'] } : {}),
  });
  if (result.flows === null || result.objective === null) {
    process.exitCode = 2;
    console.error(`rlnd map: no solution to draw (${result.status}${result.message ? `: ${result.message}` : ''})`);
    return;
  }
  const notes = [
    `${result.method}: objective ${result.objective.toLocaleString('en-US', { maximumFractionDigits: 0 })} (${result.status}); open: ${result.open.length} of ${inst.bits.length} candidate bits`,
  ];
  const svg = networkMapSvg(
    inst,
    Uint8Array.from(result.design),
    result.flows as NetworkFlows,
    argv.title ?? `${inst.name}: open nodes and flows`,
    notes,
  );
  if (svg === null) throw new InputError(file, 'nodes', 'coordinates (lat/lon or x/y) on some node to draw a map');
  await writeFile(argv.out, svg);
  console.log(
    `${argv.out}: ${result.open.length} open, objective ${result.objective.toFixed(2)} (${result.status}, ${result.method})`,
  );
}

import { readFile, writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { designFrom } from '../core/design.js';
import { InputError } from '../core/errors.js';
import { defaultThreads, PoolRunner } from '../parallel/pool-runner.js';
import { parseStopping } from '../core/stopping.js';
import { toCsv } from '../io/csv.js';
import { loadProblem } from '../io/load-problem.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { toLpText } from '../exact/lp-format.js';
import { methodNames } from '../methods/registry.js';
import { solve } from '../solve.js';
import { resultJson, resultText } from './format-result.js';

/** `rlnd solve <file>`: solve one instance and print a summary or the JSON contract. */
export function solveCommand(y: Argv): Argv {
  return y.command(
    'solve <file>',
    'solve one instance',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'instance file (.json, or OR-Library .txt)' })
        .option('variant', { type: 'string', choices: ['cflp', 'sscflp', 'uflp'], describe: 'facility-location variant' })
        .option('capacity', { type: 'number', describe: "capacity for OR-Library files whose capacity is the word 'capacity'" })
        .option('method', { type: 'string', default: 'milp', describe: `one of ${methodNames().join(', ')}` })
        .option('time-limit', { type: 'number', describe: 'wall-clock limit in seconds' })
        .option('seed', { type: 'number', default: 1 })
        .option('stop', { type: 'string', describe: 'heuristic stopping rule, e.g. time=60,iters=500,stall=50,gap=0.001' })
        .option('threads', { type: 'number', describe: 'worker threads for heuristics (default: available cores)' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
        .option('flows', { type: 'boolean', default: false, describe: 'include design and flows in --json output' })
        .option('stats', { type: 'string', describe: 'write per-iteration statistics to this CSV file' })
        .option('relax', { type: 'boolean', describe: 'relax integer flows to continuous (problems with integer flows)' })
        .option('export-lp', { type: 'string', describe: 'write the full MILP in CPLEX LP format to this file' }),
    async (argv) => {
      const options = {
        ...(argv.variant ? { variant: argv.variant } : {}),
        ...(argv.capacity !== undefined ? { capacity: argv.capacity } : {}),
        ...(argv.relax !== undefined ? { relax: argv.relax } : {}),
      };
      const problem = await loadProblem(argv.file, options);
      const threads = argv.threads ?? defaultThreads();
      if (!Number.isInteger(threads) || threads < 1) throw new InputError('--threads', String(argv.threads), 'a positive integer');
      // The exact MILP is one HiGHS solve (single-threaded WebAssembly): a pool would sit idle.
      const runner = argv.method !== 'milp' && threads > 1 ? new PoolRunner({ file: argv.file, text: await readFile(argv.file, 'utf8'), options }, threads) : null;
      if (argv['export-lp']) await writeFile(argv['export-lp'], toLpText(problem.buildMilp().model));
      const handle = await HighsHandle.load();
      const result = await solve(problem, {
        method: argv.method,
        seed: argv.seed,
        handle,
        ...(argv['time-limit'] !== undefined ? { timeLimit: argv['time-limit'] } : {}),
        ...(argv.stop ? { stop: parseStopping(argv.stop) } : {}),
        runner,
      }).finally(() => runner?.close());
      if (argv.stats) await writeFile(argv.stats, toCsv(result.stats));
      if (argv.json) console.log(JSON.stringify(resultJson(result, argv.flows)));
      else {
        const design = designFrom(result.design.length, result.design.flatMap((b, i) => (b ? [i] : [])));
        const report = result.flows !== null && problem.report ? problem.report(design, result.flows) : null;
        console.log(resultText(result, report));
      }
      if (result.status === 'infeasible' || result.status === 'error' || result.status === 'time_limit') process.exitCode = 2;
    },
  );
}

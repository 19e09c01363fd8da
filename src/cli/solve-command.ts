import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { designFrom } from '../core/design.js';
import { readProblemSource } from '../parallel/problem-source.js';
import { ModelThread } from '../parallel/model-thread.js';
import { PoolRunner } from '../parallel/pool-runner.js';
import { parseStopping } from '../core/stopping.js';
import { toCsv } from '../io/csv.js';
import { loadProblem } from '../problems/load-problem.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { toLpText } from '../exact/lp-format.js';
import { loadPlugins } from '../parallel/plugins.js';
import { getMethod, methodNames } from '../methods/registry.js';
import { interruptedResult, solve } from '../solve.js';
import type { Problem } from '../core/problem.js';
import type { Result } from '../core/result.js';
import { SearchProgress } from '../search/progress.js';
import { ProgressLog } from '../search/progress-log.js';
import { EXIT } from './exit-codes.js';
import { resultJson, resultText } from './format-result.js';
import { checkOutputFile, numberOption, stringOption, threadsOption } from './options.js';

/** `rlnd solve <file>`: solve one instance and print a summary or the JSON contract. */
export function solveCommand(y: Argv): Argv {
  return y.command(
    'solve <file>',
    'solve one instance',
    (a) =>
      a
        .positional('file', {
          type: 'string',
          demandOption: true,
          describe: 'instance file (.json, or OR-Library .txt)',
        })
        .option('variant', {
          type: 'string',
          choices: ['cflp', 'sscflp', 'uflp'],
          describe: 'facility-location variant',
        })
        .option('capacity', {
          type: 'string',
          describe: "capacity for OR-Library files whose capacity is the word 'capacity'",
        })
        .option('method', { type: 'string', describe: `one of ${methodNames().join(', ')} (default milp)` })
        .option('plugin', {
          type: 'string',
          array: true,
          describe: 'plugin module exporting a method (repeatable); loaded by every worker thread too',
        })
        .option('time-limit', { type: 'string', describe: 'wall-clock limit in seconds (> 0)' })
        .option('seed', { type: 'string', describe: 'random seed, an integer >= 0 (default 1)' })
        .option('stop', {
          type: 'string',
          describe: 'heuristic stopping rule, e.g. time=60,iters=500,stall=50,gap=0.001',
        })
        .option('threads', {
          type: 'string',
          describe: 'worker threads for heuristics (default: available cores; at most cores x 4)',
        })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' })
        .option('quiet', {
          type: 'boolean',
          default: false,
          describe: 'no progress log on stderr (by default: a line at start, per improvement and every 5 s)',
        })
        .option('flows', { type: 'boolean', default: false, describe: 'include design and flows in --json output' })
        .option('stats', { type: 'string', describe: 'write per-iteration statistics to this CSV file' })
        .option('relax', {
          type: 'boolean',
          describe: 'relax integer flows to continuous (problems with integer flows)',
        })
        .option('export-lp', { type: 'string', describe: 'write the full MILP in CPLEX LP format to this file' }),
    async (argv) => {
      const startedAt = performance.now();
      // Every option is checked before any work: a bad value never costs a solve, nor loses one.
      // Plugins first: they register the methods --method may name.
      await loadPlugins(argv.plugin ?? []);
      const method = getMethod(stringOption('--method', argv.method) ?? 'milp').name;
      const capacity = numberOption('--capacity', argv.capacity, { above: 0 });
      const timeLimit = numberOption('--time-limit', argv['time-limit'], { above: 0 });
      const seed = numberOption('--seed', argv.seed, { integer: true, min: 0 }) ?? 1;
      const stopText = stringOption('--stop', argv.stop);
      const stop = stopText !== undefined ? parseStopping(stopText) : null;
      const threads = threadsOption(argv.threads, (m) => console.error(m));
      const stats = stringOption('--stats', argv.stats);
      const exportLp = stringOption('--export-lp', argv['export-lp']);
      if (stats !== undefined) checkOutputFile('--stats', stats);
      if (exportLp !== undefined) checkOutputFile('--export-lp', exportLp);
      const options = {
        ...(argv.variant ? { variant: argv.variant } : {}),
        ...(capacity !== undefined ? { capacity } : {}),
        ...(argv.relax !== undefined ? { relax: argv.relax } : {}),
      };
      const progress = new SearchProgress();
      let log: ProgressLog | null = null;
      const print = (result: Result, problem: Problem | null): void => {
        if (argv.json) console.log(JSON.stringify(resultJson(result, argv.flows)));
        else {
          const design = designFrom(
            result.design.length,
            result.design.flatMap((b, i) => (b ? [i] : [])),
          );
          const report =
            problem && result.flows !== null && problem.report ? problem.report(design, result.flows) : null;
          console.log(resultText(result, report));
        }
      };
      // Ctrl-C / SIGTERM: print the best solution found so far and exit 130 / 143. The handler runs
      // between pricings, and during a MILP too: MILPs are solved on the handle's model thread.
      let loaded: { problem: Problem; version: string } | null = null;
      const onSignal = (signal: NodeJS.Signals): void => {
        const code = signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
        log?.stop();
        if (loaded)
          print(
            interruptedResult(loaded.problem, { method, seed, startedAt }, progress, loaded.version),
            loaded.problem,
          );
        else console.error(`rlnd: interrupted (${signal}) before the instance was loaded`);
        process.exit(code);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      let problem: Problem;
      let result: Result;
      // Closed after the result is printed: stopping 8 workers can take seconds the user need not wait for.
      let pool: PoolRunner | null = null;
      try {
        // Started first: its HiGHS module loads while the instance is read (MILPs run there, see HighsHandleOptions).
        const modelThread = new ModelThread();
        problem = await loadProblem(argv.file, options);
        if (exportLp !== undefined) await writeFile(exportLp, toLpText(problem.buildMilp().model));
        // The exact MILP is one HiGHS solve (single-threaded WebAssembly): a pool would sit idle.
        const runner =
          method !== 'milp' && threads > 1
            ? new PoolRunner(await readProblemSource(argv.file, options), threads)
            : null;
        pool = runner;
        const handle = await HighsHandle.load({ modelThread });
        loaded = { problem, version: handle.version };
        // Started once the instance is read: an input error stays the one line on stderr.
        if (!argv.quiet) {
          log = new ProgressLog(progress, {
            write: (t) => process.stderr.write(t),
            tty: process.stderr.isTTY,
            startedAt,
          });
          const limit = timeLimit !== undefined ? `, time limit ${timeLimit} s` : '';
          log.start(
            `rlnd: solving ${problem.name} (${problem.kind}) with ${method}, seed ${seed}${limit}, ${threads} thread(s)`,
          );
        }
        result = await solve(problem, {
          method,
          seed,
          handle,
          ...(timeLimit !== undefined ? { timeLimit } : {}),
          ...(stop ? { stop } : {}),
          runner,
          startedAt,
          progress,
        });
        log?.stop(result);
      } catch (err) {
        await pool?.close();
        throw err;
      } finally {
        log?.stop();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      print(result, problem);
      await pool?.close();
      // Written after the result is printed, so a disk that fills up meanwhile loses only the statistics.
      if (stats !== undefined) await writeFile(stats, toCsv(result.stats));
      if (result.status === 'infeasible' || result.status === 'error' || result.status === 'time_limit')
        process.exitCode = 2;
    },
  );
}

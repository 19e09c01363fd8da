import { availableParallelism } from 'node:os';
import type { Argv } from 'yargs';
import { parseShard } from '../experiments/expand.js';
import { loadConfig } from '../experiments/load-config.js';
import { ExperimentRun } from '../experiments/runner.js';

/** `rlnd run <config>`: run (or resume) an experiment, optionally one shard of it. */
export function runCommand(y: Argv): Argv {
  return y.command(
    'run <config>',
    'run or resume an experiment from a YAML/JSON config',
    (a) =>
      a
        .positional('config', { type: 'string', demandOption: true, describe: 'experiment config, e.g. experiments/quickstart.yaml' })
        .option('threads', { type: 'number', describe: 'worker threads (default: available cores)' })
        .option('shard', { type: 'string', describe: 'run shard i of N (1-based), e.g. --shard 2/8' })
        .option('out', { type: 'string', describe: 'output folder (default: the config output, or <output>/shards/<i>-of-<N>)' })
        .option('quiet', { type: 'boolean', default: false, describe: 'no log lines' }),
    async (argv) => {
      const config = await loadConfig(argv.config);
      const shard = argv.shard ? parseShard(argv.shard) : null;
      const threads = Math.max(1, Math.floor(argv.threads ?? availableParallelism()));
      const log = argv.quiet ? () => {} : (m: string) => console.error(m);
      const run = new ExperimentRun(config, { threads, shard, ...(argv.out ? { out: argv.out } : {}), progress: !argv.quiet, log });
      let interrupted = false;
      const onSignal = (): void => {
        if (interrupted) process.exit(130);
        interrupted = true;
        log('\ninterrupted: finishing the lines being written; finished runs are saved (re-run to resume)');
        void run.interrupt().then(() => process.exit(130));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const s = await run.run();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const perRun = s.ran > 0 ? (s.wallSeconds * threads - s.runSeconds) / s.ran : 0;
      log(`${s.ran} runs done (${s.skipped} skipped as already recorded, ${s.failed} errors), ${s.stochastic} stochastic analyses; references: ${s.references.known} published, ${s.references.cached} cached, ${s.references.computed} solved`);
      log(`wall ${s.wallSeconds.toFixed(1)} s on ${threads} thread(s); run time ${s.runSeconds.toFixed(1)} s; overhead ~${perRun.toFixed(3)} s per run; results in ${s.outDir}`);
      if (s.failed > 0) process.exitCode = 2;
    },
  );
}

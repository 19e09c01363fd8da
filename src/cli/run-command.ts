import { expandSaa } from '../experiments/saa-runner.js';
import type { Argv } from 'yargs';
import { expand, parseShard, shardOf } from '../experiments/expand.js';
import { loadSources } from '../experiments/instance-source.js';
import { loadConfig } from '../experiments/load-config.js';
import { expandPareto } from '../experiments/pareto-task.js';
import { ExperimentRun } from '../experiments/runner.js';
import { loadPlugins } from '../parallel/plugins.js';
import { checkOutputFolder, stringOption, threadsOption } from './options.js';

/** `rlnd run <config>`: run (or resume) an experiment, optionally one shard of it. */
export function runCommand(y: Argv): Argv {
  return y.command(
    'run <config>',
    'run or resume an experiment from a YAML/JSON config',
    (a) =>
      a
        .positional('config', {
          type: 'string',
          demandOption: true,
          describe: 'experiment config, e.g. experiments/quickstart.yaml',
        })
        .option('threads', { type: 'string', describe: 'worker threads (default: available cores; at most cores x 4)' })
        .option('plugin', {
          type: 'string',
          array: true,
          describe:
            "plugin module exporting a method (repeatable; beside the config's plugins); loaded by every worker too",
        })
        .option('shard', { type: 'string', describe: 'run shard i of N (1-based), e.g. --shard 2/8' })
        .option('out', {
          type: 'string',
          describe: 'output folder (default: the config output, or <output>/shards/<i>-of-<N>)',
        })
        .option('quiet', { type: 'boolean', default: false, describe: 'no log lines' })
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'validate and print the run list counts, run nothing',
        }),
    async (argv) => {
      // Options first: a bad value must not leave a lock or a half-made output folder behind.
      const threads = threadsOption(argv.threads, (m) => console.error(m));
      const shardText = stringOption('--shard', argv.shard);
      const shard = shardText !== undefined ? parseShard(shardText) : null;
      const out = stringOption('--out', argv.out);
      if (out !== undefined) checkOutputFolder('--out', out);
      await loadPlugins(argv.plugin ?? []);
      const config = await loadConfig(argv.config);
      if (argv['dry-run']) {
        const sources = await loadSources(config.instances);
        const exp = expand(config, sources);
        const saa = expandSaa(config, sources).length;
        const runs = shardOf(exp.runs, shard);
        const counts = new Map<string, number>();
        for (const r of runs)
          counts.set(
            `${r.scenario.set ?? 'nominal'} / ${r.method.label}`,
            (counts.get(`${r.scenario.set ?? 'nominal'} / ${r.method.label}`) ?? 0) + 1,
          );
        console.log(
          `${config.name}: ${exp.runs.length} runs, ${exp.stochastic.length} stochastic analyses, ${saa > 0 ? `${saa} SAA analyses, ` : ''}${exp.scenarios.length} scenarios${shard ? `; shard ${shard.index}/${shard.count}: ${runs.length} runs` : ''}`,
        );
        for (const [k, n] of counts) console.log(`  ${k}: ${n}`);
        const fronts = config.pareto.length ? expandPareto(config, sources).length : 0;
        if (fronts > 0) console.log(`  pareto fronts: ${fronts}`);
        return;
      }
      const log = argv.quiet ? () => {} : (m: string) => console.error(m);
      const run = new ExperimentRun(config, {
        threads,
        shard,
        ...(out !== undefined ? { out } : {}),
        progress: !argv.quiet,
        log,
      });
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
      // Thread time not spent inside tasks (loading, posting, writing, idle tail), per task.
      const overhead =
        s.tasks > 0
          ? `; overhead ~${((s.wallSeconds * threads - s.taskSeconds) / s.tasks).toFixed(3)} s per task`
          : ' (nothing to run)';
      log(
        `${s.ran} runs done (${s.skipped} skipped as already recorded, ${s.failed} errors), ${s.stochastic} stochastic analyses${s.pareto ? `, ${s.pareto} pareto fronts` : ''}; references: ${s.references.known} published, ${s.references.cached} cached, ${s.references.computed} solved`,
      );
      log(
        `wall ${s.wallSeconds.toFixed(1)} s on ${threads} thread(s); time in runs ${s.runSeconds.toFixed(1)} s, in all ${s.tasks} tasks ${s.taskSeconds.toFixed(1)} s${overhead}; results in ${s.outDir}`,
      );
      if (s.failed > 0) process.exitCode = 2;
    },
  );
}

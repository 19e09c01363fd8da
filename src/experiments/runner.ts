import { copyFile, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { toCsv } from '../io/csv.js';
import type { ExperimentConfig } from './config-types.js';
import { expand, shardOf, type Expansion } from './expand.js';
import { lockFolder } from './folder-lock.js';
import { loadSources, type InstanceSource } from './instance-source.js';
import { appendLine, moveCorruptLines, readJsonlChecked, writeAtomic } from './jsonl.js';
import { progressBar, type Progress } from './progress.js';
import type { ReferenceRecord, RunRecord, StochasticRecord } from './records.js';
import { planReferences, referenceOptimum } from './references.js';
import { errorOutcome, runLine, runRecord } from './run-record.js';
import type { ReferenceOutcome, RunOutcome, StochasticOutcome, Task, TaskSource } from './tasks.js';
import { workerPool, type WorkerPool } from '../parallel/worker-pool.js';
import { pendingPareto, runParetoJobs } from './pareto-jobs.js';
import { expandSaa, runSaaJobs } from './saa-runner.js';
import type { SaaTask } from './saa-types.js';

/** How to run an experiment. */
export interface RunOptions {
  /** Worker threads (default 1). */
  threads?: number;
  shard?: { index: number; count: number } | null;
  /** Output folder (default: the config's, or <output>/shards/<i>-of-<N> for a shard). */
  out?: string;
  /** Show a progress bar (only drawn on a TTY). */
  progress?: boolean;
  log?: (message: string) => void;
}

/** What a finished (or interrupted) experiment did. */
export interface RunSummary {
  readonly outDir: string;
  readonly runs: number;
  readonly skipped: number;
  readonly ran: number;
  readonly failed: number;
  readonly stochastic: number;
  /** Fronts of pareto blocks finished (appended to pareto.jsonl) in this run. */
  readonly pareto: number;
  readonly references: { readonly known: number; readonly cached: number; readonly computed: number };
  readonly wallSeconds: number;
  /** Sum of the runs' own runtimes. */
  readonly runSeconds: number;
  /** Tasks done (runs, reference MILPs, stochastic analyses) and their summed worker time. */
  readonly tasks: number;
  readonly taskSeconds: number;
  readonly interrupted: boolean;
}

/** Output folder of an experiment (or one of its shards). */
export function outputDir(config: ExperimentConfig, options: RunOptions): string {
  if (options.out) return options.out;
  return options.shard
    ? join(config.output, 'shards', `${options.shard.index}-of-${options.shard.count}`)
    : config.output;
}

const taskSource = (s: InstanceSource): TaskSource => ({
  file: s.file,
  text: s.text,
  hash: s.hash,
  options: s.options,
  kind: s.kind,
});

/**
 * One experiment run: expands the config, skips runs already in runs.jsonl, settles the MILP
 * references (published optima, disk cache, or solved once), then runs everything on the pool,
 * appending one line per finished run. `interrupt()` stops cleanly: finished runs are on disk.
 */
export class ExperimentRun {
  private pool: WorkerPool<Task | SaaTask> | null = null;
  private stopped = false;
  private readonly writes = new Set<Promise<unknown>>();

  constructor(
    readonly config: ExperimentConfig,
    readonly options: RunOptions = {},
  ) {}

  /** Stops scheduling, waits for lines being written, and shuts the workers down. */
  async interrupt(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.writes]);
    await this.pool?.close();
    this.release();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.writes.add(p);
    void p.finally(() => this.writes.delete(p)).catch(() => {});
    return p;
  }

  async run(): Promise<RunSummary> {
    const t0 = performance.now();
    const { config, options } = this;
    const sources = await loadSources(config.instances);
    const exp = expand(config, sources);
    const outDir = outputDir(config, options);
    await mkdir(join(outDir, 'stats'), { recursive: true });
    this.release = lockFolder(outDir);
    try {
      return await this.runLocked(t0, sources, exp, outDir);
    } finally {
      this.release();
    }
  }

  private release: () => void = () => {};

  private async runLocked(t0: number, sources: InstanceSource[], exp: Expansion, outDir: string): Promise<RunSummary> {
    const { config, options } = this;
    const log = options.log ?? (() => {});
    const byLabel = new Map(sources.map((s) => [s.label, s]));
    const copy = join(outDir, `config${config.file.endsWith('.json') ? '.json' : '.yaml'}`);
    if (config.text !== undefined) await writeAtomic(copy, config.text);
    else await copyFile(config.file, copy);
    // Generated instances exist only in memory: keep a copy beside the results.
    for (const s of sources)
      if (config.instances.find((e) => e.label === s.label)?.text !== undefined)
        await writeAtomic(join(outDir, s.file), s.text);
    await writeAtomic(join(outDir, 'scenarios.json'), `${JSON.stringify(exp.scenarios, null, 2)}\n`);
    const runsFile = join(outDir, 'runs.jsonl');
    const stochFile = join(outDir, 'stochastic.jsonl');
    const runs = shardOf(exp.runs, options.shard ?? null);
    const stoch = shardOf(exp.stochastic, options.shard ?? null);
    // A corrupt line is moved aside (its run, no longer recorded, is run again), not skipped silently.
    const doneRuns = new Set((await readSettled<RunRecord>(runsFile, 'runId', log)).map((r) => r.runId));
    const doneStoch = new Set((await readSettled<StochasticRecord>(stochFile, 'key', log)).map((r) => r.key));
    const pendingRuns = runs.filter((r) => !doneRuns.has(r.runId));
    const pendingStoch = stoch.filter((s) => !doneStoch.has(s.key));
    const pendingFronts = await pendingPareto(config, sources, outDir, (xs) => shardOf(xs, options.shard ?? null));
    const pendingSaa = shardOf(expandSaa(config, sources), options.shard ?? null).filter((s) => !doneStoch.has(s.key));
    log(
      `${config.name}: ${exp.runs.length} runs${options.shard ? `, shard ${options.shard.index}/${options.shard.count} has ${runs.length}` : ''}; ${runs.length - pendingRuns.length} already done; writing to ${outDir}`,
    );

    const plan = await planReferences(config, outDir, pendingRuns, pendingStoch, byLabel);
    const { gapRefs, milp, toSolve, stochRefKeys, counts } = plan;
    for (const f of plan.discarded)
      log(`warning: ${f}: not a valid MILP reference; discarded, the MILP is solved again`);
    const gapRef = (key: string): ReferenceOutcome | null => gapRefs.get(key) ?? milp.get(key) ?? null;

    const threads = Math.max(1, options.threads ?? 1);
    const total = toSolve.length + pendingRuns.length + pendingStoch.length + pendingFronts.length + pendingSaa.length;
    const bar: Progress = options.progress ? progressBar(total) : { tick: () => {}, done: () => {} };
    let failed = 0;
    let runSeconds = 0;
    let ran = 0;
    let stochDoneCount = 0;
    let taskSeconds = 0;
    let frontsDone = 0;
    if (total > 0) this.pool = workerPool<Task | SaaTask>(new URL('./run-worker.js', import.meta.url), threads);
    const pool = this.pool;
    try {
      await Promise.all(
        toSolve.map(async ([key, n]) => {
          if (this.stopped || !pool) return;
          let out: ReferenceOutcome;
          try {
            out = await pool.run<ReferenceOutcome>({
              type: 'reference',
              source: taskSource(n.inst),
              scenario: n.scenario,
              timeLimit: config.reference.timeLimit,
            });
          } catch (err) {
            if (this.stopped) return;
            // Not cached: a failed reference is retried on the next resume.
            log(
              `reference ${n.inst.label} ${n.scenario.id} failed: ${err instanceof Error ? err.message : String(err)}`,
            );
            milp.set(key, {
              source: 'milp',
              status: 'error',
              objective: null,
              lowerBound: null,
              design: null,
              open: [],
              runtimeSeconds: 0,
            });
            return;
          }
          if (this.stopped) return;
          const rec: ReferenceRecord = { ...out, refKey: key, instance: n.inst.label, scenario: n.scenario.id };
          await this.track(writeAtomic(join(outDir, 'milp-cache', `${key}.json`), `${JSON.stringify(rec)}\n`));
          milp.set(key, out);
          counts.computed++;
          taskSeconds += out.runtimeSeconds;
          bar.tick(`reference ${n.inst.label} ${n.scenario.id}`);
        }),
      );
      const runJobs = pendingRuns.map(async (spec) => {
        if (this.stopped || !pool) return;
        const inst = byLabel.get(spec.instance)!;
        let outcome: RunOutcome;
        try {
          outcome = await pool.run<RunOutcome>({
            type: 'run',
            source: taskSource(inst),
            scenario: spec.scenario,
            method: spec.method.name,
            params: spec.method.params,
            timeLimit: spec.method.timeLimit,
            stop: spec.method.stop,
            seed: spec.seed,
          });
        } catch (err) {
          if (this.stopped) return;
          outcome = errorOutcome(err);
        }
        if (this.stopped) return;
        const rec = runRecord(config, spec, inst, outcome, config.reference.enabled ? gapRef(spec.refKey) : null);
        if (outcome.stats.length > 0)
          await this.track(writeAtomic(join(outDir, 'stats', `${spec.runId}.csv`), toCsv(outcome.stats)));
        await this.track(appendLine(runsFile, rec));
        ran++;
        runSeconds += outcome.runtimeSeconds;
        taskSeconds += outcome.runtimeSeconds;
        if (rec.status === 'error') failed++;
        bar.tick(`${spec.method.label} ${spec.instance} ${spec.scenario.id} s${spec.seed}: ${runLine(rec)}`);
      });
      const stochJobs = pendingStoch.map(async (spec) => {
        if (this.stopped || !pool) return;
        const keys = stochRefKeys.get(spec.key)!;
        const out = await pool
          .run<StochasticOutcome>({
            type: 'stochastic',
            source: taskSource(byLabel.get(spec.instance)!),
            scenarios: spec.scenarios,
            nominalDesign: milp.get(keys.nominal)?.design ?? null,
            optima: keys.scenarios.map((k) => referenceOptimum(gapRef(k))),
            twoStage: spec.twoStage,
            timeLimit: config.reference.timeLimit,
          })
          .catch((err: unknown) => (this.stopped ? null : Promise.reject(err)));
        if (!out || this.stopped) return;
        const rec: StochasticRecord = {
          experiment: config.name,
          key: spec.key,
          instance: spec.instance,
          block: spec.block,
          ...out,
          host: hostname(),
          finishedAt: new Date().toISOString(),
        };
        await this.track(appendLine(stochFile, rec));
        stochDoneCount++;
        taskSeconds += out.runtimeSeconds;
        bar.tick(`stochastic ${spec.block} ${spec.instance}`);
      });
      const saaJob = pool
        ? runSaaJobs(
            {
              config,
              pool,
              byLabel,
              file: stochFile,
              stopped: () => this.stopped,
              track: (p) => this.track(p),
              tick: (m) => bar.tick(m),
              log,
            },
            pendingSaa,
          ).then((r) => {
            stochDoneCount += r.done;
            taskSeconds += r.seconds;
          })
        : Promise.resolve();
      const frontJobs = pool
        ? runParetoJobs(pendingFronts, {
            config,
            outDir,
            pool,
            source: (label) => taskSource(byLabel.get(label)!),
            stopped: () => this.stopped,
            track: (p) => this.track(p),
            tick: (m) => bar.tick(m),
            log,
          })
        : [];
      const [, fronts] = await Promise.all([Promise.all([...runJobs, ...stochJobs, saaJob]), Promise.all(frontJobs)]);
      frontsDone = fronts.reduce((a, f) => a + f.done, 0);
      taskSeconds += fronts.reduce((a, f) => a + f.seconds, 0);
    } finally {
      bar.done();
      if (!this.stopped) await this.pool?.close();
    }
    return {
      outDir,
      runs: runs.length,
      skipped: runs.length - pendingRuns.length,
      ran,
      failed,
      stochastic: stochDoneCount,
      pareto: frontsDone,
      references: counts,
      wallSeconds: (performance.now() - t0) / 1000,
      runSeconds,
      tasks: ran + counts.computed + stochDoneCount + frontsDone,
      taskSeconds,
      interrupted: this.stopped,
    };
  }
}

/** Records of a results file; corrupt lines are reported by line number and moved to `<name>.corrupt.jsonl`. */
async function readSettled<T>(file: string, key: string, log: (m: string) => void): Promise<T[]> {
  const { records, corrupt } = await readJsonlChecked<T>(file, { repair: true, key });
  if (corrupt.length > 0) {
    const aside = await moveCorruptLines(file, corrupt);
    for (const c of corrupt)
      log(
        `warning: ${file}: line ${c.line}: not a valid record (${c.error}); moved to ${aside}, its run will run again`,
      );
  }
  return records;
}

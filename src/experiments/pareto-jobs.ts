import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ParetoFront } from '../pareto/epsilon-constraint.js';
import type { WorkerPool } from '../parallel/worker-pool.js';
import type { ExperimentConfig } from './config-types.js';
import type { InstanceSource } from './instance-source.js';
import { appendLine, readJsonlChecked } from './jsonl.js';
import type { ParetoRecord } from './pareto-record.js';
import { expandPareto, type ParetoSpec } from './pareto-task.js';
import type { Task, TaskSource } from './tasks.js';

/** The fronts file of a result folder. */
export const PARETO_FILE = 'pareto.jsonl';

/** The experiment's fronts not yet in pareto.jsonl (a front is written only once finished). */
export async function pendingPareto(
  config: ExperimentConfig,
  sources: readonly InstanceSource[],
  outDir: string,
  shard: <T>(items: readonly T[]) => readonly T[],
): Promise<ParetoSpec[]> {
  if (config.pareto.length === 0) return [];
  const specs = shard(expandPareto(config, sources));
  const { records } = await readJsonlChecked<ParetoRecord>(join(outDir, PARETO_FILE), { repair: true, key: 'key' });
  const done = new Set(records.map((r) => r.key));
  return specs.filter((s) => !done.has(s.key));
}

/** What the runner lends the fronts: its pool, its stop flag and its bookkeeping. */
export interface ParetoJobContext {
  readonly config: ExperimentConfig;
  readonly outDir: string;
  readonly pool: WorkerPool<Task>;
  readonly source: (label: string) => TaskSource;
  readonly stopped: () => boolean;
  readonly track: <T>(p: Promise<T>) => Promise<T>;
  readonly tick: (message: string) => void;
  readonly log: (message: string) => void;
}

/**
 * Runs the pending fronts on the pool and appends each finished one to pareto.jsonl; resolves
 * with the fronts written and their summed runtime. A front that fails is logged and left for a rerun.
 */
export function runParetoJobs(
  specs: readonly ParetoSpec[],
  ctx: ParetoJobContext,
): Promise<{ readonly done: number; readonly seconds: number }>[] {
  const file = join(ctx.outDir, PARETO_FILE);
  return specs.map(async (spec) => {
    if (ctx.stopped()) return { done: 0, seconds: 0 };
    let front: ParetoFront;
    try {
      front = await ctx.pool.run<ParetoFront>({
        type: 'pareto',
        source: ctx.source(spec.instance),
        block: spec.block,
        seed: spec.seed,
      });
    } catch (err) {
      if (!ctx.stopped())
        ctx.log(
          `pareto ${spec.block.name} ${spec.instance} s${spec.seed} failed: ${err instanceof Error ? err.message : String(err)}`,
        );
      return { done: 0, seconds: 0 };
    }
    if (ctx.stopped()) return { done: 0, seconds: 0 };
    const { instance: network, ...rest } = front;
    const rec: ParetoRecord = {
      experiment: ctx.config.name,
      key: spec.key,
      instance: spec.instance,
      network,
      block: spec.block.name,
      seed: spec.seed,
      ...rest,
      host: hostname(),
      finishedAt: new Date().toISOString(),
    };
    await ctx.track(appendLine(file, rec));
    ctx.tick(`pareto ${spec.block.name} ${spec.instance} s${spec.seed}: ${front.points.length} points`);
    return { done: 1, seconds: front.runtimeSeconds };
  });
}

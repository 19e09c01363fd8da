import { availableParallelism } from 'node:os';
import type { Design } from '../core/design.js';
import type { Evaluation } from '../core/problem.js';
import { unpricedEvaluation, type BatchOptions, type BatchRunner } from '../core/batch-runner.js';
import type { EvaluateTask } from './evaluate-worker.js';
import type { ProblemSource } from './problem-source.js';
import { scenarioChunks, type ScenarioRunner, type ScenarioTask } from '../core/scenario-runner.js';
import type { ScenarioCut } from '../core/two-stage.js';
import { workerPool, type WorkerPool } from './worker-pool.js';

/** Default pool size: the machine's cores. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * A {@link BatchRunner} on a worker pool (worker-pool.ts) of `threads` workers, each with its
 * own HiGHS module. A batch is cut into one contiguous chunk per worker and the results are put
 * back in input order. A task whose worker crashes is retried once on a fresh worker (piscina
 * replaces dead workers); a second failure is an error, never a silently dropped design.
 */
export class PoolRunner implements BatchRunner, ScenarioRunner {
  private readonly pool: WorkerPool<EvaluateTask | ScenarioTask>;

  constructor(
    source: ProblemSource,
    readonly threads: number = defaultThreads(),
  ) {
    this.pool = workerPool(new URL('./evaluate-worker.js', import.meta.url), threads, source);
  }

  async evaluateAll(designs: readonly Design[], options: BatchOptions = {}): Promise<Evaluation<unknown>[]> {
    const chunk = Math.ceil(designs.length / this.threads);
    const signal =
      options.abortAfter !== undefined ? AbortSignal.timeout(Math.ceil(options.abortAfter * 1000)) : undefined;
    const parts: Promise<Evaluation<unknown>[]>[] = [];
    for (let k = 0; k < designs.length; k += chunk) {
      const task = {
        designs: designs.slice(k, k + chunk).map((d) => Uint8Array.from(d)),
        ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
      };
      parts.push(this.runTask(task, signal));
    }
    return (await Promise.all(parts)).flat();
  }

  private async runTask(task: EvaluateTask, signal?: AbortSignal): Promise<Evaluation<unknown>[]> {
    try {
      return await this.pool.run<Evaluation<unknown>[]>(task, undefined, signal);
    } catch (first) {
      // Abandoned at the deadline: the chunk's designs are unpriced (a retry would only overrun).
      if (signal?.aborted) return task.designs.map(() => unpricedEvaluation());
      try {
        return await this.pool.run<Evaluation<unknown>[]>(task);
      } catch (second) {
        throw new Error(
          `design evaluation failed twice (${(first as Error).message}; then ${(second as Error).message})`,
        );
      }
    }
  }

  /**
   * Prices two-stage scenario subproblems on the same workers (scenario-worker.ts): one task per
   * fixed chunk of scenarios (`scenarioChunks`, independent of the thread count, since a chunk's
   * LPs are warm-started in order), so uneven scenarios balance; results in order.
   */
  async scenarioCuts(task: ScenarioTask): Promise<ScenarioCut[]> {
    const worker = new URL('./scenario-worker.js', import.meta.url);
    const parts = scenarioChunks(task.scenarios).map((scenarios) =>
      this.pool.run<ScenarioCut[]>({ ...task, scenarios }, worker),
    );
    return (await Promise.all(parts)).flat();
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

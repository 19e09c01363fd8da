import { workerPool, type WorkerPool } from '../parallel/worker-pool.js';
import type { NetworkInstance } from '../problems/network/instance.js';
import type { ScalarOutcome, ScalarRunner, ScalarTask } from './scalar.js';
import type { ScalarWorkerData } from './scalar-worker.js';

/**
 * A {@link ScalarRunner} on a worker pool: each worker (one HiGHS module) solves whole
 * scalarised problems, so the epsilon problems of a front run side by side. Each problem runs
 * its method single-threaded inside its worker.
 */
export class ScalarPool implements ScalarRunner {
  private readonly pool: WorkerPool<ScalarTask>;

  constructor(
    inst: NetworkInstance,
    readonly threads: number,
  ) {
    const data: ScalarWorkerData = { inst };
    this.pool = workerPool(new URL('./scalar-worker.js', import.meta.url), threads, data);
  }

  run(tasks: readonly ScalarTask[]): Promise<ScalarOutcome[]> {
    return Promise.all(tasks.map((t) => this.pool.run<ScalarOutcome>(t)));
  }

  /** Stops the workers. */
  close(): Promise<void> {
    return this.pool.close();
  }
}

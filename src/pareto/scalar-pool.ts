import { Piscina } from 'piscina';
import type { NetworkInstance } from '../problems/network/instance.js';
import type { ScalarOutcome, ScalarRunner, ScalarTask } from './scalar.js';
import type { ScalarWorkerData } from './scalar-worker.js';

/**
 * A {@link ScalarRunner} on a piscina pool: each worker (one HiGHS module) solves whole
 * scalarised problems, so the epsilon problems of a front run side by side. Each problem runs
 * its method single-threaded inside its worker.
 */
export class ScalarPool implements ScalarRunner {
  private readonly pool: Piscina;

  constructor(
    inst: NetworkInstance,
    readonly threads: number,
  ) {
    // Compiled JavaScript next to this file (dist/pareto/), like the design-pricing pool.
    const filename = new URL('./scalar-worker.js', import.meta.url).href;
    const data: ScalarWorkerData = { inst };
    this.pool = new Piscina({
      filename,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      workerData: data,
    });
  }

  run(tasks: readonly ScalarTask[]): Promise<ScalarOutcome[]> {
    return Promise.all(tasks.map((t) => this.pool.run(t) as Promise<ScalarOutcome>));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

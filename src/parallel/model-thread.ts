import { Worker } from 'node:worker_threads';
import type { LinearModel } from '../exact/linear-model.js';
import type { ExactOptions, ModelSolution, ModelSolver } from '../exact/model-solution.js';
import { compiledWorker } from './worker-pool.js';

/** A request to the model thread and its answer (structured-cloned: plain arrays and strings). */
export interface ModelThreadRequest {
  readonly id: number;
  readonly model: LinearModel;
  readonly options: ExactOptions;
}
export type ModelThreadReply =
  { readonly id: number; readonly solution: ModelSolution } | { readonly id: number; readonly error: string };

/**
 * One worker thread with its own HiGHS module that solves whole models. A single HiGHS call blocks its
 * thread for up to the time limit; run there, the caller's thread keeps its event loop, so a Ctrl-C
 * handler runs at once instead of after the MILP. Idle, the worker never keeps a process alive.
 */
export class ModelThread implements ModelSolver {
  private worker: Worker | null = null;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (s: ModelSolution) => void; reject: (e: Error) => void }>();

  /** Starts the thread at once: its module loads while the caller reads the instance and builds the model. */
  constructor() {
    this.start();
  }

  /** Solves `model` on the thread (loaded on first use); same options and answer as `solveModel`. */
  solve(model: LinearModel, options: ExactOptions): Promise<ModelSolution> {
    const worker = this.start();
    const id = this.next++;
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      // Referenced while it has work, so the process waits for the answer; idle, it never keeps a process alive.
      if (this.pending.size === 0) worker.ref();
      // HiGHS checks its time limit only now and then (not inside a long presolve or root LP of 800,000
      // columns: 100 x 8,000 at 15 s returned after 22 s): past the limit and a grace, the thread is ended.
      const limit = options.timeLimit;
      const timer =
        limit !== undefined && Number.isFinite(limit)
          ? setTimeout(() => this.overran(id, limit, t0), (limit + Math.max(1, 0.02 * limit)) * 1000)
          : null;
      timer?.unref();
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          if (timer) clearTimeout(timer);
          f(v);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      worker.postMessage({ id, model, options } satisfies ModelThreadRequest);
    });
  }

  /** Ends a thread whose HiGHS call ran past its limit and answers `time_limit` (no incumbent can be read). */
  private overran(id: number, limit: number, t0: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    const w = this.worker;
    this.worker = null;
    this.fail(new Error('the model thread was stopped at a time limit'));
    void w?.terminate();
    const seconds = (performance.now() - t0) / 1000;
    p.resolve({
      status: 'time_limit',
      objective: null,
      dualBound: null,
      values: null,
      rowDuals: null,
      colDuals: null,
      runtimeSeconds: seconds,
      options: { time_limit: limit },
      message: `HiGHS ran past its time limit of ${limit} s; stopped after ${seconds.toFixed(1)} s`,
    });
  }

  /** Stops the thread; models being solved are rejected. */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.fail(new Error('the model thread was closed'));
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(compiledWorker(new URL('./model-thread-worker.js', import.meta.url)));
    w.on('message', (reply: ModelThreadReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) w.unref();
      if ('solution' in reply) p?.resolve(reply.solution);
      else p?.reject(new Error(reply.error));
    });
    w.on('error', (err) => {
      this.worker = null;
      this.fail(err);
    });
    // After the listeners: attaching a 'message' listener refs the worker again.
    w.unref();
    this.worker = w;
    return w;
  }

  private fail(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { loadedPlugins } from './plugins.js';
import type { PoolWorkerData } from './worker-setup.js';

/**
 * A fixed pool of worker threads (each loads its own HiGHS module). The one place rlnd creates
 * piscina pools, so every pool finds its worker file, sizes itself and shuts down the same way.
 */
export interface WorkerPool<Task = unknown> {
  readonly threads: number;
  /**
   * Runs one task on the pool's worker, or on `worker` (another compiled entry file) when given. An
   * aborted `signal` rejects with an AbortError and ends the worker (piscina starts a fresh one).
   */
  run<T>(task: Task, worker?: URL, signal?: AbortSignal): Promise<T>;
  /** Stops the workers; tasks still running reject. */
  close(): Promise<void>;
}

// The package root: this file is src/parallel/worker-pool.ts or dist/parallel/worker-pool.js.
const ROOT = new URL('../../', import.meta.url);

/**
 * The compiled JavaScript of a worker entry, given as `new URL('./x-worker.js', import.meta.url)`
 * by the module that owns it. From dist/ that file exists; from src/ (tests import sources) it
 * is the same path under dist/, which `npm run build` produces: workers never need a TS loader.
 */
export function compiledWorker(worker: URL): string {
  const here = fileURLToPath(worker);
  if (existsSync(here)) return here;
  const src = new URL('src/', ROOT).href;
  if (worker.href.startsWith(src)) {
    const built = fileURLToPath(new URL(`dist/${worker.href.slice(src.length)}`, ROOT));
    if (existsSync(built)) return built;
    throw new Error(`worker not found at ${here} or ${built}; run \`npm run build\` first`);
  }
  throw new Error(`worker not found at ${here}; run \`npm run build\` first`);
}

/**
 * A pool of exactly `threads` long-lived workers running `worker` (see {@link compiledWorker}),
 * each given `workerData` once, beside the plugin modules loaded in this thread (worker entries
 * read both with `workerSetup`, worker-setup.ts). Results do not depend on `threads`: callers
 * split and reassemble batches in input order.
 */
export function workerPool<Task = unknown>(worker: URL, threads: number, workerData?: unknown): WorkerPool<Task> {
  const data: PoolWorkerData = { plugins: loadedPlugins(), data: workerData };
  const pool = new Piscina({
    filename: compiledWorker(worker),
    minThreads: threads,
    maxThreads: threads,
    // Workers stay up between batches (a HiGHS module takes a while to load), but not forever.
    idleTimeout: 60_000,
    workerData: data,
  });
  return {
    threads,
    run: <T>(task: Task, other?: URL, signal?: AbortSignal) =>
      pool.run(task, {
        ...(other !== undefined ? { filename: compiledWorker(other) } : {}),
        ...(signal !== undefined ? { signal } : {}),
      }) as Promise<T>,
    close: () => pool.destroy(),
  };
}

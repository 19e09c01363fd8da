import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Task } from './tasks.js';

/** Runs experiment tasks on worker threads (one HiGHS module each). */
export interface TaskPool {
  readonly threads: number;
  run<T>(task: Task): Promise<T>;
  close(): Promise<void>;
}

/**
 * The compiled worker. From dist/ it sits beside this file; when this module is loaded from
 * src/ (tests), fall back to the build output, which `npm test` and `npm run build` produce.
 */
export function workerFile(): string {
  const here = fileURLToPath(new URL('./run-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = fileURLToPath(new URL('../../dist/experiments/run-worker.js', import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`experiment worker not found at ${here} or ${built}; run \`npm run build\` first`);
}

/** A piscina pool of exactly `threads` long-lived workers. */
export function piscinaPool(threads: number): TaskPool {
  const pool = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 60_000 });
  return {
    threads,
    run: <T>(task: Task) => pool.run(task) as Promise<T>,
    close: () => pool.destroy(),
  };
}

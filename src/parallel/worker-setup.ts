import { workerData } from 'node:worker_threads';
import { loadPlugins } from './plugins.js';

/**
 * What every pool worker gets once (worker-pool.ts): the plugin modules its parent thread
 * loaded, and the pool's own data (an instance source, a compiled network, or nothing).
 */
export interface PoolWorkerData<T = unknown> {
  readonly plugins: readonly string[];
  readonly data: T;
}

let ready: Promise<unknown> | null = null;

/**
 * Worker side: loads the parent's plugin modules (once per worker, before its first task) and
 * returns the pool's data. Every worker entry awaits it first, so a plugin method is registered
 * on every thread before any work.
 */
export async function workerSetup<T>(): Promise<T> {
  const wd = workerData as PoolWorkerData<T>;
  ready ??= loadPlugins(wd.plugins, 'plugin (in a worker)');
  await ready;
  return wd.data;
}

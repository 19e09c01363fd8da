import { HighsHandle } from '../exact/highs-handle.js';
import { executeTask } from './execute-task.js';
import type { Task } from './tasks.js';

// One HiGHS module per worker thread, loaded on the first task and kept for the pool's life.
let handle: Promise<HighsHandle> | null = null;

/** Piscina worker entry: one experiment task in, its outcome out (plain data both ways). */
export default async function runWorker(task: Task): Promise<unknown> {
  handle ??= HighsHandle.load();
  return executeTask(await handle, task);
}

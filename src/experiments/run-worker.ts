import { HighsHandle } from '../exact/highs-handle.js';
import { workerSetup } from '../parallel/worker-setup.js';
import { executeTask } from './execute-task.js';
import type { Task } from './tasks.js';
import { executeSaaTask, isSaaTask } from './saa-task.js';
import type { SaaTask } from './saa-types.js';

// One HiGHS module per worker thread, loaded on the first task and kept for the pool's life.
let handle: Promise<HighsHandle> | null = null;

/** Piscina worker entry: one experiment task in, its outcome out (plain data both ways). */
export default async function runWorker(task: Task | SaaTask): Promise<unknown> {
  handle ??= HighsHandle.load();
  // Plugin methods are registered before the first task (the pool hands over the parent's list).
  await workerSetup();
  return isSaaTask(task) ? executeSaaTask(await handle, task) : executeTask(await handle, task);
}

import { HighsHandle } from '../exact/highs-handle.js';
import type { NetworkInstance } from '../problems/network/instance.js';
import { workerSetup } from '../parallel/worker-setup.js';
import { runScalarTask, type ScalarOutcome, type ScalarTask } from './scalar.js';

/** What a front's worker gets once: the compiled instance (plain data, structured-cloned). */
export interface ScalarWorkerData {
  readonly inst: NetworkInstance;
}

// One HiGHS module per worker thread, loaded once and kept for the worker's life.
let handle: Promise<HighsHandle> | null = null;

/** Piscina entry point: solves one scalarised problem of a front. */
export default async function solveScalar(task: ScalarTask): Promise<ScalarOutcome> {
  handle ??= HighsHandle.load();
  const { inst } = await workerSetup<ScalarWorkerData>();
  const h = await handle;
  h.resetSessions();
  return runScalarTask(inst, task, h);
}

import { parentPort } from 'node:worker_threads';
import { HighsHandle } from '../exact/highs-handle.js';
import type { ModelThreadReply, ModelThreadRequest } from './model-thread.js';
import { solveModel } from '../exact/solve-model.js';

// The worker of a ModelThread: its own HiGHS handle (healing itself after faults like any other), one model at a time.
const handle = await HighsHandle.load();
parentPort!.on('message', (req: ModelThreadRequest) => {
  solveModel(handle, req.model, req.options).then(
    (solution) => parentPort!.postMessage({ id: req.id, solution } satisfies ModelThreadReply),
    (err: unknown) =>
      parentPort!.postMessage({
        id: req.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies ModelThreadReply),
  );
});

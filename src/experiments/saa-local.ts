import { readFile } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import { checkSaaFactors } from './saa-runner.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { workerPool } from '../parallel/worker-pool.js';
import { kindOfText } from '../problems/scenario-hooks.js';
import type { SaaBlock } from './config-types.js';
import { saaAnalysis } from './saa-analysis.js';
import { executeSaaTask } from './saa-task.js';
import type { SaaOutcome, SaaTask } from './saa-types.js';
import { stableId, textHash } from './run-id.js';
import type { TaskSource } from './tasks.js';

/**
 * The SAA analyses of one block on one network file, outside an experiment (`rlnd saa`): one per
 * N, on this thread (tasks one at a time on one HiGHS handle) or on `threads` experiment workers.
 * The outcomes are the same either way.
 */
export async function saaOnFile(
  file: string,
  block: SaaBlock,
  threads: number,
  factorsFile: string,
): Promise<SaaOutcome[]> {
  const text = await readFile(file, 'utf8');
  const source: TaskSource = {
    file,
    text,
    hash: stableId({ text: textHash(text), options: {} }),
    options: {},
    kind: kindOfText(text, file),
  };
  if (source.kind !== 'network')
    throw new InputError(file, 'problem', `a network instance for SAA (this is ${source.kind})`);
  checkSaaFactors(factorsFile, '', block, source, file);
  let exec: (t: SaaTask) => Promise<unknown>;
  let close = async (): Promise<void> => {};
  if (threads > 1) {
    const pool = workerPool<SaaTask>(new URL('./run-worker.js', import.meta.url), threads);
    exec = (t) => pool.run(t);
    close = () => pool.close();
  } else {
    const handle = await HighsHandle.load();
    // One task at a time: the handle is one HiGHS instance.
    let queue: Promise<unknown> = Promise.resolve();
    exec = (t) => {
      const next = queue.then(() => executeSaaTask(handle, t));
      queue = next.catch(() => {});
      return next;
    };
  }
  try {
    const out: SaaOutcome[] = [];
    for (const n of block.n)
      out.push(
        await saaAnalysis(exec, {
          source,
          parameters: block.parameters,
          n,
          replications: block.replications,
          evaluation: block.evaluation,
          seed: block.seed,
          solver: block.solver,
          values: block.values && n === block.n[0],
        }),
      );
    return out;
  } finally {
    await close();
  }
}

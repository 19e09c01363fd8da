import type { Design } from '../core/design.js';
import { designInfeasibility, type Evaluation, type Problem } from '../core/problem.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { problemFromText } from '../problems/load-problem.js';
import { sourceKey, type ProblemSource } from './problem-source.js';
import { workerSetup } from './worker-setup.js';

/** A batch of designs to price, as posted to a worker (the problem came once, as workerData). */
export interface EvaluateTask {
  readonly designs: readonly Uint8Array[];
  /** Seconds each pricing may take at most (set near a search's deadline). */
  readonly timeLimit?: number;
}

// One HiGHS module per worker thread, loaded once and kept for the worker's life.
let handle: Promise<HighsHandle> | null = null;
let current: { key: string; problem: Problem } | null = null;

function problemFor(source: ProblemSource): Problem {
  const key = sourceKey(source);
  if (!current || current.key !== key)
    current = { key, problem: problemFromText(source.text, source.file, source.options) };
  return current.problem;
}

/** Piscina entry point: prices each design exactly, in order. */
export default async function evaluateBatch(task: EvaluateTask): Promise<Evaluation<unknown>[]> {
  handle ??= HighsHandle.load();
  const source = await workerSetup<ProblemSource>();
  const h = await handle;
  const problem = problemFor(source);
  const out: Evaluation<unknown>[] = [];
  for (const raw of task.designs) {
    const design: Design = Uint8Array.from(raw);
    const reason = designInfeasibility(problem, design);
    out.push(
      reason
        ? { feasible: false, cost: Infinity, parts: {}, flows: null, reason }
        : await problem.evaluate(h, design, task.timeLimit !== undefined ? { timeLimit: task.timeLimit } : {}),
    );
  }
  return out;
}

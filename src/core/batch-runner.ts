import type { Design } from './design.js';
import type { EvaluateOptions, Evaluation } from './problem.js';

/**
 * Evaluates a batch of designs, possibly in parallel. Algorithms receive one of these and never
 * know whether it is a worker pool or the calling thread; results come back in input order, so a
 * search is the same whatever the number of workers.
 */
export interface BatchRunner {
  readonly threads: number;
  /**
   * `options.timeLimit` bounds each pricing (e.g. a single-source allocation MIP) near a deadline;
   * after `options.abortAfter` seconds a pool abandons what is still being priced (a single HiGHS call
   * cannot be stopped from outside, its worker can): those designs come back `UNPRICED`.
   */
  evaluateAll(designs: readonly Design[], options?: BatchOptions): Promise<Evaluation<unknown>[]>;
}

/** Options of one {@link BatchRunner.evaluateAll} call. */
export interface BatchOptions extends Pick<EvaluateOptions, 'timeLimit'> {
  readonly abortAfter?: number;
}

/** Why a design left unpriced at the deadline counts as infeasible (never cached: a later call may price it). */
export const UNPRICED = 'not priced: the time limit was reached';

/** The evaluation of a design left unpriced at the deadline. */
export function unpricedEvaluation(): Evaluation<unknown> {
  return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: UNPRICED };
}

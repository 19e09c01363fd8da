import type { Design } from './design.js';
import type { EvaluateOptions, Evaluation } from './problem.js';

/**
 * Evaluates a batch of designs, possibly in parallel. Algorithms receive one of these and never
 * know whether it is a worker pool or the calling thread; results come back in input order, so a
 * search is the same whatever the number of workers.
 */
export interface BatchRunner {
  readonly threads: number;
  /** `options.timeLimit` bounds each pricing (e.g. a single-source allocation MIP) near a deadline. */
  evaluateAll(designs: readonly Design[], options?: Pick<EvaluateOptions, 'timeLimit'>): Promise<Evaluation<unknown>[]>;
}

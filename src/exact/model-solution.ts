import type { LinearModel } from './linear-model.js';
import type { SolveStatus } from './status.js';

/** Solver options rlnd understands; anything else HiGHS accepts can go in `highs`. */
export interface ExactOptions {
  /** Wall-clock limit in seconds. */
  timeLimit?: number;
  /** Relative MIP gap at which HiGHS stops (default 1e-9: solve to optimality). */
  mipRelGap?: number;
  presolve?: 'on' | 'off' | 'choose';
  /** HiGHS random seed (rlnd passes the run's seed, so runs repeat exactly). */
  randomSeed?: number;
  /**
   * Requested threads. The WebAssembly build is single-threaded and HiGHS aborts if told
   * otherwise, so this is recorded but not passed on; rlnd parallelises with worker threads.
   */
  threads?: number;
  /** Print the HiGHS log to stdout. */
  verbose?: boolean;
  /**
   * Objective cutoff (minimisation only): HiGHS looks only for solutions below it (`objective_bound`).
   * When it finds none, the answer is `noneBelowCutoff` with status `time_limit` — never `infeasible`:
   * that is no proof the model is infeasible — and every dual bound is clamped to min(bound, cutoff).
   */
  cutoff?: number;
  /** MIP start: values of some columns (e.g. the design bits of an incumbent); HiGHS completes the rest. */
  start?: { readonly columns: readonly number[]; readonly values: readonly number[] };
  /** Further raw HiGHS options, passed through unchanged (unknown names are an error). */
  highs?: Readonly<Record<string, number | string | boolean>>;
}

/** What the exact layer returns for one model. Values are indexed like the model's columns. */
export interface ModelSolution {
  readonly status: SolveStatus;
  /** Solver-reported objective (callers recompute their own from `values`). */
  readonly objective: number | null;
  /** Best proven bound: the MIP dual bound, or the objective for a solved LP. */
  readonly dualBound: number | null;
  readonly values: Float64Array | null;
  /** LP row duals (null for MIPs, where HiGHS gives none). */
  readonly rowDuals: Float64Array | null;
  /** LP reduced costs (null for MIPs). */
  readonly colDuals: Float64Array | null;
  readonly runtimeSeconds: number;
  /** HiGHS options actually applied, for the record. */
  readonly options: Readonly<Record<string, number | string | boolean>>;
  readonly message?: string;
  /**
   * True when a cutoff was given and HiGHS proved there is no solution below it (the model's optimum,
   * if any, is >= the cutoff). Then `dualBound` is the cutoff, and `values` (status `feasible`) hold
   * a solution at or above it if HiGHS kept one (a MIP start), else none (status `time_limit`).
   */
  readonly noneBelowCutoff?: boolean;
}

/**
 * Somewhere else to solve whole models (a worker thread: parallel/model-thread.ts), injected into a
 * HighsHandle so that a long MILP does not block the caller's thread.
 */
export interface ModelSolver {
  solve(model: LinearModel, options: ExactOptions): Promise<ModelSolution>;
}

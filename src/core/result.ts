import type { SolveStatus } from '../exact/status.js';

/** One flat row of per-iteration statistics (CSV/JSON friendly). */
export interface StatRow {
  readonly method: string;
  readonly iteration: number;
  readonly timeSeconds: number;
  readonly upperBound: number | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  /** Method-specific extras (e.g. `evaluations`, `step`). */
  readonly [extra: string]: string | number | null;
}

/** What every method returns through `solve`: plain data, safe to post between threads. */
export interface Result<F = unknown> {
  readonly problem: string;
  readonly instance: string;
  readonly method: string;
  readonly seed: number;
  readonly status: SolveStatus;
  /** Objective recomputed from the returned design and flows (never copied from a solver log). */
  readonly objective: number | null;
  /** Best proven lower bound (minimisation), or null. */
  readonly lowerBound: number | null;
  /**
   * The objective the method itself claimed for its solution (HiGHS's objective value, a search's
   * price of its best design), or null when it claimed none: compared with `objective`.
   */
  readonly claimedObjective: number | null;
  /** The lower bound as the method claimed it, before `solve` clamps round-off; null when none. */
  readonly claimedBound: number | null;
  /**
   * True when the claimed objective differs from the recomputed one by more than
   * {@link CLAIM_TOLERANCE} (relative): the method's model or pricing disagrees with the problem's
   * cost. The message says by how much, and an `optimal` claim is reported as `feasible` (the
   * proof was of the method's figure, not of the solution's cost). Also true when the claimed
   * bound exceeds the recomputed objective beyond round-off: `lowerBound` is then null.
   */
  readonly claimMismatch: boolean;
  /** (objective - lowerBound) / |objective|, or null without a bound. */
  readonly gap: number | null;
  /** The design as 0/1 bits. */
  readonly design: readonly number[];
  /** Ids of the open sites. */
  readonly open: readonly string[];
  readonly costParts: Readonly<Record<string, number>>;
  /** Non-cost figures of the solution (Problem.figures), e.g. `emissionsKgCO2`; empty when none. */
  readonly figures: Readonly<Record<string, number>>;
  readonly flows: F | null;
  readonly runtimeSeconds: number;
  readonly stats: readonly StatRow[];
  readonly solver: {
    readonly name: 'HiGHS';
    readonly version: string;
    readonly options: Readonly<Record<string, unknown>>;
  };
  /** Why there is no solution (infeasible instance, time limit) or other notes. */
  readonly message?: string;
  /** Two-stage problems: each scenario's probability, cost and unmet demand (the objective is their expectation). */
  readonly scenarios?: readonly ScenarioOutcome[];
}

/**
 * Relative tolerance, of max(1, |objective|), between a method's claimed objective and the one
 * recomputed from its flows. HiGHS keeps primal feasibility to 1e-7 per row, so a correct model's
 * objective agrees to far better than this on every bundled instance; a wrong coefficient, a
 * dropped term or a stale price does not.
 */
export const CLAIM_TOLERANCE = 1e-6;

/** Whether a claimed objective differs from the recomputed one beyond {@link CLAIM_TOLERANCE}. */
export function claimDiffers(claimed: number | null, recomputed: number): boolean {
  if (claimed === null) return false;
  return !(Math.abs(claimed - recomputed) <= CLAIM_TOLERANCE * Math.max(1, Math.abs(recomputed)));
}

/** One scenario of a two-stage solution: recomputed from its flows like the objective. */
export interface ScenarioOutcome {
  readonly id: string;
  readonly probability: number;
  /** First-stage cost plus this scenario's second-stage cost (flows and unmet-demand penalty). */
  readonly cost: number;
  /** Demand left unmet in this scenario (units summed over demand rows and periods). */
  readonly unmetDemand: number;
}

/** Relative gap between an objective and a lower bound; null when either is missing. */
export function relativeGap(objective: number | null, lowerBound: number | null): number | null {
  if (objective === null || lowerBound === null || !Number.isFinite(objective) || !Number.isFinite(lowerBound))
    return null;
  const gap = (objective - lowerBound) / Math.max(Math.abs(objective), 1e-12);
  return Math.max(0, gap);
}

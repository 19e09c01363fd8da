import type { z } from 'zod';
import type { Design } from '../core/design.js';
import type { Problem } from '../core/problem.js';
import type { StatRow } from '../core/result.js';
import type { StoppingCriterion } from '../core/stopping.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import type { SolveStatus } from '../exact/status.js';
import type { BatchRunner } from '../core/batch-runner.js';
import type { SearchProgress } from '../search/progress.js';

/** Everything a method is given: the problem, one HiGHS handle, and how to stop. */
export interface MethodContext {
  readonly problem: Problem;
  readonly handle: HighsHandle;
  readonly seed: number;
  /** Wall-clock budget in seconds (Infinity when unlimited). */
  readonly timeLimit: number;
  readonly stop: StoppingCriterion | null;
  /** Method parameters from the CLI or an experiment config. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Evaluates designs in parallel when a pool is available (injected, never imported). */
  readonly runner: BatchRunner | null;
  /** Where the run's searches register what they found, readable if the run is interrupted. */
  readonly progress?: SearchProgress;
}

/** A method's answer before `solve` recomputes and packages it. */
export interface MethodOutcome<F = unknown> {
  readonly status: SolveStatus;
  readonly design: Design | null;
  readonly flows: F | null;
  /**
   * The objective the method believes its design and flows have, from its own computation
   * (solver objective, search price); `solve` compares it with the recomputed cost. Null: no claim.
   */
  readonly claimedObjective: number | null;
  readonly lowerBound: number | null;
  readonly stats: StatRow[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A solution method, registered by name. */
export interface Method {
  readonly name: string;
  readonly description: string;
  /**
   * The parameters the method reads, as a strict zod object (unknown keys are errors): checked
   * by `solve` and by experiment configs. Every method should declare them (without a declaration
   * its params go unchecked).
   */
  readonly parameters?: z.ZodObject;
  /** Null when the method supports the problem; else the reason it does not. */
  unsupported(problem: Problem): string | null;
  /**
   * Methods treat flows as opaque (they come from the problem's `evaluate` or MILP `decode` and go
   * back to its `cost` and `violations`), so they are typed `unknown` here; `solve` gives the
   * caller the problem's own flow type back.
   */
  run(ctx: MethodContext): Promise<MethodOutcome>;
}

import { designFrom, groupViolation, openLabels } from './core/design.js';
import { instanceInfeasibility, type Problem } from './core/problem.js';
import { CLAIM_TOLERANCE, claimDiffers, relativeGap, type Result } from './core/result.js';
import type { StoppingCriterion } from './core/stopping.js';
import { HighsHandle } from './exact/highs-handle.js';
import { validate } from './core/validation.js';
import { getMethod } from './methods/registry.js';
import type { MethodOutcome } from './methods/method.js';
import type { BatchRunner } from './core/batch-runner.js';
import type { SearchProgress } from './search/progress.js';

/** How to solve: which method, with which seed, budget and parameters. */
export interface SolveOptions {
  method?: string;
  seed?: number;
  /** Wall-clock limit in seconds. */
  timeLimit?: number;
  stop?: StoppingCriterion | null;
  params?: Readonly<Record<string, unknown>>;
  /** A HiGHS handle to reuse (one per thread); loaded if absent. */
  handle?: HighsHandle;
  runner?: BatchRunner | null;
  /**
   * performance.now() milliseconds at which the caller's clock started (e.g. before starting a
   * worker pool and reading the instance): the time limit and runtime count from there.
   */
  startedAt?: number;
  /** Where the searches register what they find, so an interrupted run can still report it. */
  progress?: SearchProgress;
}

/**
 * The one entry point: solves a problem with a method and returns a {@link Result} whose
 * objective is recomputed from the returned design and flows, and whose feasibility is checked.
 * The method's own claimed objective is kept beside it and compared (see {@link Result.claimMismatch}).
 */
export async function solve<F>(problem: Problem<F>, options: SolveOptions = {}): Promise<Result<F>> {
  const t0 = options.startedAt ?? performance.now();
  const methodName = options.method ?? 'milp';
  const method = getMethod(methodName);
  const seed = options.seed ?? 1;
  // Misspelled or mistyped parameters would otherwise be ignored and recorded as if they applied.
  if (method.parameters) validate(method.parameters, options.params ?? {}, `method ${methodName}`, 'params');
  const handle = options.handle ?? (await HighsHandle.load());
  // A run must not depend on what this thread priced before it (e.g. an earlier run of the same
  // experiment in this worker): start from fresh pricing sessions.
  handle.resetSessions();
  const base = {
    problem: problem.kind,
    instance: problem.name,
    method: methodName,
    seed,
  };
  const empty = emptyResult(base, handle.version, t0);
  const unsupported = method.unsupported(problem);
  if (unsupported) return empty('error', `method ${methodName} does not support ${problem.kind}: ${unsupported}`);
  const infeasible = instanceInfeasibility(problem);
  if (infeasible) return empty('infeasible', infeasible);

  const out = await method.run({
    problem,
    handle,
    seed,
    // Time already spent by the caller (pool start-up, reading) comes out of the limit.
    timeLimit:
      options.timeLimit === undefined ? Infinity : Math.max(0, options.timeLimit - (performance.now() - t0) / 1000),
    stop: options.stop ?? null,
    params: options.params ?? {},
    runner: options.runner ?? null,
    ...(options.progress ? { progress: options.progress } : {}),
  });
  return packageOutcome(problem, base, out, handle.version, t0, empty);
}

type Base = Pick<Result, 'problem' | 'instance' | 'method' | 'seed'>;
type Empty = (status: Result['status'], message: string, opts?: Record<string, unknown>) => Result<never>;

function emptyResult(base: Base, version: string, t0: number): Empty {
  return (status, message, opts = {}) => ({
    ...base,
    status,
    objective: null,
    lowerBound: null,
    claimedObjective: null,
    claimedBound: null,
    claimMismatch: false,
    gap: null,
    design: [],
    open: [],
    costParts: {},
    figures: {},
    flows: null,
    runtimeSeconds: (performance.now() - t0) / 1000,
    stats: [],
    solver: { name: 'HiGHS', version, options: opts },
    message,
  });
}

/**
 * Recomputes the objective from a method's design and flows, checks them, compares the method's
 * claimed objective, and makes the Result. A claim off by more than {@link CLAIM_TOLERANCE} keeps
 * the recomputed objective and the checked feasibility, but an `optimal` status becomes `feasible`:
 * the method proved optimality of its own figure, which is not the solution's cost. So does a
 * claimed bound above the recomputed objective beyond round-off, which is also dropped.
 */
function packageOutcome<F>(
  problem: Problem<F>,
  base: Base,
  outcome: MethodOutcome,
  version: string,
  t0: number,
  empty: Empty,
): Result<F> {
  // The method was handed this problem, and its flows come from the problem's own evaluate or
  // decode: they are the problem's flow type (methods only pass them through).
  const out = outcome as MethodOutcome<F>;
  if (!out.design || out.flows === null || out.flows === undefined) {
    return empty(out.status, out.message ?? `no solution (${out.status})`, out.options);
  }
  const design = designFrom(
    out.design.length,
    [...out.design.keys()].filter((i) => out.design![i]),
  );
  const cost = problem.cost(design, out.flows);
  const violations = [...problem.violations(design, out.flows)];
  const groups = groupViolation(problem.space, design);
  if (groups) violations.push(groups);
  // A MIP bound may exceed the recomputed objective by round-off; clamp only that (a wrong bound,
  // larger by more, is dropped below and flagged as a claim mismatch).
  let lowerBound = out.lowerBound !== null && Number.isFinite(out.lowerBound) ? out.lowerBound : null;
  if (
    lowerBound !== null &&
    lowerBound > cost.total &&
    lowerBound - cost.total <= 1e-7 * Math.max(1, Math.abs(cost.total))
  )
    lowerBound = cost.total;
  const claimedBound = out.lowerBound !== null && Number.isFinite(out.lowerBound) ? out.lowerBound : null;
  // A bound still above the recomputed objective is false (a minimum is at most any solution's
  // cost): dropped, so no method can certify a gap or an optimum with it.
  const boundOver = lowerBound !== null && lowerBound > cost.total;
  if (boundOver) lowerBound = null;
  const boundNote = boundOver
    ? `method ${base.method} claimed bound ${claimedBound} above the recomputed objective ${cost.total} (dropped)`
    : null;
  const claimedObjective =
    out.claimedObjective !== null && Number.isFinite(out.claimedObjective) ? out.claimedObjective : null;
  const mismatch = claimDiffers(claimedObjective, cost.total) || boundOver;
  const claimNote = claimDiffers(claimedObjective, cost.total)
    ? `method ${base.method} claimed objective ${claimedObjective}, recomputed ${cost.total} ` +
      `(relative difference ${(Math.abs(claimedObjective! - cost.total) / Math.max(1, Math.abs(cost.total))).toExponential(2)} > ${CLAIM_TOLERANCE.toExponential(0)})`
    : null;
  const notes = [
    ...(violations.length > 0 ? [`solution violates: ${violations.slice(0, 5).join('; ')}`] : []),
    ...(claimNote ? [claimNote] : []),
    ...(boundNote ? [boundNote] : []),
    ...(violations.length === 0 && out.message ? [out.message] : []),
  ];
  const status = violations.length > 0 ? 'error' : mismatch && out.status === 'optimal' ? 'feasible' : out.status;
  return {
    ...base,
    status,
    objective: cost.total,
    lowerBound,
    claimedObjective,
    claimedBound,
    claimMismatch: mismatch,
    gap: relativeGap(cost.total, lowerBound),
    design: [...design],
    open: openLabels(problem.space, design),
    costParts: cost.parts,
    figures: problem.figures?.(design, out.flows) ?? {},
    flows: out.flows,
    runtimeSeconds: (performance.now() - t0) / 1000,
    stats: out.stats,
    solver: { name: 'HiGHS', version, options: out.options },
    ...(notes.length > 0 ? { message: notes.join('; ') } : {}),
    ...(problem.scenarioOutcomes ? { scenarios: problem.scenarioOutcomes(design, out.flows) } : {}),
  };
}

/**
 * The Result of a run interrupted by the user: the best design its searches priced so far (status
 * `feasible`, with the best bound proved so far) or, without one, status `time_limit`; the message
 * says it was interrupted. Packaged and checked like any result.
 */
export function interruptedResult<F>(
  problem: Problem<F>,
  options: SolveOptions,
  progress: SearchProgress,
  version: string,
): Result<F> {
  const t0 = options.startedAt ?? performance.now();
  const base = {
    problem: problem.kind,
    instance: problem.name,
    method: options.method ?? 'milp',
    seed: options.seed ?? 1,
  };
  const empty = emptyResult(base, version, t0);
  const best = progress.best();
  if (!best || best.evaluation.flows === null)
    return empty(
      'time_limit',
      'interrupted before a feasible solution was priced (the incumbent inside a running MILP is not reachable)',
    );
  const out: MethodOutcome = {
    status: 'feasible',
    design: best.design,
    flows: best.evaluation.flows,
    claimedObjective: best.evaluation.cost,
    lowerBound: progress.lowerBound(),
    stats: [],
    options: { interrupted: true },
    message: 'interrupted: the best solution found so far',
  };
  const r = packageOutcome(problem, base, out, version, t0, empty);
  return r.status === 'feasible' ? { ...r, message: 'interrupted: the best solution found so far' } : r;
}

import { designFrom, groupViolation } from './core/design.js';
import type { Problem } from './core/problem.js';
import { relativeGap, type Result } from './core/result.js';
import type { StoppingCriterion } from './core/stopping.js';
import { HighsHandle } from './exact/highs-handle.js';
import { getMethod } from './methods/registry.js';
import type { BatchRunner } from './parallel/batch-runner.js';

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
}

/**
 * The one entry point: solves a problem with a method and returns a {@link Result} whose
 * objective is recomputed from the returned design and flows, and whose feasibility is checked.
 */
export async function solve(problem: Problem, options: SolveOptions = {}): Promise<Result> {
  const t0 = performance.now();
  const methodName = options.method ?? 'milp';
  const method = getMethod(methodName);
  const seed = options.seed ?? 1;
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
  const empty = (status: Result['status'], message: string, opts: Record<string, unknown> = {}): Result => ({
    ...base,
    status,
    objective: null,
    lowerBound: null,
    gap: null,
    design: [],
    open: [],
    costParts: {},
    figures: {},
    flows: null,
    runtimeSeconds: (performance.now() - t0) / 1000,
    stats: [],
    solver: { name: 'HiGHS', version: handle.version, options: opts },
    message,
  });
  const unsupported = method.unsupported(problem);
  if (unsupported) return empty('error', `method ${methodName} does not support ${problem.kind}: ${unsupported}`);
  const infeasible = problem.instanceInfeasibility();
  if (infeasible) return empty('infeasible', infeasible);

  const out = await method.run({
    problem,
    handle,
    seed,
    timeLimit: options.timeLimit ?? Infinity,
    stop: options.stop ?? null,
    params: options.params ?? {},
    runner: options.runner ?? null,
  });
  if (!out.design || out.flows === null || out.flows === undefined) {
    return empty(out.status, out.message ?? `no solution (${out.status})`, out.options);
  }
  const design = designFrom(out.design.length, [...out.design.keys()].filter((i) => out.design![i]));
  const cost = problem.cost(design, out.flows);
  const violations = [...problem.violations(design, out.flows)];
  const groups = groupViolation(problem.space, design);
  if (groups) violations.push(groups);
  // A MIP bound may exceed the recomputed objective by round-off; clamp only that, so a wrong
  // bound (larger by more) still shows up as lowerBound > objective.
  let lowerBound = out.lowerBound !== null && Number.isFinite(out.lowerBound) ? out.lowerBound : null;
  if (lowerBound !== null && lowerBound > cost.total && lowerBound - cost.total <= 1e-7 * Math.max(1, Math.abs(cost.total))) lowerBound = cost.total;
  return {
    ...base,
    status: violations.length > 0 ? 'error' : out.status,
    objective: cost.total,
    lowerBound,
    gap: relativeGap(cost.total, lowerBound),
    design: [...design],
    open: problem.openIds(design),
    costParts: cost.parts,
    figures: problem.figures?.(design, out.flows) ?? {},
    flows: out.flows,
    runtimeSeconds: (performance.now() - t0) / 1000,
    stats: out.stats,
    solver: { name: 'HiGHS', version: handle.version, options: out.options },
    ...(violations.length > 0 ? { message: `solution violates: ${violations.slice(0, 5).join('; ')}` } : out.message ? { message: out.message } : {}),
    ...(problem.scenarioOutcomes ? { scenarios: problem.scenarioOutcomes(design, out.flows) } : {}),
  };
}

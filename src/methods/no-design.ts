import { ModelTooLargeError } from '../core/errors.js';
import type { StatRow } from '../core/result.js';
import { solveModel } from '../exact/solve-model.js';
import type { MethodContext, MethodOutcome } from './method.js';

/**
 * The answer of a heuristic that found no feasible design. A search that finds none proves
 * nothing, so the full MILP decides, in the time left before `deadline` (performance.now() ms):
 * `infeasible` only when HiGHS proves it; the MILP's solution when it finds one (the instance
 * was feasible, the search just missed it); `time_limit` only when the limit is what stopped it.
 */
export async function noDesignOutcome(
  ctx: MethodContext,
  deadline: number,
  lowerBound: number | null,
  stats: StatRow[],
  options: Record<string, unknown>,
): Promise<MethodOutcome> {
  const none = (status: MethodOutcome['status'], message: string): MethodOutcome => ({
    status,
    design: null,
    flows: null,
    claimedObjective: null,
    lowerBound,
    stats,
    options,
    message,
  });
  const left = (): number => (deadline - performance.now()) / 1000;
  if (left() <= 0) return none('time_limit', 'no feasible design found within the time limit');
  let formulation;
  try {
    formulation = ctx.problem.buildMilp();
  } catch (err) {
    if (!(err instanceof ModelTooLargeError)) throw err;
    return none(
      'error',
      `no feasible design found, and the full MILP that could decide feasibility is too large (${err.message})`,
    );
  }
  if (left() <= 0)
    return none(
      'time_limit',
      'no feasible design found within the time limit (building the MILP to decide feasibility took the rest)',
    );
  const sol = await solveModel(ctx.handle, formulation.model, { timeLimit: left(), randomSeed: ctx.seed });
  if (sol.status === 'infeasible')
    return none(
      'infeasible',
      'no feasible design exists: the search found none and the full MILP proves the instance infeasible',
    );
  const decoded = sol.values ? formulation.decode(sol.values) : null;
  if (decoded) {
    const bound =
      sol.dualBound !== null && (lowerBound === null || sol.dualBound > lowerBound) ? sol.dualBound : lowerBound;
    return {
      status: sol.status,
      design: decoded.design,
      flows: decoded.flows,
      claimedObjective: sol.objective,
      lowerBound: bound,
      stats,
      options: { ...options, fallback: 'milp' },
      message: 'the search found no feasible design; this is the full MILP solution found in the time left',
    };
  }
  if (sol.status === 'time_limit')
    return none(
      'time_limit',
      'no feasible design found, and the full MILP did not decide feasibility within the time limit',
    );
  return none(
    'error',
    `no feasible design found, and the full MILP ended with ${sol.status}${sol.message ? ` (${sol.message})` : ''}`,
  );
}

import type { MilpFormulation } from '../../core/problem.js';
import type { ExactOptions } from '../../exact/solve-model.js';
import type { HybridState } from './state.js';

/**
 * The cutoff given to HiGHS sits this far (relative) above the incumbent, so that a restricted
 * optimum equal to the incumbent is still found and proven rather than cut off by round-off.
 */
export const CUTOFF_SLACK = 1e-7;

/** The incumbent's cost plus {@link CUTOFF_SLACK}: the objective cutoff of a MILP given it. */
export function cutoffAbove(cost: number): number {
  return cost + CUTOFF_SLACK * Math.max(1, Math.abs(cost));
}

/**
 * The incumbent's cost as objective cutoff of a MILP over (a restriction of) the full formulation:
 * HiGHS prunes every node that cannot beat it. It can also cut a design whose restricted cost is
 * above the incumbent's but whose exact cost is below (a restriction prices some designs too high).
 * No MIP start is given: on fl-50x200-s2 (docs/notes/issue-17-primal3.md) the sparse MILP started
 * from the incumbent kept it to the end, while without the start it returned another design that
 * priced better; a copy of the incumbent is worth nothing to the hybrid.
 */
export function incumbentCutoff(st: HybridState, f: MilpFormulation<unknown>): Pick<ExactOptions, 'cutoff'> {
  const best = st.best;
  if (!best?.evaluation.feasible || !Number.isFinite(best.evaluation.cost) || f.model.sense !== 'min') return {};
  return { cutoff: cutoffAbove(best.evaluation.cost) };
}

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
 * What a MILP over (a restriction of) the full formulation learns from the incumbent: its cost as
 * objective cutoff (HiGHS prunes every node that cannot beat it) and its design bits as a MIP start
 * (HiGHS completes the flows; where the restriction forbids the design, the start is just rejected).
 * The cutoff can also cut a design whose restricted cost is above the incumbent's but whose exact
 * cost is below it — a restriction prices some designs too high — which is the price of the pruning.
 */
export function incumbentHints(st: HybridState, f: MilpFormulation<unknown>): Pick<ExactOptions, 'cutoff' | 'start'> {
  const best = st.best;
  if (!best?.evaluation.feasible || !Number.isFinite(best.evaluation.cost) || f.model.sense !== 'min') return {};
  const cols = f.designColumns;
  return {
    cutoff: cutoffAbove(best.evaluation.cost),
    ...(cols && cols.length === best.design.length
      ? { start: { columns: [...cols], values: Array.from(best.design, (b) => (b ? 1 : 0)) } }
      : {}),
  };
}

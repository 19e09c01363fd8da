import { preciseSum } from '../../../core/numeric.js';
import type { Design } from '../../../core/design.js';
import type { CostBreakdown, EvaluateOptions, Evaluation } from '../../../core/problem.js';
import type { HighsHandle } from '../../../exact/highs-handle.js';
import { solveModel } from '../../../exact/solve-model.js';
import { networkCost } from '../cost.js';
import { countRuleViolation } from '../design-space.js';
import { explainInfeasibility } from '../explain.js';
import type { NetworkFlows } from '../flows.js';
import { buildNetworkModel, type ModelOptions } from '../model.js';
import type { StochasticNetwork, StochasticScenario } from './instance.js';
import { relaxedDemand, unmetDemand } from './recourse.js';

/** The flows of a two-stage solution: one set of flows per scenario, in the instance's order. */
export interface StochasticFlows {
  readonly scenarios: readonly { readonly id: string; readonly flows: NetworkFlows }[];
}

/** The recourse options of the builder for a two-stage network. */
export function recourseOptions(st: StochasticNetwork): ModelOptions {
  return st.unmetDemandPenalty === null ? {} : { unmetDemandPenalty: st.unmetDemandPenalty };
}

/** Cost of one scenario's flows: the network's cost plus the penalty of the demand left unmet. */
export function scenarioCost(
  st: StochasticNetwork,
  s: StochasticScenario,
  design: Design,
  flows: NetworkFlows,
): { cost: CostBreakdown; unmet: number } {
  const cost = networkCost(s.instance, design, flows);
  if (st.unmetDemandPenalty === null) return { cost, unmet: 0 };
  const unmet = unmetDemand(s.instance, flows);
  const penalty = st.unmetDemandPenalty! * unmet;
  return { cost: { total: preciseSum([cost.total, penalty]), parts: { ...cost.parts, unmetDemand: penalty } }, unmet };
}

/** Expected cost: each part (and the total) weighted by the scenario probabilities. */
export function expectedCost(st: StochasticNetwork, design: Design, flows: StochasticFlows): CostBreakdown {
  const parts = new Map<string, number[]>();
  const totals: number[] = [];
  st.scenarios.forEach((s, k) => {
    const { cost } = scenarioCost(st, s, design, flows.scenarios[k]!.flows);
    totals.push(s.probability * cost.total);
    for (const [name, v] of Object.entries(cost.parts))
      parts.set(name, [...(parts.get(name) ?? []), s.probability * v]);
  });
  return { total: preciseSum(totals), parts: Object.fromEntries([...parts].map(([k, v]) => [k, preciseSum(v)])) };
}

/** Why a design cannot serve a scenario (cheap counting), or null. */
export function scenarioInfeasibility(st: StochasticNetwork, s: StochasticScenario, design?: Design): string | null {
  const inst = st.unmetDemandPenalty === null ? s.instance : relaxedDemand(s.instance);
  const why = explainInfeasibility(inst, design);
  return why === null ? null : `scenario ${s.id}: ${why}`;
}

/**
 * Prices a design exactly over every scenario: each scenario's flow model (with its unmet-demand
 * column where the instance has recourse), summed with the probabilities. Infeasible when some
 * scenario is.
 */
export async function evaluateStochastic(
  handle: HighsHandle,
  st: StochasticNetwork,
  design: Design,
  options: EvaluateOptions = {},
): Promise<Evaluation<StochasticFlows>> {
  const rule = countRuleViolation(st.base, design);
  if (rule) return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: rule };
  const out: { id: string; flows: NetworkFlows }[] = [];
  const notes: string[] = [];
  for (const s of st.scenarios) {
    const f = buildNetworkModel(s.instance, design, recourseOptions(st));
    const sol = await solveModel(handle, f.model, options);
    if (!sol.values || sol.status === 'infeasible' || sol.status === 'unbounded' || sol.status === 'error') {
      const why =
        sol.status === 'infeasible'
          ? (scenarioInfeasibility(st, s, design) ?? `scenario ${s.id}: the flow model of this design is infeasible`)
          : `scenario ${s.id}: flow model ended ${sol.status}`;
      // Only HiGHS's infeasible is a verdict; a stopped solve (time limit) proves nothing about the design.
      const unproven = sol.status === 'infeasible' ? {} : { inexact: why };
      return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: why, ...unproven };
    }
    if (sol.status !== 'optimal') notes.push(s.id);
    out.push({ id: s.id, flows: f.decode(sol.values).flows });
  }
  const flows: StochasticFlows = { scenarios: out };
  const { total, parts } = expectedCost(st, design, flows);
  const inexact =
    notes.length > 0
      ? `flow model stopped with a feasible solution in scenarios ${notes.join(', ')}: the cost is an upper bound`
      : undefined;
  return { feasible: true, cost: total, parts, flows, ...(inexact ? { inexact } : {}) };
}

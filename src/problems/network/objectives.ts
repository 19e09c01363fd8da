import type { Design } from '../../core/design.js';
import type { CostBreakdown, EvaluateOptions, Evaluation, MilpFormulation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import type { LinearModel } from '../../exact/linear-model.js';
import { solveModel } from '../../exact/solve-model.js';
import { networkCost, networkEmissions } from './cost.js';
import { countRuleViolation } from './design-space.js';
import { explainInfeasibility } from './explain.js';
import type { NetworkFlows } from './flows.js';
import type { NetworkInstance } from './instance.js';
import { buildNetworkModel, type NetworkFormulation } from './model.js';
import { genericNetworkProblem, networkProblem } from './problem.js';

/**
 * One scalarised cost/emission problem: which objective, at which carbon price, under which caps.
 * Cost is always the network's objective at `carbonTax` (0: the cost without the tax).
 */
export interface ObjectiveOptions {
  /** `cost` (default) or `emissions` (kg CO2; fixed costs and prices then count for nothing). */
  readonly objective?: 'cost' | 'emissions';
  /** Carbon price per kg in the cost (default: the instance's `carbonTax`). */
  readonly carbonTax?: number;
  /** Total emissions (kg CO2) at most this. */
  readonly emissionCap?: number;
  /** Cost (at `carbonTax`) at most this: the second, lexicographic stage of a front point. */
  readonly costCap?: number;
  /** Designs to start a heuristic from (offered through `Problem.bound`, with no bound). */
  readonly warmStart?: readonly Design[];
}

/** The instance with its carbon price replaced (a new read-only object; the instance is untouched). */
export function withCarbonTax(inst: NetworkInstance, carbonTax: number): NetworkInstance {
  return carbonTax === inst.carbonTax ? inst : { ...inst, carbonTax };
}

/** Cost without the carbon tax and emissions of a solution: the two objectives of a front. */
export function costAndEmissions(
  inst: NetworkInstance,
  design: Design,
  flows: NetworkFlows,
): { cost: number; emissions: number } {
  return {
    cost: networkCost(withCarbonTax(inst, 0), design, flows).total,
    emissions: networkEmissions(inst, design, flows).total,
  };
}

/** Slack allowed on a cap when a solution is checked (solver feasibility tolerance, relative). */
const CAP_TOL = 1e-6;

/**
 * A network {@link Problem} for one scalarised cost/emission problem, so every method (milp,
 * hybrid, ...) solves it with its own bounds. A re-priced problem without caps keeps the
 * accelerator its structure supports (they price the instance's own carbon tax); with a cap or the
 * emissions objective the generic problem is used, its MILP and flow models carrying the cap rows
 * (an accelerator's pricers and bounds know nothing of the caps).
 */
export function objectiveNetworkProblem(inst: NetworkInstance, options: ObjectiveOptions = {}): Problem<NetworkFlows> {
  const priced = withCarbonTax(inst, options.carbonTax ?? inst.carbonTax);
  const emissionsObjective = options.objective === 'emissions';
  const plain = !emissionsObjective && options.emissionCap === undefined && options.costCap === undefined;
  const base = plain ? networkProblem(priced) : genericNetworkProblem(priced);
  const warm = options.warmStart ?? [];
  const withWarm = (p: Problem<NetworkFlows>): Problem<NetworkFlows> =>
    warm.length === 0
      ? p
      : {
          ...p,
          // The hybrid seeds its search with a bound's designs; -Infinity is no bound, so the problem's own (if any) is kept.
          bound: async (handle, deadline) => {
            const own = p.bound ? await p.bound(handle, deadline) : null;
            return { lowerBound: own?.lowerBound ?? -Infinity, designs: [...(own?.designs ?? []), ...warm] };
          },
        };
  if (plain) return withWarm(base);

  const model = (design?: Design): NetworkFormulation =>
    scalarised(
      buildNetworkModel(priced, design, options.emissionCap === undefined ? {} : { emissionCap: options.emissionCap }),
      options,
    );
  const cost = (design: Design, flows: NetworkFlows): CostBreakdown => {
    if (!emissionsObjective) return base.cost(design, flows);
    const e = networkEmissions(priced, design, flows);
    return { total: e.total, parts: { transport: e.transport, processing: e.processing } };
  };
  const caps: string[] = [];
  if (options.emissionCap !== undefined) caps.push(`emissions <= ${options.emissionCap}`);
  if (options.costCap !== undefined) caps.push(`cost <= ${options.costCap}`);
  const problem: Problem<NetworkFlows> = {
    ...base,
    name: `${inst.name}${emissionsObjective ? ' (min emissions)' : ''}${caps.length ? ` (${caps.join(', ')})` : ''}`,
    buildMilp: (): MilpFormulation<NetworkFlows> => {
      const f = model();
      return {
        ...f,
        decode: (values) => {
          const out = f.decode(values);
          return { design: base.trim?.(out.design, out.flows) ?? out.design, flows: out.flows };
        },
      };
    },
    evaluate: (handle, design, evalOptions) =>
      evaluateScalarised(handle, priced, design, model(design), cost, evalOptions),
    cost,
    violations: (design, flows) => {
      const out = base.violations(design, flows);
      const emissions = networkEmissions(priced, design, flows).total;
      const c = networkCost(priced, design, flows).total;
      const over = (v: number, cap: number): boolean => v > cap + CAP_TOL * Math.max(1, Math.abs(cap));
      if (options.emissionCap !== undefined && over(emissions, options.emissionCap))
        out.push(`emissions ${emissions} kg CO2 > cap ${options.emissionCap}`);
      if (options.costCap !== undefined && over(c, options.costCap)) out.push(`cost ${c} > cap ${options.costCap}`);
      return out;
    },
  };
  return withWarm(problem);
}

/**
 * The model with the emissions objective (fixed costs, prices and offsets dropped) and the cost
 * cap row, when asked. The cost row reuses the builder's own objective coefficients, so it is the
 * same cost the single-objective model minimises.
 */
function scalarised(f: NetworkFormulation, options: ObjectiveOptions): NetworkFormulation {
  let m: LinearModel = f.model;
  if (options.costCap !== undefined) m = withRow(m, 'cost_cap', m.colCost, -Infinity, options.costCap - m.offset);
  if (options.objective === 'emissions') m = { ...m, name: `${m.name}-emissions`, colCost: [...f.emission], offset: 0 };
  return { ...f, model: m };
}

/** The model with one more row `lower <= sum_j coefs[j] x_j <= upper` (zero coefficients left out). */
function withRow(m: LinearModel, name: string, coefs: ArrayLike<number>, lower: number, upper: number): LinearModel {
  const indices = [...m.indices];
  const values = [...m.values];
  for (let j = 0; j < coefs.length; j++) {
    if (coefs[j] !== 0) {
      indices.push(j);
      values.push(coefs[j]!);
    }
  }
  return {
    ...m,
    rowNames: [...m.rowNames, name],
    rowLower: [...m.rowLower, lower],
    rowUpper: [...m.rowUpper, upper],
    rowStarts: [...m.rowStarts, indices.length],
    indices,
    values,
  };
}

/** Prices a design in a scalarised flow model (as `evaluateNetworkDesign`, with caps and objective). */
async function evaluateScalarised(
  handle: HighsHandle,
  inst: NetworkInstance,
  design: Design,
  f: NetworkFormulation,
  cost: (design: Design, flows: NetworkFlows) => CostBreakdown,
  options: EvaluateOptions = {},
): Promise<Evaluation<NetworkFlows>> {
  const rule = countRuleViolation(inst, design);
  if (rule) return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: rule };
  const sol = await solveModel(handle, f.model, options);
  if (!sol.values || sol.status === 'infeasible' || sol.status === 'unbounded' || sol.status === 'error') {
    const why =
      sol.status === 'infeasible'
        ? (explainInfeasibility(inst, design) ?? 'the flow model of this design is infeasible under the caps')
        : `flow model ended ${sol.status}`;
    // Only HiGHS's infeasible is a verdict; a stopped solve (time limit) proves nothing about the design.
    const unproven = sol.status === 'infeasible' ? {} : { inexact: why };
    return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: why, ...unproven };
  }
  const { flows } = f.decode(sol.values);
  const { total, parts } = cost(design, flows);
  const inexact =
    sol.status === 'optimal'
      ? undefined
      : `flow model stopped (${sol.status}) with a feasible solution: its cost is an upper bound`;
  return { feasible: true, cost: total, parts, flows, ...(inexact ? { inexact } : {}) };
}

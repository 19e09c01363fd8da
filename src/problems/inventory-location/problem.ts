import type { Design } from '../../core/design.js';
import type { Evaluation, MilpFormulation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { solveModel, type ExactOptions } from '../../exact/solve-model.js';
import { ilCost } from './cost.js';
import { bitFixedCosts, bitLabel, designSize, ilDesignSpace } from './design-bits.js';
import { ilDesignInfeasibility, ilInstanceInfeasibility } from './feasibility.js';
import type { IlFlows } from './flows.js';
import type { IlInstance } from './instance.js';
import { buildIlModel, decodeFlows, encodeSolution } from './model.js';
import { ilReport } from './report.js';
import { checkIlConstraints } from './violations.js';

/** The full MILP plus `encode`, the inverse of `decode` (used to count satisfied rows). */
export interface IlMilpFormulation extends MilpFormulation<IlFlows> {
  /** Column of each design bit (x_rk, then y_uk). */
  readonly designColumns: readonly number[];
  encode(design: Design, flows: IlFlows): Float64Array;
}

/** Builds the full MILP of an instance with its decode/encode maps. */
export function buildIlMilp(inst: IlInstance): IlMilpFormulation {
  const m = buildIlModel(inst, null);
  const n = designSize(inst);
  return {
    model: m.model,
    designColumns: m.designCols!,
    decode(values) {
      const design = new Uint8Array(n);
      m.designCols!.forEach((c, bit) => (design[bit] = values[c]! > 0.5 ? 1 : 0));
      return { design, flows: decodeFlows(inst, m, values) };
    },
    encode: (design, flows) => encodeSolution(m, design, flows),
  };
}

/** The inventory-location model of Phan et al. (2025) as an rlnd {@link Problem}. */
export function inventoryLocationProblem(inst: IlInstance): Problem<IlFlows> {
  const space = ilDesignSpace(inst);
  return {
    kind: 'inventory-location',
    name: `${inst.name}${inst.integerFlows ? '' : ' (relaxed flows)'}`,
    space,
    siteFixedCost: bitFixedCosts(inst),
    // Storage is unlimited (assumption 1) and demand sits at the plants, not on the centres.
    siteCapacity: space.labels.map(() => Infinity),
    totalDemand: 0,
    buildMilp: () => buildIlMilp(inst),
    cost: (design, flows) => ilCost(inst, design, flows),
    violations: (design, flows) => checkIlConstraints(inst, design, flows).violations,
    quickInfeasibility: (design) => ilDesignInfeasibility(inst, design, space),
    instanceInfeasibility: () => ilInstanceInfeasibility(inst),
    openIds: (design) => space.labels.filter((_, bit) => design[bit]),
    evaluate: (handle, design, options) => evaluateIlDesign(handle, inst, design, options),
    report: (design, flows) => ilReport(inst, design, flows),
  };
}

/**
 * Prices a design exactly: the flow problem with x and y fixed, solved by HiGHS — a small MIP
 * when flows are integer (as in the paper), an LP when relaxed. Only a time limit in `options`
 * can make the price inexact (then it is the incumbent's cost).
 */
export async function evaluateIlDesign(handle: HighsHandle, inst: IlInstance, design: Design, options: ExactOptions = {}): Promise<Evaluation<IlFlows>> {
  const infeasible = (reason: string): Evaluation<IlFlows> => ({ feasible: false, cost: Infinity, parts: {}, flows: null, reason });
  const quick = ilDesignInfeasibility(inst, design);
  if (quick) return infeasible(quick);
  const fm = buildIlModel(inst, design);
  const sol = await solveModel(handle, fm.model, options);
  // At a time limit HiGHS may hold an incumbent ('feasible'): price the design by it (an upper
  // bound on its exact price) rather than discard a design that has flows.
  if ((sol.status !== 'optimal' && sol.status !== 'feasible') || !sol.values) {
    const open = [...design.keys()].filter((b) => design[b]).map((b) => bitLabel(inst, b)).join(', ');
    return infeasible(sol.status === 'infeasible' ? `no ${inst.integerFlows ? 'integer ' : ''}flow plan meets demand with ${open || 'nothing'} open` : `flow solve ended ${sol.status}`);
  }
  const flows = decodeFlows(inst, fm, sol.values);
  const { total, parts } = ilCost(inst, design, flows);
  return { feasible: true, cost: total, parts, flows };
}

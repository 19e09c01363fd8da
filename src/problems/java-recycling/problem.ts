import type { Design } from '../../core/design.js';
import type { Evaluation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { solveModel, type ExactOptions } from '../../exact/solve-model.js';
import { javaCost, javaFigures } from './cost.js';
import type { JavaFlows } from './flows.js';
import { cumulativeBatteryNeed, type JavaInstance } from './instance.js';
import { buildJavaModel, facilityCharge } from './model.js';
import { javaReport } from './report.js';
import { javaInstanceInfeasibility, javaQuickInfeasibility, javaViolations } from './violations.js';

/** The Java NMC recycling network as an rlnd {@link Problem}: one design bit per facility candidate. */
export function javaRecyclingProblem(inst: JavaInstance): Problem<JavaFlows> {
  const need = cumulativeBatteryNeed(inst);
  return {
    kind: 'java-recycling',
    name: inst.name,
    space: { size: inst.facilities.length, labels: inst.facilities.map((f) => f.id), groups: [] },
    siteFixedCost: inst.facilities.map((_, r) => facilityCharge(inst, r)),
    // Horizon capacity against the horizon's battery need: the generic repair compares these.
    siteCapacity: inst.facilities.map((f) => f.capacity.reduce((s, v) => s + v, 0)),
    totalDemand: need[need.length - 1] ?? 0,
    buildMilp: () => buildJavaModel(inst),
    cost: (design, flows) => javaCost(inst, design, flows),
    violations: (design, flows) => javaViolations(inst, design, flows),
    quickInfeasibility: (design) => javaQuickInfeasibility(inst, design),
    instanceInfeasibility: () => javaInstanceInfeasibility(inst),
    openIds: (design) => inst.facilities.filter((_, r) => design[r]).map((f) => f.id),
    evaluate: (handle, design, options) => evaluateJavaDesign(handle, inst, design, options),
    report: (design, flows) => javaReport(inst, design, flows),
    figures: (design, flows) => javaFigures(inst, design, flows),
  };
}

/** Prices a design exactly: the multi-period flow LP over its open facilities. */
export async function evaluateJavaDesign(
  handle: HighsHandle,
  inst: JavaInstance,
  design: Design,
  options: ExactOptions = {},
): Promise<Evaluation<JavaFlows>> {
  const quick = javaQuickInfeasibility(inst, design);
  if (quick) return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: quick };
  const fm = buildJavaModel(inst, design);
  const sol = await solveModel(handle, fm.model, options);
  if (sol.status !== 'optimal' || !sol.values) {
    const reason = sol.status === 'infeasible' ? 'supply and open capacity cannot meet the demand in every period' : `flow LP ended ${sol.status}`;
    return { feasible: false, cost: Infinity, parts: {}, flows: null, reason };
  }
  const { flows } = fm.decode(sol.values);
  const { total, parts } = javaCost(inst, design, flows);
  return { feasible: true, cost: total, parts, flows };
}

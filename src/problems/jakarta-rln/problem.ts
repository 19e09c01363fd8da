import { groupViolation, type Design } from '../../core/design.js';
import type { Evaluation, MilpFormulation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { solveModel, type ExactOptions } from '../../exact/solve-model.js';
import { jakartaDecomposition } from './bound.js';
import { jakartaCost, jakartaEmissions } from './cost.js';
import { jakartaSpace } from './design-layout.js';
import type { JakartaFlows } from './flows.js';
import type { JakartaInstance } from './instance.js';
import { buildNetworkModel } from './network-model.js';
import { jakartaReport } from './report.js';
import { jakartaViolations } from './violations.js';

/** The Jakarta reverse-logistics network as an rlnd {@link Problem}. */
export function jakartaProblem(inst: JakartaInstance): Problem<JakartaFlows> {
  const space = jakartaSpace(inst);
  return {
    kind: 'jakarta-rln',
    name: inst.name,
    space,
    siteFixedCost: [...inst.ccs, ...inst.rmcs, ...inst.wdcs].map((s) => s.fixedCost),
    // Uncapacitated network (the paper's assumption): capacity never limits a design.
    siteCapacity: new Array<number>(space.size).fill(Infinity),
    totalDemand: 0,
    buildMilp: (): MilpFormulation<JakartaFlows> => buildNetworkModel(inst),
    cost: (design, flows) => jakartaCost(inst, design, flows),
    violations: (design, flows) => jakartaViolations(inst, design, flows),
    quickInfeasibility: (design) => groupViolation(space, design),
    // Validation already guarantees a CC candidate in every cluster, an RMC and a WDC.
    instanceInfeasibility: () => null,
    openIds: (design) => space.labels.filter((_, i) => design[i]),
    evaluate: (handle, design, options) => evaluateJakartaDesign(handle, inst, design, options),
    report: (design, flows) => jakartaReport(inst, design, flows),
    figures: (_design, flows) => {
      const e = jakartaEmissions(inst, flows);
      return { emissionsProcessingKgCO2: e.processing, emissionsTransportKgCO2: e.transport, emissionsKgCO2: e.total };
    },
    // The exact optimum by decomposition over (RMC, WDC) pairs: with it the hybrid proves a 0 % gap.
    bound: async (_handle, deadline) => jakartaDecomposition(inst, deadline),
  };
}

/**
 * Prices a design exactly: the flow LP of its open sites, solved by HiGHS. A design that breaks
 * constraints (12)-(14) is infeasible without solving.
 */
export async function evaluateJakartaDesign(
  handle: HighsHandle,
  inst: JakartaInstance,
  design: Design,
  options: ExactOptions = {},
): Promise<Evaluation<JakartaFlows>> {
  const reason = groupViolation(jakartaSpace(inst), design);
  if (reason) return { feasible: false, cost: Infinity, parts: {}, flows: null, reason };
  const lp = buildNetworkModel(inst, design);
  const sol = await solveModel(handle, lp.model, options);
  if (sol.status !== 'optimal' || !sol.values) {
    return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: `flow LP ended ${sol.status}` };
  }
  const { flows } = lp.decode(sol.values);
  const { total, parts } = jakartaCost(inst, design, flows);
  return { feasible: true, cost: total, parts, flows };
}

/** Design with the named sites open (ids as in the instance), e.g. the paper's selection. */
export function designOf(inst: JakartaInstance, ids: readonly string[]): Design {
  const space = jakartaSpace(inst);
  const d = new Uint8Array(space.size);
  for (const id of ids) {
    const bit = space.labels.indexOf(id);
    if (bit < 0) throw new Error(`no candidate site '${id}' in ${inst.name}`);
    d[bit] = 1;
  }
  return d;
}

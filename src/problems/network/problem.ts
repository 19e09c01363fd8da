import type { Design } from '../../core/design.js';
import type { EvaluateOptions, Evaluation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { solveModel } from '../../exact/solve-model.js';
import { accelerate } from './accelerators/registry.js';
import { openState } from './aggregate.js';
import { networkCost, networkFigures } from './cost.js';
import { countRuleViolation, networkSpace } from './design-space.js';
import { explainInfeasibility } from './explain.js';
import type { NetworkFlows } from './flows.js';
import type { NetworkInstance } from './instance.js';
import { buildNetworkModel } from './model.js';
import { networkReport } from './report.js';
import { networkViolations } from './violations.js';

/**
 * Any network instance as an rlnd {@link Problem}, with the accelerator its structure supports
 * (e.g. facility location's pricers and Lagrangian for the OR-Library shape).
 */
export function networkProblem(inst: NetworkInstance): Problem<NetworkFlows> {
  return accelerate(inst, genericNetworkProblem(inst)).problem;
}

/**
 * Any network instance as an rlnd {@link Problem}: the design is which candidates open (with which
 * option), priced exactly by the flow model the same builder writes for that design.
 */
export function genericNetworkProblem(inst: NetworkInstance): Problem<NetworkFlows> {
  const space = networkSpace(inst);
  const quick = (design: Design): string | null =>
    countRuleViolation(inst, design) ?? explainInfeasibility(inst, design);
  return {
    kind: 'network',
    name: inst.name,
    space,
    dimensions: {
      nodes: inst.nodes.length,
      candidates: inst.nodes.filter((n) => n.candidate).length,
      arcs: inst.arcs.length,
      products: inst.products.length,
      periods: inst.periods,
    },
    // No capacity hint: capacity is per product and period here, generic repair must not reason with one number.
    hints: {
      siteFixedCost: inst.bits.map((b) => b.fixedCost),
      infeasibility: (design) => (design ? quick(design) : explainInfeasibility(inst)),
    },
    // An idle candidate at no fixed cost is an alternative optimum: report the design without it.
    // Only free ones, so the solution keeps HiGHS's objective (the claim solve compares).
    buildMilp: () => {
      const f = buildNetworkModel(inst);
      return {
        ...f,
        decode(values) {
          const out = f.decode(values);
          return { design: trimIdle(inst, out.design, out.flows, true) ?? out.design, flows: out.flows };
        },
      };
    },
    evaluate: (handle, design, options) => evaluateNetworkDesign(handle, inst, design, options),
    cost: (design, flows) => networkCost(inst, design, flows),
    violations: (design, flows) => networkViolations(inst, design, flows),
    figures: (design, flows) => networkFigures(inst, design, flows),
    report: (design, flows) => networkReport(inst, design, flows),
    trim: (design, flows) => trimIdle(inst, design, flows),
  };
}

/** Prices a design exactly: the flow model of its open nodes (an LP, or a MIP with integer or single-sourced flows). */
export async function evaluateNetworkDesign(
  handle: HighsHandle,
  inst: NetworkInstance,
  design: Design,
  options: EvaluateOptions = {},
): Promise<Evaluation<NetworkFlows>> {
  const rule = countRuleViolation(inst, design);
  if (rule) return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: rule };
  const f = buildNetworkModel(inst, design);
  const sol = await solveModel(handle, f.model, options);
  if (!sol.values || sol.status === 'infeasible' || sol.status === 'unbounded' || sol.status === 'error') {
    const why =
      sol.status === 'infeasible'
        ? (explainInfeasibility(inst, design) ?? 'the flow model of this design is infeasible')
        : `flow model ended ${sol.status}`;
    // Only HiGHS's infeasible is a verdict; a stopped solve (time limit) proves nothing about the design.
    const unproven = sol.status === 'infeasible' ? {} : { inexact: why };
    return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: why, ...unproven };
  }
  const { flows } = f.decode(sol.values);
  const { total, parts } = networkCost(inst, design, flows);
  const inexact =
    sol.status === 'optimal'
      ? undefined
      : `flow model stopped (${sol.status}) with a feasible solution: its cost is an upper bound`;
  return { feasible: true, cost: total, parts, flows, ...(inexact ? { inexact } : {}) };
}

/**
 * The design with every open candidate that carries, stocks and processes nothing closed (and
 * count rules still met), or null if none is idle: the same flows stay feasible and optimal.
 * `freeOnly` closes only those of no fixed cost (the cost stays the same).
 */
function trimIdle(inst: NetworkInstance, design: Design, flows: NetworkFlows, freeOnly = false): Design | null {
  const busy = new Set<string>();
  for (const a of flows.arcs) {
    busy.add(a.from);
    busy.add(a.to);
  }
  for (const e of [...flows.stock, ...flows.processed, ...flows.supplied, ...flows.delivered]) busy.add(e.node);
  const { open } = openState(inst, design);
  const next = Uint8Array.from(design);
  let changed = false;
  inst.bits.forEach((b, i) => {
    const n = inst.nodes[b.node]!;
    if (design[i] && open[b.node] && !busy.has(n.id) && !(freeOnly && b.fixedCost !== 0)) {
      next[i] = 0;
      changed = true;
    }
  });
  if (!changed || countRuleViolation(inst, next)) return null;
  return next;
}

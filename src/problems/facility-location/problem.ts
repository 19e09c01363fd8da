import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import type { CostBreakdown, EvaluateOptions, Evaluation, Problem } from '../../core/problem.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { solveModel } from '../../exact/solve-model.js';
import { SimplexFlowPricer } from './simplex-pricer.js';
import { ModelTooLargeError } from '../../core/errors.js';
import { FLOW_EPS, siteLoads, type Allocation } from './allocation.js';
import { buildFlowModel, designInfeasibility, nearestOpen } from './flow.js';
import { allocCost, flInstanceInfeasibility, totalDemand, type FacilityLocationInstance } from './instance.js';
import { flLagrangian } from './lagrangian.js';
import { buildFlMilp, buildSparseFlMilp } from './milp.js';
import { flReport } from './report.js';
import { quickFlDesigns, quickSingleSourceDesigns } from './quick-primal.js';
import { greedySingleSource } from './gap-heuristic.js';

/** Beyond this many arcs the full allocation LP is replaced by exact column generation. */
const FULL_LP_ARCS = 1_000_000;

/** Feasibility tolerance, relative to demand, for recomputed solutions. */
const TOL = 1e-6;

/** Fixed and allocation cost of a design and its allocation. */
export function flCost(inst: FacilityLocationInstance, design: Design, a: Allocation): CostBreakdown {
  const fixed = preciseSum(inst.sites.map((s, i) => (design[i] ? s.fixedCost : 0)));
  const allocation = preciseSum(a.site.map((i, k) => allocCost(inst, i, a.customer[k]!) * a.fraction[k]!));
  return { total: fixed + allocation, parts: { fixed, allocation } };
}

/** Every constraint of the model that `design` and `a` violate. */
export function flViolations(inst: FacilityLocationInstance, design: Design, a: Allocation): string[] {
  const out: string[] = [];
  const served = new Array<number>(inst.customers.length).fill(0);
  a.site.forEach((i, k) => {
    const f = a.fraction[k]!;
    served[a.customer[k]!]! += f;
    if (!design[i] && f > FLOW_EPS)
      out.push(`customer ${inst.customers[a.customer[k]!]!.id} served by closed site ${inst.sites[i]!.id}`);
    if (inst.variant === 'sscflp' && Math.abs(f - Math.round(f)) > TOL)
      out.push(`single-source: customer ${inst.customers[a.customer[k]!]!.id} split (${f})`);
    if (f < -TOL || f > 1 + TOL) out.push(`fraction ${f} out of [0,1]`);
  });
  served.forEach((s, j) => {
    if (Math.abs(s - 1) > TOL) out.push(`customer ${inst.customers[j]!.id} served ${s.toFixed(6)} of its demand`);
  });
  if (inst.variant !== 'uflp') {
    siteLoads(inst, a).forEach((load, i) => {
      const cap = inst.sites[i]!.capacity;
      if (load > cap + TOL * Math.max(1, cap))
        out.push(`site ${inst.sites[i]!.id} load ${load} exceeds capacity ${cap}`);
    });
  }
  const open = design.reduce((s, b) => s + b, 0);
  if (inst.maxOpen !== undefined && open > inst.maxOpen)
    out.push(`${open} sites open, at most ${inst.maxOpen} allowed`);
  return out;
}

/** The facility-location family as an rlnd {@link Problem}. */
export function facilityLocationProblem(inst: FacilityLocationInstance): Problem<Allocation> {
  const demand = totalDemand(inst);
  return {
    kind: 'facility-location',
    name: `${inst.name} (${inst.variant})`,
    space: {
      size: inst.sites.length,
      labels: inst.sites.map((s) => s.id),
      groups: [],
      ...(inst.maxOpen !== undefined ? { maxOpen: inst.maxOpen } : {}),
    },
    dimensions: { sites: inst.sites.length, customers: inst.customers.length },
    hints: {
      siteFixedCost: inst.sites.map((s) => s.fixedCost),
      // Uncapacitated: no capacity to repair towards.
      ...(inst.variant === 'uflp' ? {} : { siteCapacity: inst.sites.map((s) => s.capacity), totalDemand: demand }),
      infeasibility: (design) => (design ? designInfeasibility(inst, design) : flInstanceInfeasibility(inst)),
    },
    buildMilp: () => buildFlMilp(inst),
    buildSparseMilp: (nearest, maxColumns) => buildSparseFlMilp(inst, nearest, maxColumns),
    cost: (design, flows) => flCost(inst, design, flows),
    violations: (design, flows) => flViolations(inst, design, flows),
    evaluate: (handle, design, options) => evaluateFlDesign(handle, inst, design, options),
    report: (design, flows) => flReport(inst, design, flows),
    lagrangian: () => flLagrangian(inst),
    trim: (design, flows) => trimUnused(inst, design, flows),
    quickDesigns: (deadline, improved) =>
      inst.variant === 'sscflp'
        ? quickSingleSourceDesigns(inst, deadline, FULL_LP_ARCS, improved)
        : quickFlDesigns(inst, deadline, FULL_LP_ARCS, improved),
  };
}

/** Closes open sites that serve no customer (keeping at least one open); null if there are none. */
export function trimUnused(inst: FacilityLocationInstance, design: Design, a: Allocation): Design | null {
  const used = new Uint8Array(inst.sites.length);
  a.site.forEach((i, k) => {
    if (a.fraction[k]! > FLOW_EPS) used[i] = 1;
  });
  const trimmed = Uint8Array.from(design, (b, i) => (b && used[i] ? 1 : 0));
  if (trimmed.every((b, i) => b === design[i]) || !trimmed.some((b) => b)) return null;
  return trimmed;
}

/** Prices a design exactly: nearest-open for UFLP, else the allocation LP (MIP if single-source). */
export async function evaluateFlDesign(
  handle: HighsHandle,
  inst: FacilityLocationInstance,
  design: Design,
  options: EvaluateOptions = {},
): Promise<Evaluation<Allocation>> {
  const reason = designInfeasibility(inst, design);
  const out = reason ?? (await allocate(handle, inst, design, options));
  if (typeof out === 'string') return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: out };
  const { total, parts } = flCost(inst, design, out.flows);
  return { feasible: true, cost: total, parts, flows: out.flows, ...(out.inexact ? { inexact: out.inexact } : {}) };
}

const NO_ROOM = 'open sites cannot serve every customer within capacity';

/**
 * Time limit of one single-source allocation (a generalised assignment MIP) unless the caller
 * sets one: at 100 x 1000 with capacity 1-3% above demand one such MIP ran over 5 minutes, which
 * no search's time limit could absorb. At the limit the incumbent is used and flagged `inexact`.
 */
export const SINGLE_SOURCE_PRICING_SECONDS = 10;

/**
 * The optimal allocation of a design, by the cheapest exact method for its variant and size; or
 * why there is none. Only a single-source allocation can come back inexact (see
 * {@link SINGLE_SOURCE_PRICING_SECONDS}).
 */
async function allocate(
  handle: HighsHandle,
  inst: FacilityLocationInstance,
  design: Design,
  options: EvaluateOptions,
): Promise<{ flows: Allocation; inexact?: string } | string> {
  const arcs = inst.sites.length * inst.customers.length;
  if (inst.variant === 'uflp') {
    const flows = nearestOpen(inst, design);
    return flows ? { flows } : 'no site is open';
  }
  if (arcs > FULL_LP_ARCS && inst.variant === 'sscflp') {
    throw new ModelTooLargeError(
      `single-source allocation of ${inst.sites.length} x ${inst.customers.length} is too large to price exactly here`,
    );
  }
  // Split-demand designs are priced by a warm network simplex over the transportation problem
  // (pure TypeScript): on capb (100 x 1,000) ~21 ms per neighbouring design against ~220 ms for
  // the persistent HiGHS LP (FlowPricer) it replaces, 72 ms cold, and no WebAssembly memory. Also
  // beyond FULL_LP_ARCS, where the HiGHS column generation (LargeFlowPricer) took 45-88 s per
  // Lagrangian design at 1,000 x 10,000 and the simplex 3 s cold, 1-4 s warm (docs/notes/issue-17-t4.md);
  // there `fresh` is not honoured (a cold start is seconds; only degenerate alternative flows differ).
  if (inst.variant === 'cflp' && (!options.fresh || arcs > FULL_LP_ARCS)) {
    const flows = handle.session(inst, () => new SimplexFlowPricer(inst)).price(design);
    return flows ? { flows } : NO_ROOM;
  }
  const fm = buildFlowModel(inst, design);
  const single = inst.variant === 'sscflp';
  const what = single ? 'single-source allocation' : 'allocation';
  // A caller's limit (a search near its deadline) can only shorten the single-source cap.
  const limit = single ? Math.min(options.timeLimit ?? Infinity, SINGLE_SOURCE_PRICING_SECONDS) : options.timeLimit;
  const sol = await solveModel(handle, fm.model, { ...options, ...(limit !== undefined ? { timeLimit: limit } : {}) });
  if (sol.status === 'optimal' && sol.values) return { flows: fm.decode(sol.values) };
  // At a limit HiGHS returns its incumbent (status feasible) or nothing (status time_limit).
  if (sol.status === 'feasible' && sol.values && sol.objective !== null) {
    const gap =
      sol.dualBound !== null
        ? ` (at most ${((100 * (sol.objective - sol.dualBound)) / Math.max(1e-12, Math.abs(sol.objective))).toFixed(2)}% above the best allocation)`
        : '';
    return {
      flows: fm.decode(sol.values),
      inexact: `the ${what} stopped before proving optimality (time limit ${limit} s): a feasible allocation${gap}`,
    };
  }
  if (sol.status === 'time_limit' || sol.status === 'feasible') {
    // No assignment from the MIP in its time (tight single-source designs): a heuristic one keeps
    // the design feasible (issue 17: tight 100 x 1,000 had no feasible design at all).
    const greedy = single ? greedySingleSource(inst, design) : null;
    if (greedy)
      return {
        flows: greedy,
        inexact: `the ${what} MIP found none before its limit (${limit} s): a heuristic assignment, not proven optimal`,
      };
    return `no ${what} found before a limit (time limit ${limit} s); not proven infeasible`;
  }
  return sol.status === 'infeasible' ? NO_ROOM : `allocation solve ended ${sol.status}`;
}

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
import { assignerOf } from './single-source-assignment.js';

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
    quickDesigns: (deadline, improved, guide) =>
      inst.variant === 'sscflp'
        ? quickSingleSourceDesigns(inst, deadline, FULL_LP_ARCS, improved)
        : quickFlDesigns(inst, deadline, FULL_LP_ARCS, improved, guide),
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
  if ('unproven' in out)
    return { feasible: false, cost: Infinity, parts: {}, flows: null, reason: out.unproven, inexact: out.unproven };
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
 * The single-source MIP's cap when a search prices a design (not `thorough`): on Yang p3 (30 x
 * 200, 99% of the open capacity used) one MIP ran into the 10 s cap, and a 60 s run priced 11
 * designs. Shorter, the assignment heuristic's price stands in where the MIP's incumbent is worse.
 */
export const SINGLE_SOURCE_SEARCH_SECONDS = 1;

/** Largest single-source MIP (open sites x customers) a search's pricing builds. */
const SINGLE_SOURCE_SEARCH_MIP_BINARIES = 20_000;

/** Branch-and-bound nodes of the single-source MIP when a search prices a design. */
const SINGLE_SOURCE_SEARCH_NODES = 50;

/** Subgradient rounds of the assignment heuristic for a thorough single-source price. */
const THOROUGH_ASSIGN_ROUNDS = 300;

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
): Promise<{ flows: Allocation; inexact?: string } | { unproven: string } | string> {
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
  const single = inst.variant === 'sscflp';
  const what = single ? 'single-source allocation' : 'allocation';
  // Single source: the assignment heuristic first (milliseconds): the answer when the MIP stops
  // early with nothing or with a worse assignment.
  const assigner = single ? assignerOf(inst) : null;
  const thorough = options.thorough || options.fresh;
  const heuristic = assigner?.assign(design, thorough ? THOROUGH_ASSIGN_ROUNDS : undefined) ?? null;
  const heuristicCost = heuristic && assigner ? assigner.total(design, heuristic) : Infinity;
  // A search's price of a large design is the heuristic's alone: on the tight 100 x 1,000
  // instance (85 sites open, 85,000 binaries) the MIP found nothing within any cap, and building
  // and presolving it took the Lagrangian phase's time (its bound never left its start).
  let open = 0;
  for (let i = 0; i < design.length; i++) open += design[i] ? 1 : 0;
  if (single && heuristic && assigner && !thorough && open * inst.customers.length > SINGLE_SOURCE_SEARCH_MIP_BINARIES)
    return {
      flows: assigner.allocation(heuristic),
      inexact: `a heuristic single-source assignment (no MIP in a search beyond ${SINGLE_SOURCE_SEARCH_MIP_BINARIES} binaries), not proven optimal`,
    };
  const fm = buildFlowModel(inst, design);
  // A caller's limit (a search near its deadline) can only shorten the single-source cap.
  const cap = thorough ? SINGLE_SOURCE_PRICING_SECONDS : SINGLE_SOURCE_SEARCH_SECONDS;
  const limit = single ? Math.min(options.timeLimit ?? Infinity, cap) : options.timeLimit;
  const shown = limit === undefined ? 'none' : Number(limit.toFixed(2));
  // In a search, the MIP also stops after a few nodes (deterministic, unlike its time cap): easy
  // designs are solved at the root, hard ones keep the heuristic's assignment.
  const nodes = single && !thorough ? { highs: { mip_max_nodes: SINGLE_SOURCE_SEARCH_NODES, ...options.highs } } : {};
  const sol = await solveModel(handle, fm.model, {
    ...options,
    ...nodes,
    ...(limit !== undefined ? { timeLimit: limit } : {}),
  });
  if (sol.status === 'optimal' && sol.values) return { flows: fm.decode(sol.values) };
  if (sol.status === 'infeasible') return NO_ROOM;
  // At a limit HiGHS returns its incumbent (status feasible) or nothing (status time_limit).
  const stopped = `the ${what} stopped before proving optimality (time limit ${shown} s${Object.keys(nodes).length > 0 ? `, at most ${SINGLE_SOURCE_SEARCH_NODES} nodes` : ''})`;
  if (sol.status === 'feasible' && sol.values && sol.objective !== null) {
    const flows = fm.decode(sol.values);
    const mipCost = flCost(inst, design, flows).total;
    if (heuristic && assigner && heuristicCost < mipCost)
      return {
        flows: assigner.allocation(heuristic),
        inexact: `${stopped}: a feasible allocation (the assignment heuristic's, cheaper than the MIP's incumbent)`,
      };
    const gap =
      sol.dualBound !== null
        ? ` (at most ${((100 * (sol.objective - sol.dualBound)) / Math.max(1e-12, Math.abs(sol.objective))).toFixed(2)}% above the best allocation)`
        : '';
    return { flows, inexact: `${stopped}: a feasible allocation${gap}` };
  }
  // No assignment from the MIP in its time (tight single-source designs): a heuristic one keeps
  // the design feasible (issue 17: tight 100 x 1,000 had no feasible design at all).
  const greedy = single
    ? heuristic && assigner
      ? assigner.allocation(heuristic)
      : greedySingleSource(inst, design)
    : null;
  if (greedy)
    return {
      flows: greedy,
      inexact: `the ${what} MIP found none before its limit (${shown} s): a heuristic assignment, not proven optimal`,
    };
  // A stopped solve is no verdict: the design is reported infeasible but flagged unproven.
  return {
    unproven:
      sol.status === 'time_limit' || sol.status === 'feasible'
        ? `no ${what} found before a limit (time limit ${shown} s); not proven infeasible`
        : `allocation solve ended ${sol.status}; not proven infeasible`,
  };
}

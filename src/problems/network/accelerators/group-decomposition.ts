import { designFrom, designKey, type Design } from '../../../core/design.js';
import { preciseSum } from '../../../core/numeric.js';
import type { CostBreakdown, Evaluation, Problem } from '../../../core/problem.js';
import { countRuleViolation } from '../design-space.js';
import type { NetworkFlows } from '../flows.js';
import type { NetworkInstance } from '../instance.js';
import type { Accelerator } from './accelerator.js';
import { groupStructure, type GroupStructure, type LocalGroup } from './group-structure.js';
import { UnitRouting } from './unit-routing.js';
import { UnitValues } from './unit-values.js';

/** Designs offered with the bound: the optimum, then the best design of the next-best global choices. */
export const SEED_DESIGNS = 4;

/** The best network for one choice of the global groups' members. */
export interface GlobalChoice {
  /** Node index chosen in each global group. */
  readonly global: readonly number[];
  /** Node index chosen in each local group (its cheapest for this global choice). */
  readonly local: readonly number[];
  /** The cheapest any design with these global members costs. */
  readonly cost: number;
}

/** The exact optimum of a decomposable network and the designs that go with it. */
export interface GroupDecomposition {
  /** The optimum (to round-off), so a valid lower bound. */
  readonly lowerBound: number;
  /** Optimal design first, then the best design of each next-best global choice. */
  readonly designs: readonly Design[];
  /** Every feasible global choice, cheapest first. */
  readonly choices: readonly GlobalChoice[];
}

/** A local group's members with their cluster's flows aggregated: fixed cost + lane costs, and amounts per product. */
interface LocalTerms {
  readonly members: readonly number[];
  /** Fixed cost plus sum over origins of amount x lane coefficient into the member; Infinity if an origin cannot reach it. */
  readonly base: Float64Array;
  /** Amount of each product the member receives (member x products). */
  readonly amount: Float64Array;
}

function localTerms(inst: NetworkInstance, uv: UnitValues, g: LocalGroup): LocalTerms {
  const P = inst.products.length;
  const slot = new Map(g.members.map((m, i) => [m, i]));
  const base = Float64Array.from(g.members, (m) => inst.nodes[m]!.fixedCost);
  const amount = new Float64Array(g.members.length * P);
  for (const s of g.sources) {
    for (const [p, bounds] of inst.nodes[s]!.supply) {
      const supply = bounds.upper[0]!;
      if (supply === 0) continue;
      const reached = new Uint8Array(g.members.length);
      const key = s * P + p;
      for (let l = uv.laneStart[key]!; l < uv.laneStart[key + 1]!; l++) {
        const i = slot.get(uv.laneTo[l]!)!;
        reached[i] = 1;
        base[i]! += supply * uv.laneCost[l]!;
        amount[i * P + p]! += supply;
      }
      // Exact supply with no lane to a member: opening that member strands it.
      reached.forEach((r, i) => r || (base[i] = Infinity));
    }
  }
  return { members: g.members, base, amount };
}

/**
 * The exact optimum of a network with {@link groupStructure}, by enumerating the global groups'
 * members. With no capacities, exact supplies and free sinks, the flow LP of any design costs
 * sum over supplies of amount x the cheapest way to dispose of that unit (see UnitValues); a
 * local group's origins reach only its open member, and from there only global members and
 * non-candidates, so for a fixed global choice G the optimum is
 *   fixed(G) + constant + global sources' flows | G
 *     + sum over local groups L of min over members m of [fixed(m) + flows of L's origins via m | G],
 * each term exact, and the minimum over every G is the optimum of the network: a lower bound
 * attained by the design it names. O(choices x local members x products x lanes out of a member
 * + origins' lanes). Returns null when the deadline (performance.now() ms) passes first, or when
 * no design is feasible.
 */
export function groupDecomposition(
  inst: NetworkInstance,
  structure: GroupStructure,
  deadline = Infinity,
  seeds = SEED_DESIGNS,
  uv = new UnitValues(inst),
): GroupDecomposition | null {
  const P = inst.products.length;
  uv.closeCandidates();
  const locals = structure.local.map((g) => localTerms(inst, uv, g));
  const choices: GlobalChoice[] = [];
  const pick = new Array<number>(structure.global.length).fill(0);
  for (let c = 0; c < structure.combinations; c++) {
    if (performance.now() > deadline) return null;
    // Mixed-radix counter over the global groups.
    let rest = c;
    structure.global.forEach((g, i) => {
      pick[i] = g[rest % g.length]!;
      rest = Math.floor(rest / g.length);
    });
    for (const g of structure.global) for (const n of g) uv.usable[n] = 0;
    for (const n of pick) uv.usable[n] = 1;
    uv.reset();
    const terms: number[] = [inst.constantCost, ...pick.map((n) => inst.nodes[n]!.fixedCost)];
    for (const s of structure.globalSources) {
      for (const [p, bounds] of inst.nodes[s]!.supply)
        if (bounds.upper[0]! > 0) terms.push(bounds.upper[0]! * uv.leave(s, p));
    }
    const local: number[] = [];
    for (const t of locals) {
      let best = -1;
      let bestCost = Infinity;
      for (let i = 0; i < t.members.length; i++) {
        if (t.base[i] === Infinity) continue;
        const m = t.members[i]!;
        uv.usable[m] = 1;
        let v = t.base[i]!;
        for (let p = 0; p < P; p++) {
          const q = t.amount[i * P + p]!;
          if (q > 0) v += q * uv.arrive(m, p);
        }
        uv.usable[m] = 0;
        uv.forget(m);
        if (v < bestCost) {
          best = m;
          bestCost = v;
        }
      }
      local.push(best);
      terms.push(bestCost);
    }
    const cost = preciseSum(terms);
    if (Number.isFinite(cost)) choices.push({ global: [...pick], local, cost });
  }
  if (choices.length === 0) return null;
  choices.sort((a, b) => a.cost - b.cost);
  const bitOfNode = new Map(inst.bits.map((b, i) => [b.node, i]));
  const designs = choices.slice(0, Math.max(1, seeds)).map((ch) =>
    designFrom(
      inst.bits.length,
      [...ch.global, ...ch.local].map((n) => bitOfNode.get(n)!),
    ),
  );
  return { lowerBound: choices[0]!.cost, designs, choices };
}

// supports() then apply() on the same instance: classify once (0.2 s at 20,000 dealers).
const structures = new WeakMap<NetworkInstance, GroupStructure | string>();
function structureOf(inst: NetworkInstance): GroupStructure | string {
  let s = structures.get(inst);
  if (s === undefined) structures.set(inst, (s = groupStructure(inst)));
  return s;
}

/**
 * Networks whose count groups split into a few global groups and many independent local ones
 * (Jakarta: one CC per cluster, one RMC, one WDC; {@link groupStructure} states the conditions)
 * get the exact decomposition as `Problem.bound`, with its optimal design first, so the hybrid
 * certifies the optimum after pricing one design, and an exact pricer without LP: each design's
 * optimal flows routed by unit values (UnitRouting), costed by the network's own cost function
 * and checked by its checker in `solve`. A design whose supply is stranded, or that breaks a count
 * rule, is priced by the flow model, which says why. MILP, cost and checks stay the network's.
 */
export const groupDecompositionAccelerator: Accelerator = {
  name: 'group-decomposition',
  supports: (inst) => {
    const s = structureOf(inst);
    return typeof s === 'string' ? s : null;
  },
  apply(inst, generic): Problem<NetworkFlows> {
    const structure = structureOf(inst);
    if (typeof structure === 'string')
      throw new Error(`group-decomposition applied to an unsupported network: ${structure}`);
    // Built on first use (a problem made only to read or convert the network never needs them).
    let values: UnitValues | null = null;
    let routing: UnitRouting | null = null;
    const shared = (): UnitValues => (values ??= new UnitValues(inst));
    // Routing is exact and deterministic, so a repeated ("fresh") pricing of the last design returns
    // its evaluation, and the cost of a flows object is computed once: at 20,000 dealers the hybrid
    // and solve otherwise recompute both (a routing 0.2 s, a cost 0.15-0.35 s each).
    let last: { key: string; ev: Evaluation<NetworkFlows> } | null = null;
    const costs = new WeakMap<NetworkFlows, { key: string; breakdown: CostBreakdown }>();
    const cost = (design: Design, flows: NetworkFlows): CostBreakdown => {
      const key = designKey(design);
      const hit = costs.get(flows);
      if (hit?.key === key) return hit.breakdown;
      const breakdown = generic.cost(design, flows);
      costs.set(flows, { key, breakdown });
      return breakdown;
    };
    return {
      ...generic,
      cost,
      evaluate: async (handle, design, options) => {
        const key = designKey(design);
        if (last?.key === key) return last.ev;
        const flows =
          countRuleViolation(inst, design) === null
            ? (routing ??= new UnitRouting(inst, shared())).route(design)
            : null;
        if (!flows) return generic.evaluate(handle, design, options);
        const { total, parts } = cost(design, flows);
        last = { key, ev: { feasible: true, cost: total, parts, flows } };
        return last.ev;
      },
      bound: async (_handle, deadline) => {
        const d = groupDecomposition(inst, structure, deadline, SEED_DESIGNS, shared());
        return d ? { lowerBound: d.lowerBound, designs: d.designs } : null;
      },
    };
  },
};

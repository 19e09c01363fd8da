import type { Design } from '../../../core/design.js';
import type { Problem } from '../../../core/problem.js';
import type { Allocation } from '../../facility-location/allocation.js';
import { makeFlInstance, type FacilityLocationInstance, type FlVariant } from '../../facility-location/instance.js';
import { facilityLocationProblem } from '../../facility-location/problem.js';
import type { NetworkFlows } from '../flows.js';
import { at, type NetworkInstance } from '../instance.js';
import type { Accelerator } from './accelerator.js';

/**
 * Why a network is not a facility-location network, or null when it is: one product, one period,
 * candidate sources (supply up to a bound or unlimited, capacity on outflow, nothing arriving),
 * customers with exact demand and nothing leaving, an arc from every source to every customer and
 * no other arc, no conversions, stock, options or prices, and at most a cap on the number open.
 * Per-unit supply, handling and emission costs fold into the allocation cost.
 */
export function flStructure(inst: NetworkInstance): string | null {
  if (inst.products.length !== 1 || inst.periods !== 1) return 'more than one product or period';
  const sources = inst.nodes.filter((n) => n.supply.size > 0);
  const customers = inst.nodes.filter((n) => n.demand.length > 0);
  if (sources.length + customers.length !== inst.nodes.length) return 'a node that neither supplies nor demands';
  for (const n of sources) {
    if (!n.candidate || n.options.length > 0 || n.conversions.length > 0 || n.inventory || n.demand.length > 0)
      return `source ${n.id} is not a plain candidate site`;
    if (n.capacity && n.capacity.total === null) return `source ${n.id} has a per-product capacity`;
  }
  for (const n of customers) {
    if (
      n.candidate ||
      n.conversions.length > 0 ||
      n.inventory ||
      n.price !== null ||
      n.handlingCost !== null ||
      n.emission !== null
    )
      return `customer ${n.id} is not a plain demand node`;
    const d = n.demand[0]!.bounds;
    if (n.demand.length !== 1 || d.lower[0] !== d.upper[0]) return `customer ${n.id} has no exact demand`;
  }
  if (inst.arcs.length !== sources.length * customers.length) return 'not one arc from every source to every customer';
  for (const a of inst.arcs) {
    if (!inst.nodes[a.from]!.supply.size || inst.nodes[a.to]!.demand.length === 0)
      return 'an arc that is not source -> customer';
    if (a.capacity) return 'an arc with a capacity';
  }
  const single = customers.filter((n) => n.singleSource).length;
  if (single !== 0 && single !== customers.length) return 'single sourcing on some customers only';
  if (inst.groups.some((g) => g.name !== 'maxOpen')) return 'count rules other than maxOpen';
  return null;
}

/** The facility-location instance of a network with {@link flStructure}; sites in design-bit order. */
export function toFlInstance(inst: NetworkInstance): FacilityLocationInstance {
  const sites = inst.nodes.filter((n) => n.supply.size > 0);
  const customers = inst.nodes.filter((n) => n.demand.length > 0);
  const demand = customers.map((c) => c.demand[0]!.bounds.upper[0]!);
  const total = demand.reduce((s, d) => s + d, 0);
  const capOf = (n: (typeof sites)[number]): number =>
    Math.min(n.supply.get(0)!.upper[0]!, n.capacity?.total?.[0] ?? Infinity);
  const uncapacitated = sites.every((s) => capOf(s) >= total);
  const variant: FlVariant = customers[0]!.singleSource ? 'sscflp' : uncapacitated ? 'uflp' : 'cflp';
  const siteIndex = new Map(sites.map((s, i) => [s.index, i]));
  const custIndex = new Map(customers.map((c, j) => [c.index, j]));
  const n = customers.length;
  const allocCost = new Float64Array(sites.length * n);
  const tax = inst.carbonTax;
  for (const a of inst.arcs) {
    const s = inst.nodes[a.from]!;
    const unit =
      a.cost[0]! +
      tax * a.emission[0]! +
      at(s.supplyCost, 1, 0, 0) +
      at(s.handlingCost, 1, 0, 0) +
      tax * at(s.emission, 1, 0, 0);
    const j = custIndex.get(a.to)!;
    allocCost[siteIndex.get(a.from)! * n + j] = unit * demand[j]!;
  }
  const maxOpen = inst.groups.find((g) => g.name === 'maxOpen')?.count;
  return makeFlInstance({
    name: inst.name,
    source: inst.source,
    variant,
    sites: sites.map((s) => ({ id: s.id, fixedCost: s.fixedCost, capacity: Math.min(capOf(s), total) })),
    customers: customers.map((c, j) => ({ id: c.id, demand: demand[j]! })),
    allocCost,
    ...(maxOpen !== undefined ? { maxOpen } : {}),
  });
}

/** Allocation fractions as network arc flows (amount = fraction x demand). */
function toFlows(fl: FacilityLocationInstance, inst: NetworkInstance, a: Allocation): NetworkFlows {
  const product = inst.products[0]!.id;
  const arcs = a.site.map((i, k) => {
    const c = fl.customers[a.customer[k]!]!;
    return { from: fl.sites[i]!.id, to: c.id, product, period: 1, amount: a.fraction[k]! * c.demand };
  });
  const out = new Map<string, number>();
  for (const f of arcs) out.set(f.from, (out.get(f.from) ?? 0) + f.amount);
  return {
    arcs,
    stock: [],
    processed: [],
    supplied: [...out].map(([node, amount]) => ({ node, product, period: 1, amount })),
    delivered: fl.customers
      .filter((c) => c.demand > 0)
      .map((c) => ({ node: c.id, product, period: 1, amount: c.demand })),
  };
}

/**
 * Facility-location networks (the OR-Library shape) get facility location's exact pricers (warm
 * transportation LP, column generation past 1M arcs, nearest-open for the uncapacitated case, the
 * assignment MIP for single source), its Lagrangian relaxation and its sparse MILP. The MILP stays
 * the network builder's. Flows are mapped back to arc flows, so costs and checks are the network's.
 */
export const facilityLocationAccelerator: Accelerator = {
  name: 'facility-location',
  supports: flStructure,
  apply(inst, generic): Problem<NetworkFlows> {
    const fl = toFlInstance(inst);
    const flp = facilityLocationProblem(fl);
    const mapped = <T extends { flows: Allocation | null }>(
      e: T,
    ): Omit<T, 'flows'> & { flows: NetworkFlows | null } => ({
      ...e,
      flows: e.flows ? toFlows(fl, inst, e.flows) : null,
    });
    return {
      ...generic,
      hints: {
        ...flp.hints,
        infeasibility: (design?: Design) =>
          flp.hints?.infeasibility?.(design) ?? generic.hints?.infeasibility?.(design) ?? null,
      },
      evaluate: async (handle, design, options) => {
        const ev = await flp.evaluate(handle, design, options);
        if (!ev.feasible || !ev.flows) return { ...ev, flows: null };
        const flows = toFlows(fl, inst, ev.flows);
        const { total, parts } = generic.cost(design, flows);
        return { ...ev, flows, cost: total, parts };
      },
      lagrangian: () => flp.lagrangian!(),
      buildSparseMilp: (nearest, maxColumns) => {
        const f = flp.buildSparseMilp?.(nearest, maxColumns) ?? null;
        if (!f) return null;
        return { ...f, decode: (values) => mapped(f.decode(values)) as { design: Design; flows: NetworkFlows } };
      },
      trim: (design, flows) => generic.trim?.(design, flows) ?? null,
    };
  },
};

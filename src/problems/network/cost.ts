import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import type { CostBreakdown } from '../../core/problem.js';
import { openState, totals, type FlowTotals } from './aggregate.js';
import type { NetworkFlows } from './flows.js';
import { at, type NetNode, type NetworkInstance } from './instance.js';

/** Emissions of a solution (kg CO2): on arcs (transport) and at nodes (processing). */
export interface NetworkEmissions {
  readonly transport: number;
  readonly processing: number;
  readonly total: number;
}

/** Throughput of p at n in t: outflow of a node that supplies, inflow otherwise. */
function throughput(n: NetNode, f: FlowTotals, p: number, t: number): number {
  const i = f.index(n.index, p, t);
  return n.throughputIsOutflow ? f.outflow[i]! : f.inflow[i]!;
}

interface Terms {
  readonly fixed: number[];
  readonly acquisition: number[];
  readonly processing: number[];
  readonly transport: number[];
  readonly holding: number[];
  readonly revenue: number[];
  readonly emTransport: number[];
  readonly emProcessing: number[];
}

/**
 * Every term of the objective recomputed from the instance data and the flows (not from the
 * model's columns or the solver), so a test comparing it with the solver's objective checks the
 * builder. Handling cost and node emission of a product use the open option's values where the
 * option has its own.
 */
function terms(inst: NetworkInstance, design: Design, flows: NetworkFlows): Terms {
  const T = inst.periods;
  const P = inst.products.length;
  const f = totals(inst, flows);
  const { option } = openState(inst, design);
  const out: Terms = {
    fixed: [],
    acquisition: [],
    processing: [],
    transport: [],
    holding: [],
    revenue: [],
    emTransport: [],
    emProcessing: [],
  };
  inst.bits.forEach((b, i) => design[i] && out.fixed.push(b.fixedCost));
  for (const a of inst.arcs) {
    const v = f.arcFlow.get(a.index);
    if (!v) continue;
    for (let j = 0; j < v.length; j++) {
      out.transport.push(a.cost[j]! * v[j]!);
      out.emTransport.push(a.emission[j]! * v[j]!);
    }
  }
  for (const n of inst.nodes) {
    const opt = option[n.index]! >= 0 ? n.options[option[n.index]!]! : null;
    for (let p = 0; p < P; p++) {
      const own = opt && opt.products?.has(p) ? opt : null;
      const hc = own?.handlingCost ?? n.handlingCost;
      const em = own?.emission ?? n.emission;
      for (let t = 0; t < T; t++) {
        const i = f.index(n.index, p, t);
        const thr = throughput(n, f, p, t);
        out.processing.push(at(hc, T, p, t) * thr);
        out.emProcessing.push(at(em, T, p, t) * thr);
        out.acquisition.push(at(n.supplyCost, T, p, t) * f.supplied[i]!);
        out.revenue.push(at(n.price, T, p, t) * f.delivered[i]!);
      }
    }
    for (const c of n.conversions) {
      const v = f.processed.get(c);
      if (!v) continue;
      v.forEach((amount, t) => {
        out.processing.push(c.cost[t]! * amount);
        out.emProcessing.push(c.emission * amount);
      });
    }
    if (n.inventory) {
      for (const p of n.inventory.products) {
        for (let t = 0; t < T; t++) {
          const h = n.inventory.holdingCost[p * T + t]!;
          const end = f.stock[f.index(n.index, p, t)]!;
          const start = t === 0 ? n.inventory.initial[p]! : f.stock[f.index(n.index, p, t - 1)]!;
          out.holding.push(inst.holding === 'average' ? (h * (start + end)) / 2 : h * end);
        }
      }
    }
  }
  return out;
}

/** Emissions of a design and its flows. */
export function networkEmissions(inst: NetworkInstance, design: Design, flows: NetworkFlows): NetworkEmissions {
  const t = terms(inst, design, flows);
  const transport = preciseSum(t.emTransport);
  const processing = preciseSum(t.emProcessing);
  return { transport, processing, total: transport + processing };
}

/**
 * The objective in parts: fixed, acquisition, processing, transport, holding, carbonTax,
 * revenue (negative: income lowers the objective), constant. A profit instance minimises
 * minus its profit, so profit = -total.
 */
export function networkCost(inst: NetworkInstance, design: Design, flows: NetworkFlows): CostBreakdown {
  const t = terms(inst, design, flows);
  const emissions = preciseSum([...t.emTransport, ...t.emProcessing]);
  const parts = {
    fixed: preciseSum(t.fixed),
    acquisition: preciseSum(t.acquisition),
    processing: preciseSum(t.processing),
    transport: preciseSum(t.transport),
    holding: preciseSum(t.holding),
    carbonTax: inst.carbonTax * emissions,
    revenue: -preciseSum(t.revenue),
    constant: inst.constantCost,
  };
  return { total: preciseSum(Object.values(parts)), parts };
}

/** Whether the instance has any emission factor (then emissions are reported as figures). */
export function hasEmissions(inst: NetworkInstance): boolean {
  return (
    inst.carbonTax > 0 ||
    inst.arcs.some((a) => a.emission.some((e) => e !== 0)) ||
    inst.nodes.some(
      (n) =>
        n.emission !== null ||
        n.conversions.some((c) => c.emission !== 0) ||
        n.options.some((o) => o.emission !== null),
    )
  );
}

/**
 * Figures that are not costs: emissions (kg CO2: total, transport, processing) where the instance
 * has emission factors; profit and revenue where it has prices; per product the amount produced by
 * conversions and absorbed at demand nodes over the horizon (named with the product's unit).
 */
export function networkFigures(inst: NetworkInstance, design: Design, flows: NetworkFlows): Record<string, number> {
  const out: Record<string, number> = {};
  if (hasEmissions(inst)) {
    const e = networkEmissions(inst, design, flows);
    Object.assign(out, {
      emissionsKgCO2: e.total,
      emissionsTransportKgCO2: e.transport,
      emissionsProcessingKgCO2: e.processing,
    });
  }
  if (inst.objective === 'profit' || inst.nodes.some((n) => n.price !== null)) {
    const cost = networkCost(inst, design, flows);
    out.profit = -cost.total;
    out.revenue = -cost.parts.revenue!;
  }
  const name = (kind: string, p: string): string => {
    const unit = inst.products[inst.productIndex.get(p)!]!.unit;
    return `${kind}_${p}${unit ? `_${unit}` : ''}`;
  };
  const produced = new Map<string, number[]>();
  for (const e of flows.processed) {
    const n = inst.nodes[inst.nodeIndex.get(e.node)!]!;
    const conv = n.conversions.find(
      (c) =>
        inst.products[c.from]!.id === e.product &&
        (c.option === null ? e.option === null : n.options[c.option]!.id === e.option),
    );
    for (const o of conv?.to ?? []) {
      const key = inst.products[o.product]!.id;
      const list = produced.get(key) ?? [];
      list.push(o.rate[e.period - 1]! * e.amount);
      produced.set(key, list);
    }
  }
  for (const [p, v] of produced) out[name('produced', p)] = preciseSum(v);
  const delivered = new Map<string, number[]>();
  for (const e of flows.delivered) {
    const list = delivered.get(e.product) ?? [];
    list.push(e.amount);
    delivered.set(e.product, list);
  }
  for (const [p, v] of delivered) out[name('delivered', p)] = preciseSum(v);
  return out;
}

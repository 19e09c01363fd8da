import type { Design } from '../../core/design.js';
import { openState } from './aggregate.js';
import type { NetCapacity, NetNode, NetworkInstance } from './instance.js';

function capacityFor(c: NetCapacity | null, p: number, t: number): number {
  if (c === null) return Infinity;
  return Math.min(c.total?.[t] ?? Infinity, c.perProduct.get(p)?.[t] ?? Infinity);
}

/** Capacity of p at a node under an open state: the node's and its open option's. */
function nodeCap(n: NetNode, p: number, t: number, option: number): number {
  const own = option >= 0 ? capacityFor(n.options[option]!.capacity, p, t) : Infinity;
  return Math.min(capacityFor(n.capacity, p, t), own);
}

const fmt = (v: number): string => (Math.abs(v) >= 1e6 ? v.toExponential(3) : String(Math.round(v * 1e6) / 1e6));

/**
 * A reason a design (or, without one, the whole instance with every candidate open) cannot be
 * feasible, found by cheap counting: an exact supply whose every arc leads into one echelon with
 * less open capacity than the supply, or a demand whose every arc comes from one echelon with less
 * open capacity than the demand. Null when these checks find nothing (which proves nothing).
 */
export function explainInfeasibility(inst: NetworkInstance, design?: Design): string | null {
  const { open, option } = design
    ? openState(inst, design)
    : { open: new Uint8Array(inst.nodes.length).fill(1), option: new Int32Array(inst.nodes.length).fill(-1) };
  const T = inst.periods;
  const outArcs = inst.nodes.map(() => [] as number[]);
  const inArcs = inst.nodes.map(() => [] as number[]);
  for (const a of inst.arcs) {
    outArcs[a.from]!.push(a.index);
    inArcs[a.to]!.push(a.index);
  }
  // With every candidate open and no option chosen, an option's capacity is the largest one.
  const capAt = (n: NetNode, p: number, t: number): number => {
    if (!open[n.index]) return 0;
    if (design || n.options.length === 0) return nodeCap(n, p, t, option[n.index]!);
    return Math.min(
      capacityFor(n.capacity, p, t),
      Math.max(...n.options.map((o) => (o.products === null || o.products.has(p) ? capacityFor(o.capacity, p, t) : 0))),
    );
  };
  for (let p = 0; p < inst.products.length; p++) {
    const pid = inst.products[p]!.id;
    for (let t = 0; t < T; t++) {
      const when = T > 1 ? ` in period ${t + 1}` : '';
      // Exact supply must leave: through which echelon, with how much capacity?
      const sources = inst.nodes.filter((n) => (n.supply.get(p)?.lower[t] ?? 0) > 0);
      const supply = sources.reduce((s, n) => s + n.supply.get(p)!.lower[t]!, 0);
      const check = (ends: Set<number>, amount: number, what: string): string | null => {
        const echelons = new Set([...ends].map((i) => inst.nodes[i]!.echelon));
        if (ends.size === 0 || echelons.size !== 1) return null;
        let cap = 0;
        for (const i of ends) cap += capAt(inst.nodes[i]!, p, t);
        if (cap < amount * (1 - 1e-9))
          return `product ${pid}${when}: open capacity at echelon ${[...echelons][0]} ${fmt(cap)} < ${what} ${fmt(amount)}`;
        return null;
      };
      if (supply > 0) {
        const next = new Set<number>();
        for (const n of sources)
          for (const a of outArcs[n.index]!) if (inst.arcs[a]!.products.includes(p)) next.add(inst.arcs[a]!.to);
        const msg = check(next, supply, 'supply');
        if (msg) return msg;
        if (next.size === 0)
          return `product ${pid}${when}: supply ${fmt(supply)} must leave its nodes but no arc carries it`;
      }
      const sinks = inst.nodes.filter((n) =>
        n.demand.some((d) => d.products.length === 1 && d.products[0] === p && d.bounds.lower[t]! > 0),
      );
      const demand = sinks.reduce(
        (s, n) => s + n.demand.find((d) => d.products.length === 1 && d.products[0] === p)!.bounds.lower[t]!,
        0,
      );
      if (demand > 0) {
        const prev = new Set<number>();
        for (const n of sinks)
          for (const a of inArcs[n.index]!) if (inst.arcs[a]!.products.includes(p)) prev.add(inst.arcs[a]!.from);
        const msg = check(prev, demand, 'demand');
        if (msg) return msg;
      }
    }
  }
  return null;
}

import type { NetArc, NetCapacity, NetworkInstance } from './instance.js';

/**
 * Valid upper bounds on flows, used as the big-M of linking rows: the smallest bound each row
 * can take without cutting off a solution, so the optimum is unchanged and the LP stays tight.
 * Amounts are propagated along the network in topological order, cumulated over periods (stock
 * carries forward, never back); a network with a cycle falls back to Infinity for
 * flows that the cycle reaches, and the instance must then give `formulation.bigM`.
 */
export interface FlowBounds {
  /** Bound on the flow of the arc's k-th product in period t. */
  arc(a: NetArc, k: number, t: number): number;
}

function capOf(c: NetCapacity | null, p: number, t: number): number {
  if (c === null) return Infinity;
  return Math.min(c.total?.[t] ?? Infinity, c.perProduct.get(p)?.[t] ?? Infinity);
}

/** Computes flow bounds for an instance (O(arcs x products + nodes x conversions)). */
export function flowBounds(inst: NetworkInstance): FlowBounds {
  const { nodes, arcs, periods: T } = inst;
  const P = inst.products.length;
  const N = nodes.length;
  const inArcs: NetArc[][] = nodes.map(() => []);
  const indeg = new Int32Array(N);
  const outArcs: NetArc[][] = nodes.map(() => []);
  for (const a of arcs) {
    inArcs[a.to]!.push(a);
    outArcs[a.from]!.push(a);
    indeg[a.to]!++;
  }
  const order: number[] = [];
  const queue = [...nodes.keys()].filter((n) => indeg[n] === 0);
  while (queue.length > 0) {
    const n = queue.pop()!;
    order.push(n);
    for (const a of outArcs[n]!) if (--indeg[a.to]! === 0) queue.push(a.to);
  }
  // outBound[(n * P + p) * T + t]: most of p that can leave node n in periods 1..t+1 together
  // (nothing leaves before it arrives, is supplied or produced; stock only carries forward).
  const outBound = new Float64Array(N * P * T).fill(Infinity);
  const cumCap = (c: NetCapacity | null, p: number, t: number): number => {
    let s = 0;
    for (let u = 0; u <= t; u++) s += capOf(c, p, u);
    return s;
  };
  const arcCum = (a: NetArc, k: number, t: number): number => {
    const p = a.products[k]!;
    return Math.min(outBound[(a.from * P + p) * T + t]!, cumCap(a.capacity, p, t));
  };
  if (order.length === N) {
    for (const n of order) {
      const node = nodes[n]!;
      for (let t = 0; t < T; t++) {
        const avail = new Float64Array(P);
        for (const a of inArcs[n]!) a.products.forEach((p, k) => (avail[p]! += arcCum(a, k, t)));
        for (const [p, b] of node.supply) for (let u = 0; u <= t; u++) avail[p]! += b.upper[u]!;
        if (node.inventory) for (const p of node.inventory.products) avail[p]! += node.inventory.initial[p]!;
        // Conversions may chain (cells -> waste at one node): iterate from the arrivals; on acyclic
        // chains this reaches a fixed point within one pass per conversion, otherwise give up (Infinity).
        const base = Float64Array.from(avail);
        let settled = node.conversions.length === 0;
        for (let pass = 0; pass <= node.conversions.length && !settled; pass++) {
          const next = Float64Array.from(base);
          for (const c of node.conversions)
            for (const o of c.to) next[o.product]! += times(maxOf(o.rate.subarray(0, t + 1)), avail[c.from]!);
          settled = next.every((v, p) => v === avail[p]);
          avail.set(next);
        }
        if (!settled) avail.fill(Infinity);
        for (let p = 0; p < P; p++) {
          const cap = node.throughputIsOutflow ? cumCap(node.capacity, p, t) : Infinity;
          outBound[(n * P + p) * T + t] = Math.min(avail[p]!, cap);
        }
      }
    }
  }
  // absorb[n * P + p]: most of p node n can get rid of over the horizon (ship on, absorb against a
  // demand, process, keep in stock): what arrives cannot exceed it. Reverse topological order.
  const absorb = new Float64Array(N * P).fill(Infinity);
  if (order.length === N) {
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i]!;
      const node = nodes[n]!;
      // Conversions at n read the absorb of their outputs at n: one pass per conversion settles chains.
      for (let pass = 0; pass <= node.conversions.length; pass++)
        for (let p = 0; p < P; p++) {
          let v = 0;
          for (const a of outArcs[n]!) {
            const k = a.products.indexOf(p);
            if (k >= 0) v += Math.min(absorb[a.to * P + p]!, cumCap(a.capacity, p, T - 1));
          }
          for (const d of node.demand) if (d.products.includes(p)) for (let t = 0; t < T; t++) v += d.bounds.upper[t]!;
          if (node.inventory?.products.includes(p)) for (let t = 0; t < T; t++) v += node.inventory.max[p * T + t]!;
          for (const c of node.conversions) {
            if (c.from !== p) continue;
            // Processing p is bounded by the least absorbable output it yields at a positive rate.
            let lim = Infinity;
            let anyOut = false;
            for (const o of c.to) {
              const r = Math.min(...o.rate);
              if (r > 0 && o.product !== p) {
                anyOut = true;
                lim = Math.min(lim, absorb[n * P + o.product]! / r);
              }
            }
            v += anyOut ? lim : Infinity;
          }
          absorb[n * P + p] = v;
        }
    }
  }
  return {
    arc(a, k, t) {
      const p = a.products[k]!;
      const from = nodes[a.from]!;
      const to = nodes[a.to]!;
      let u = Math.min(arcCum(a, k, t), capOf(a.capacity, p, t), absorb[a.to * P + p]!);
      if (from.throughputIsOutflow) u = Math.min(u, capOf(from.capacity, p, t));
      if (!to.throughputIsOutflow) u = Math.min(u, capOf(to.capacity, p, t));
      const s = from.supply.get(p);
      const pureSource = s && !from.inventory && inArcs[a.from]!.length === 0 && from.conversions.length === 0;
      if (pureSource) u = Math.min(u, s.upper[t]!);
      // Into a node that only absorbs p: at most its demand bound.
      if (outArcs[a.to]!.length === 0 && !to.inventory && !to.conversions.some((c) => c.from === p)) {
        let d = 0;
        for (const e of to.demand) if (e.products.includes(p)) d += e.bounds.upper[t]!;
        if (to.demand.some((e) => e.products.includes(p))) u = Math.min(u, d);
      }
      return u;
    },
  };
}

function maxOf(values: Float64Array): number {
  let m = 0;
  for (const v of values) m = Math.max(m, v);
  return m;
}

/** a x b with 0 x Infinity = 0 (a zero rate adds nothing, however much input). */
function times(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : a * b;
}

import type { Design } from '../../../core/design.js';
import { FLOW_EPS, type NetworkFlows } from '../flows.js';
import type { NetConversion, NetworkInstance } from '../instance.js';
import { UnitValues } from './unit-values.js';

/**
 * The optimal flows of one design of a network the unit values are exact on (group-structure.ts),
 * without an LP: every supplied unit follows its cheapest choice at each node (absorb, ship on a
 * lane, process), as {@link UnitValues} priced it. With no capacities these flows are feasible,
 * and they cost the sum over supplies of amount x unit value, which is the flow LP's optimum (the
 * values are a dual solution of equal cost). Returns null when some supply has nowhere to go (the
 * design is infeasible: the caller asks the flow model why). Ties go to the first choice.
 */
export class UnitRouting {
  private readonly uv: UnitValues;
  private readonly P: number;
  private arcs = new Map<number, number>();
  private processed = new Map<NetConversion, { node: number; amount: number }>();
  private delivered = new Map<number, number>();
  private stranded = false;

  /** `uv` may be shared with the decomposition bound (each call sets the usable nodes it needs). */
  constructor(
    private readonly inst: NetworkInstance,
    uv = new UnitValues(inst),
  ) {
    this.uv = uv;
    this.P = inst.products.length;
  }

  /** The flows of `design` (bits in instance order, one per candidate), or null if some supply is stranded. */
  route(design: Design): NetworkFlows | null {
    const { inst, uv } = this;
    uv.closeCandidates();
    inst.bits.forEach((b, i) => design[i] && (uv.usable[b.node] = 1));
    this.arcs = new Map();
    this.processed = new Map();
    this.delivered = new Map();
    this.stranded = false;
    const supplied: NetworkFlows['supplied'][number][] = [];
    for (const n of inst.nodes) {
      for (const [p, bounds] of n.supply) {
        const amount = bounds.upper[0]!;
        if (amount === 0) continue;
        supplied.push({ node: n.id, product: inst.products[p]!.id, period: 1, amount });
        if (uv.roles.pureSource(n, p)) this.ship(n.index, p, amount);
        else this.present(n.index, p, amount);
      }
    }
    if (this.stranded) return null;
    const id = (n: number): string => inst.nodes[n]!.id;
    const pid = (p: number): string => inst.products[p]!.id;
    const keep = (v: number): boolean => Math.abs(v) >= FLOW_EPS;
    const N = inst.nodes.length;
    const P = this.P;
    return {
      arcs: [...this.arcs]
        .filter(([, v]) => keep(v))
        .map(([k, amount]) => ({
          from: id(Math.floor(k / (N * P))),
          to: id(Math.floor(k / P) % N),
          product: pid(k % P),
          period: 1,
          amount,
        })),
      stock: [],
      processed: [...this.processed]
        .filter(([, e]) => keep(e.amount))
        .map(([c, e]) => ({ node: id(e.node), option: null, product: pid(c.from), period: 1, amount: e.amount })),
      supplied,
      delivered: [...this.delivered]
        .filter(([, v]) => keep(v))
        .map(([k, amount]) => ({ node: id(Math.floor(k / P)), product: pid(k % P), period: 1, amount })),
    };
  }

  /** `x` units of p leave n on its cheapest usable lane (a pure source, or a node that chose to ship). */
  private ship(n: number, p: number, x: number): void {
    const value = this.uv.shipValue(n, p);
    const lane = this.uv.bestLane;
    if (lane < 0 || value === Infinity) {
      this.stranded = true;
      return;
    }
    const to = this.uv.laneTo[lane]!;
    const key = (n * this.inst.nodes.length + to) * this.P + p;
    this.arcs.set(key, (this.arcs.get(key) ?? 0) + x);
    this.arrive(to, p, x);
  }

  private arrive(n: number, p: number, x: number): void {
    const node = this.inst.nodes[n]!;
    if (this.uv.roles.pureSink(node, p)) return this.absorb(n, p, x);
    const inline = this.uv.roles.inlineConversion(node, p);
    if (inline) return this.process(n, inline, x);
    this.present(n, p, x);
  }

  /** `x` units of p in n's balance go where {@link UnitValues.present} found them cheapest. */
  private present(n: number, p: number, x: number): void {
    const { uv } = this;
    const target = uv.present(n, p);
    if (target === Infinity) {
      this.stranded = true;
      return;
    }
    if (uv.absorbs(n, p) && target === 0) return this.absorb(n, p, x);
    if (uv.shipValue(n, p) === target) return this.ship(n, p, x);
    const c = uv.processingOf(n, p).find((c) => uv.processingValue(n, c) === target)!;
    this.process(n, c, x);
  }

  private process(n: number, c: NetConversion, x: number): void {
    const e = this.processed.get(c);
    if (e) e.amount += x;
    else this.processed.set(c, { node: n, amount: x });
    for (const o of c.to) if (o.rate[0]! > 0) this.present(n, o.product, o.rate[0]! * x);
  }

  private absorb(n: number, p: number, x: number): void {
    const key = n * this.P + p;
    this.delivered.set(key, (this.delivered.get(key) ?? 0) + x);
  }
}

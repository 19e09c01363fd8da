import { at, type NetConversion, type NetNode, type NetworkInstance } from '../instance.js';
import { roles, type Roles } from '../roles.js';

/**
 * Objective coefficient of one unit of product `p` on arc column (`arc`, position `k`) of a
 * one-period network without options, exactly as the network builder (model.ts) writes it: unit
 * cost plus carbon tax on the arc emission, handling (and its emission) at the tail when its
 * throughput is outflow and at the head otherwise, the supply cost of a pure source, and the cost
 * of a conversion done on arrival at the head.
 */
export function laneCost(
  inst: NetworkInstance,
  R: Roles,
  from: NetNode,
  to: NetNode,
  cost: number,
  emission: number,
  p: number,
): number {
  const tax = inst.carbonTax;
  const handling = (n: NetNode): number => at(n.handlingCost, 1, p, 0) + tax * at(n.emission, 1, p, 0);
  let c = cost + tax * emission;
  if (from.throughputIsOutflow) c += handling(from);
  if (!to.throughputIsOutflow) c += handling(to);
  if (R.pureSource(from, p)) c += at(from.supplyCost, 1, p, 0);
  const inline = R.inlineConversion(to, p);
  if (inline) c += inline.cost[0]! + tax * inline.emission;
  return c;
}

/**
 * Cheapest cost of disposing of one unit of a product at a node, for the flow model of one set of
 * usable nodes (open candidates and every non-candidate), in a one-period network with no
 * capacities, free sinks and an acyclic (node, product) graph (see group-structure.ts). These are
 * Bellman values: a unit present at n is absorbed (free demand, 0), shipped on an arc to a usable
 * node (the arc's coefficient plus the value of arriving there), or processed by a conversion (its
 * cost plus rate times the value of each output). With no capacity, routing every unit along its
 * cheapest choice is feasible, and the values are a feasible dual of the flow LP (each column's
 * reduced cost is >= 0 by the minimum), so both bound the LP's optimum: the flow LP costs exactly
 * the sum over supplies of amount times the value of leaving the source. Memoised per usable set.
 */
export class UnitValues {
  readonly roles: Roles;
  private readonly P: number;
  /** Lanes (an arc seen from its tail for one product) of state n * P + p: `laneStart[key]` to `laneStart[key + 1]`. */
  readonly laneStart: Int32Array;
  /** Head node of each lane. */
  readonly laneTo: Int32Array;
  /** Objective coefficient of each lane ({@link laneCost}). */
  readonly laneCost: Float64Array;
  private readonly processing: (NetConversion[] | undefined)[];
  private readonly absorbing: Uint8Array;
  private readonly memo: Float64Array;
  private readonly stamp: Uint32Array;
  private epoch = 1;
  /** 1 where a node may carry flow; the caller flips entries between {@link reset}s. */
  readonly usable: Uint8Array;

  constructor(private readonly inst: NetworkInstance) {
    this.roles = roles(inst);
    const R = this.roles;
    const P = (this.P = inst.products.length);
    const N = inst.nodes.length;
    // Flat arrays (counted, then filled): 400,000 lanes at 20,000 dealers x 1,000 clusters.
    const start = (this.laneStart = new Int32Array(N * P + 1));
    for (const a of inst.arcs) for (const p of a.products) start[a.from * P + p + 1]!++;
    for (let k = 0; k < N * P; k++) start[k + 1]! += start[k]!;
    const fill = start.slice(0, N * P);
    this.laneTo = new Int32Array(start[N * P]!);
    this.laneCost = new Float64Array(start[N * P]!);
    for (const a of inst.arcs) {
      const from = inst.nodes[a.from]!;
      const to = inst.nodes[a.to]!;
      a.products.forEach((p, k) => {
        const i = fill[a.from * P + p]!++;
        this.laneTo[i] = a.to;
        this.laneCost[i] = laneCost(inst, R, from, to, a.cost[k]!, a.emission[k]!, p);
      });
    }
    this.processing = new Array<NetConversion[] | undefined>(N * P);
    this.absorbing = new Uint8Array(N * P);
    for (const n of inst.nodes) {
      for (const c of n.conversions)
        if (R.inlineConversion(n, c.from) !== c) (this.processing[n.index * P + c.from] ??= []).push(c);
      for (const p of R.demanded(n)) this.absorbing[n.index * P + p] = 1;
    }
    this.memo = new Float64Array(N * P);
    this.stamp = new Uint32Array(N * P);
    this.usable = Uint8Array.from(inst.nodes, (n) => (n.candidate ? 0 : 1));
  }

  /** Makes every candidate unusable and every other node usable, and forgets every value. */
  closeCandidates(): void {
    this.inst.nodes.forEach((n, i) => (this.usable[i] = n.candidate ? 0 : 1));
    this.reset();
  }

  /** Forgets every value (call after changing {@link usable} in a way that reaches memoised states). */
  reset(): void {
    this.epoch++;
  }

  /** Forgets the values of one node's states (its own choices changed; nothing upstream was asked). */
  forget(node: number): void {
    this.stamp.fill(0, node * this.P, (node + 1) * this.P);
  }

  /**
   * Value of shipping one unit of p out of n on its cheapest lane to a usable node (lane plus
   * arrival; Infinity when there is none). The lane is left in {@link bestLane} (-1 if none).
   */
  shipValue(n: number, p: number): number {
    let lane = -1;
    let value = Infinity;
    const key = n * this.P + p;
    for (let i = this.laneStart[key]!; i < this.laneStart[key + 1]!; i++) {
      const to = this.laneTo[i]!;
      if (!this.usable[to]) continue;
      const v = this.laneCost[i]! + this.arrive(to, p);
      if (v < value) {
        lane = i;
        value = v;
      }
    }
    this.bestLane = lane;
    return value;
  }

  /** The lane the last {@link shipValue} call found cheapest (-1 if none). */
  bestLane = -1;

  /** Value of one unit of p arriving at n on an arc (whose coefficient is already paid). */
  arrive(n: number, p: number): number {
    const node = this.inst.nodes[n]!;
    if (this.roles.pureSink(node, p)) return 0;
    const inline = this.roles.inlineConversion(node, p);
    return inline ? this.outputs(n, inline) : this.present(n, p);
  }

  /** Value of one unit of p leaving source n: cheapest lane out (pure source) or the node's own value. */
  leave(n: number, p: number): number {
    const node = this.inst.nodes[n]!;
    if (!this.roles.pureSource(node, p)) return at(node.supplyCost, 1, p, 0) + this.present(n, p);
    return this.shipValue(n, p);
  }

  /** Value of one unit of p present in n's balance (Infinity when it cannot be disposed of). */
  present(n: number, p: number): number {
    const key = n * this.P + p;
    if (this.stamp[key] === this.epoch) return this.memo[key]!;
    let best = Math.min(this.absorbing[key] ? 0 : Infinity, this.shipValue(n, p));
    for (const c of this.processing[key] ?? []) best = Math.min(best, this.processingValue(n, c));
    this.memo[key] = best;
    this.stamp[key] = this.epoch;
    return best;
  }

  /** Whether a (free) demand of n covers p, so units of p present there may be absorbed at no cost. */
  absorbs(n: number, p: number): boolean {
    return this.absorbing[n * this.P + p] === 1;
  }

  /** Conversions at n that process p by choice (not on arrival). */
  processingOf(n: number, p: number): readonly NetConversion[] {
    return this.processing[n * this.P + p] ?? [];
  }

  /** Value of processing one unit of a conversion's input at n: its cost plus its outputs' values. */
  processingValue(n: number, c: NetConversion): number {
    return c.cost[0]! + this.inst.carbonTax * c.emission + this.outputs(n, c);
  }

  /** Rate-weighted values of a conversion's outputs at its node (outputs at rate 0 are not made). */
  private outputs(n: number, c: NetConversion): number {
    let v = 0;
    for (const o of c.to) if (o.rate[0]! > 0) v += o.rate[0]! * this.present(n, o.product);
    return v;
  }
}

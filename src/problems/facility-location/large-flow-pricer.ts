import type { Design } from '../../core/design.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { GrowingLp, type NewColumn } from '../../exact/growing-lp.js';
import { LinearModelBuilder } from '../../exact/linear-model.js';
import { allocationFrom, type Allocation } from './allocation.js';
import { totalDemand, type FacilityLocationInstance } from './instance.js';

/** Arcs per customer added when a site is opened (to its cheapest open sites). */
const NEAREST = 6;
/** At most this many priced-out arcs join per round (the most negative first). */
const MAX_NEW_ARCS = 20_000;
/** Past this many arc columns the LP is rebuilt from scratch (bounded memory). */
const MAX_ARCS = 1_500_000;
const RC_TOL = 1e-7;

/**
 * Column-generation pricing for large CFLP kept alive across designs (one per instance and
 * HiGHS handle). The LP holds a demand row per customer, a capacity row per site and the arcs
 * generated so far; pricing a new design fixes the arcs of closed sites at 0, frees those of
 * open ones, and continues column generation warm from the previous basis (reduced cost
 * c_ij - u_j - d_j w_i over every open site and customer, until none is negative; artificial
 * "unserved" columns with a growing penalty keep every restricted LP feasible; the open capacity
 * covers the demand, so the full LP is feasible and a large enough penalty never pays). At the
 * end no arc has a negative reduced cost, so the flows are optimal for the full LP over all arcs
 * (tested against it, also starting from one arc per customer to force column generation).
 */
export class LargeFlowPricer {
  private lp: GrowingLp | null = null;
  private arcs: number[] = []; // column n + k <-> arc arcs[k] = i * n + j
  private colOf = new Map<number, number>();
  private bySite: number[][] = [];
  private state: Uint8Array | null = null;
  private bigM = 0;

  constructor(
    private readonly handle: HighsHandle,
    private readonly inst: FacilityLocationInstance,
    private readonly nearest = NEAREST,
  ) {}

  /** Optimal allocation of the design, or null when its open capacity is below demand. */
  async price(design: Design): Promise<Allocation | null> {
    const { inst } = this;
    const n = inst.customers.length;
    const open = inst.sites.map((_, i) => i).filter((i) => design[i]);
    const capacity = open.reduce((a, i) => a + inst.sites[i]!.capacity, 0);
    if (open.length === 0 || capacity < totalDemand(inst) - 1e-9) return null;
    if (!this.lp || this.arcs.length > MAX_ARCS) this.reset();
    const lp = this.lp!;
    await this.applyDesign(design, open);
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let round = 0; round < 500; round++) {
        const sol = await lp.solve();
        if (sol.status !== 'optimal' || !sol.values || !sol.rowDuals) {
          this.reset(); // no usable basis left: start clean next time
          return null;
        }
        const fresh = this.pricedOut(open, sol.rowDuals);
        if (fresh.length === 0) {
          if (!inst.customers.some((_, j) => sol.values![j]! > 1e-9)) return this.allocation(open, sol.values);
          break; // optimal for this penalty but someone is unserved: raise it
        }
        await this.addArcs(fresh.slice(0, MAX_NEW_ARCS));
      }
      this.bigM *= 10;
      await lp.setCosts([...Array(n).keys()], new Array<number>(n).fill(this.bigM));
    }
    throw new Error(`${inst.name}: column generation did not settle`);
  }

  dispose(): void {
    this.lp?.dispose();
    this.lp = null;
  }

  private reset(): void {
    this.dispose();
    const { inst } = this;
    let maxCost = 0;
    for (const c of inst.allocCost) maxCost = Math.max(maxCost, c);
    this.bigM = 10 * maxCost + 1;
    const b = new LinearModelBuilder(`${inst.name}-cg`);
    const art = inst.customers.map((_, j) => b.addVar(`u${j}`, { cost: this.bigM }));
    inst.customers.forEach((_, j) => b.addEq(`d${j}`, { vars: [art[j]!], coefs: [1] }, 1));
    inst.sites.forEach((s, i) => b.addLe(`c${i}`, { vars: [], coefs: [] }, s.capacity));
    this.lp = new GrowingLp(this.handle, b.build());
    this.arcs = [];
    this.colOf = new Map();
    this.bySite = inst.sites.map(() => []);
    this.state = null;
  }

  /** Fixes closed sites' arcs at 0, frees open ones', and seeds newly opened sites with nearest arcs. */
  private async applyDesign(design: Design, open: number[]): Promise<void> {
    const { inst } = this;
    const n = inst.customers.length;
    const changed = inst.sites.map((_, i) => i).filter((i) => !this.state || this.state[i] !== design[i]);
    const cols: number[] = [];
    const upper: number[] = [];
    for (const i of changed) {
      for (const c of this.bySite[i]!) {
        cols.push(c);
        upper.push(design[i] ? Infinity : 0);
      }
    }
    await this.lp!.setBounds(
      cols,
      cols.map(() => 0),
      upper,
    );
    // Newly opened sites (or the first design): each customer gets arcs to its cheapest open sites.
    const opened = new Set(changed.filter((i) => design[i]));
    if (opened.size > 0) {
      const seed: number[] = [];
      const order = [...open];
      for (let j = 0; j < n; j++) {
        order.sort((a, c) => inst.allocCost[a * n + j]! - inst.allocCost[c * n + j]! || a - c);
        for (const i of order.slice(0, this.nearest))
          if (opened.has(i) && !this.colOf.has(i * n + j)) seed.push(i * n + j);
      }
      await this.addArcs(seed);
    }
    this.state = Uint8Array.from(design);
  }

  /** Arcs of open sites not in the LP with negative reduced cost, most negative first. */
  private pricedOut(open: number[], duals: Float64Array): number[] {
    const { inst } = this;
    const n = inst.customers.length;
    const fresh: Array<[number, number]> = [];
    for (const i of open) {
      const wi = duals[n + i]!;
      for (let j = 0; j < n; j++) {
        const a = i * n + j;
        if (this.colOf.has(a)) continue;
        const rc = inst.allocCost[a]! - duals[j]! - inst.customers[j]!.demand * wi;
        if (rc < -RC_TOL * Math.max(1, Math.abs(duals[j]!))) fresh.push([rc, a]);
      }
    }
    return fresh.sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, a]) => a);
  }

  private async addArcs(list: number[]): Promise<void> {
    if (list.length === 0) return;
    const { inst } = this;
    const n = inst.customers.length;
    const cols: NewColumn[] = list.map((a) => {
      const i = Math.floor(a / n);
      const j = a % n;
      const col = n + this.arcs.length;
      this.arcs.push(a);
      this.colOf.set(a, col);
      this.bySite[i]!.push(col);
      return {
        cost: inst.allocCost[a]!,
        lower: 0,
        upper: Infinity,
        rows: [j, n + i],
        coefs: [1, inst.customers[j]!.demand],
      };
    });
    await this.lp!.addColumns(cols);
  }

  private allocation(open: number[], values: Float64Array): Allocation {
    const n = this.inst.customers.length;
    const site: number[] = [];
    const customer: number[] = [];
    const fraction: number[] = [];
    for (const i of open) {
      for (const c of this.bySite[i]!) {
        const a = this.arcs[c - n]!;
        site.push(i);
        customer.push(a % n);
        fraction.push(values[c]!);
      }
    }
    return allocationFrom(site, customer, fraction);
  }
}

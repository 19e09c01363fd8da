import type { Design } from '../../core/design.js';
import { TransportationSimplex } from '../../search/transportation-simplex.js';
import { allocationFrom, type Allocation } from './allocation.js';
import type { FacilityLocationInstance } from './instance.js';

/**
 * Prices CFLP designs of one instance with a warm network simplex over the transportation problem
 * (src/search/transportation-simplex.ts): flows in demand units, unit cost c_ij / d_j. Customers
 * without demand take no capacity and go to their cheapest open site. No HiGHS model, so no
 * WebAssembly memory; neighbouring designs cost a few pivots. Same optimum as the allocation LP.
 */
export class SimplexFlowPricer {
  private readonly simplex: TransportationSimplex | null;
  private readonly served: number[]; // customers with demand, in network order
  private readonly idle: number[]; // customers without demand

  constructor(private readonly inst: FacilityLocationInstance) {
    const n = inst.customers.length;
    this.served = inst.customers.map((c, j) => (c.demand > 0 ? j : -1)).filter((j) => j >= 0);
    this.idle = inst.customers.map((c, j) => (c.demand > 0 ? -1 : j)).filter((j) => j >= 0);
    const k = this.served.length;
    const unitCost = new Float64Array(inst.sites.length * k);
    inst.sites.forEach((_, i) =>
      this.served.forEach((j, t) => (unitCost[i * k + t] = inst.allocCost[i * n + j]! / inst.customers[j]!.demand)),
    );
    this.simplex =
      k > 0
        ? new TransportationSimplex({
            supply: inst.sites.map((s) => s.capacity),
            demand: this.served.map((j) => inst.customers[j]!.demand),
            unitCost,
          })
        : null;
  }

  /** Optimal allocation for the design, or null when the open sites cannot serve all demand. */
  price(design: Design): Allocation | null {
    const { inst } = this;
    const n = inst.customers.length;
    const site: number[] = [];
    const customer: number[] = [];
    const fraction: number[] = [];
    if (this.simplex) {
      const s = this.simplex.solve(design);
      if (!s) return null;
      s.source.forEach((i, k) => {
        const j = this.served[s.sink[k]!]!;
        site.push(i);
        customer.push(j);
        fraction.push(s.amount[k]! / inst.customers[j]!.demand);
      });
    }
    for (const j of this.idle) {
      let best = -1;
      for (let i = 0; i < inst.sites.length; i++)
        if (design[i] && (best < 0 || inst.allocCost[i * n + j]! < inst.allocCost[best * n + j]!)) best = i;
      if (best < 0) return null;
      site.push(best);
      customer.push(j);
      fraction.push(1);
    }
    return allocationFrom(site, customer, fraction);
  }

  dispose(): void {}
}

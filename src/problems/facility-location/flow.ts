import { expr, LinearModelBuilder, sum, type LinearModel } from '../../exact/linear-model.js';
import type { Design } from '../../core/design.js';
import { allocationFrom, type Allocation } from './allocation.js';
import { allocCost, totalDemand, type FacilityLocationInstance } from './instance.js';

/**
 * The flow problem of a fixed design: allocate customers to the open sites at least cost.
 * CFLP: a transportation LP. SSCFLP: the same with binary assignment (a generalised assignment
 * problem, solved exactly as a small MIP). UFLP: no model needed (see {@link nearestOpen}).
 */
export interface FlowModel {
  readonly model: LinearModel;
  /** Open site index of each column block. */
  readonly open: readonly number[];
  decode(values: Float64Array): Allocation;
}

/** Builds the allocation model over the open sites of `design`. */
export function buildFlowModel(inst: FacilityLocationInstance, design: Design): FlowModel {
  const n = inst.customers.length;
  const open = inst.sites.map((_, i) => i).filter((i) => design[i]);
  const b = new LinearModelBuilder(`${inst.name}-flow`);
  const type = inst.variant === 'sscflp' ? 'binary' : 'continuous';
  const cols = open.map((i) =>
    inst.customers.map((c, j) =>
      b.addVar(`x_${inst.sites[i]!.id}_${c.id}`, { type, upper: 1, cost: allocCost(inst, i, j) }),
    ),
  );
  for (let j = 0; j < n; j++) b.addEq(`serve_${inst.customers[j]!.id}`, sum(cols.map((r) => r[j]!)), 1);
  if (inst.variant !== 'uflp') {
    open.forEach((i, k) =>
      b.addLe(
        `cap_${inst.sites[i]!.id}`,
        expr(
          cols[k]!,
          inst.customers.map((c) => c.demand),
        ),
        inst.sites[i]!.capacity,
      ),
    );
  }
  return {
    model: b.build(),
    open,
    decode(values) {
      const site: number[] = [];
      const customer: number[] = [];
      const fraction: number[] = [];
      open.forEach((i, k) =>
        cols[k]!.forEach((col, j) => {
          site.push(i);
          customer.push(j);
          fraction.push(values[col]!);
        }),
      );
      return allocationFrom(site, customer, fraction);
    },
  };
}

/** Exact allocation without capacities: every customer to its cheapest open site. */
export function nearestOpen(inst: FacilityLocationInstance, design: Design): Allocation | null {
  const n = inst.customers.length;
  const open = inst.sites.map((_, i) => i).filter((i) => design[i]);
  if (open.length === 0) return null;
  const site: number[] = [];
  for (let j = 0; j < n; j++) {
    let best = open[0]!;
    for (const i of open) if (allocCost(inst, i, j) < allocCost(inst, best, j)) best = i;
    site.push(best);
  }
  return { site, customer: site.map((_, j) => j), fraction: site.map(() => 1) };
}

/** Why a design cannot be feasible, visible without solving (nothing open, too little capacity). */
export function designInfeasibility(inst: FacilityLocationInstance, design: Design): string | null {
  const open = inst.sites.filter((_, i) => design[i]);
  if (open.length === 0) return 'no site is open';
  if (inst.maxOpen !== undefined && open.length > inst.maxOpen)
    return `${open.length} sites open, at most ${inst.maxOpen} allowed`;
  if (inst.variant === 'uflp') return null;
  const capacity = open.reduce((s, site) => s + site.capacity, 0);
  const demand = totalDemand(inst);
  if (capacity < demand - 1e-9) return `open capacity ${capacity} is below total demand ${demand}`;
  return null;
}

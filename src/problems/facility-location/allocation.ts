import type { FacilityLocationInstance } from './instance.js';

/** Customer-to-site allocation as sparse triples: `fraction` of customer's demand served by site. */
export interface Allocation {
  readonly site: readonly number[];
  readonly customer: readonly number[];
  readonly fraction: readonly number[];
}

/** Values below this are solver noise, not flow. */
export const FLOW_EPS = 1e-9;

/** Builds an allocation from parallel arrays, dropping zero entries. */
export function allocationFrom(site: number[], customer: number[], fraction: number[]): Allocation {
  const keep = fraction.map((v, k) => (v > FLOW_EPS ? k : -1)).filter((k) => k >= 0);
  return {
    site: keep.map((k) => site[k]!),
    customer: keep.map((k) => customer[k]!),
    fraction: keep.map((k) => fraction[k]!),
  };
}

/** Demand served by each site. */
export function siteLoads(inst: FacilityLocationInstance, a: Allocation): number[] {
  const load = new Array<number>(inst.sites.length).fill(0);
  a.site.forEach((i, k) => (load[i]! += a.fraction[k]! * inst.customers[a.customer[k]!]!.demand));
  return load;
}

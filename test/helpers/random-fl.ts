import fc from 'fast-check';
import {
  makeFlInstance,
  type FacilityLocationInstance,
  type FlVariant,
} from '../../src/problems/facility-location/instance.js';

/** Random small facility-location instances (integer data, so optima compare tightly). */
export function arbFlInstance(
  variant: FlVariant,
  maxSites = 6,
  maxCustomers = 8,
): fc.Arbitrary<FacilityLocationInstance> {
  return fc
    .record({ m: fc.integer({ min: 1, max: maxSites }), n: fc.integer({ min: 1, max: maxCustomers }) })
    .chain(({ m, n }) =>
      fc.record({
        caps: fc.array(fc.integer({ min: 5, max: 60 }), { minLength: m, maxLength: m }),
        fixed: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: m, maxLength: m }),
        demand: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
        cost: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: m * n, maxLength: m * n }),
      }),
    )
    .map(({ caps, fixed, demand, cost }) => {
      const total = demand.reduce((a, b) => a + b, 0);
      // Keep instances feasible: scale capacities up until the largest site takes any customer
      // and all sites together take the total demand.
      const maxD = Math.max(...demand);
      const capSum = caps.reduce((a, b) => a + b, 0);
      const factor = Math.max(1, Math.ceil(total / capSum));
      const sites = caps.map((c, i) => ({
        id: `S${i + 1}`,
        capacity: Math.max(c * factor, i === 0 ? maxD : 0),
        fixedCost: fixed[i]!,
      }));
      return makeFlInstance({
        name: 'random',
        source: 'fast-check',
        variant,
        sites,
        customers: demand.map((d, j) => ({ id: `C${j + 1}`, demand: d })),
        allocCost: Float64Array.from(cost.map((c, k) => c * demand[k % demand.length]!)),
      });
    });
}

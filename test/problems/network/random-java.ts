import fc from 'fast-check';
import {
  makeJavaInstance,
  type FixedCostBasis,
  type JavaInstance,
} from '../../../src/problems/network/convert/legacy/java-recycling/instance.js';

const point = fc.record({
  lat: fc.double({ min: -8, max: -6, noNaN: true }),
  lon: fc.double({ min: 106, max: 113, noNaN: true }),
});
const ints = (n: number, min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: n, maxLength: n });

/**
 * Small random instances (2-3 periods, 2-3 centres, 1-3 facility candidates, two metals), sized so
 * that some designs are infeasible (capacity or supply short) and some instances are too.
 */
export function arbJavaInstance(): fc.Arbitrary<JavaInstance> {
  return fc
    .record({ T: fc.integer({ min: 2, max: 3 }), C: fc.integer({ min: 2, max: 3 }), R: fc.integer({ min: 1, max: 3 }) })
    .chain(({ T, C, R }) =>
      fc.record({
        centres: fc.array(fc.record({ at: point, supply: ints(T, 10, 150) }), { minLength: C, maxLength: C }),
        facilities: fc.array(
          fc.record({ at: point, capacity: ints(T, 30, 200), investmentCost: fc.integer({ min: 0, max: 4000 }) }),
          { minLength: R, maxLength: R },
        ),
        demand: fc.array(ints(T, 0, 12), { minLength: 2, maxLength: 2 }),
        manufacturerCap: fc.option(ints(T, 10, 40), { nil: undefined }),
        m: point,
        w: point,
        conv: fc.tuple(fc.double({ min: 0.1, max: 0.3, noNaN: true }), fc.double({ min: 0.1, max: 0.3, noNaN: true })),
        price: ints(2, 50, 600),
        recycle: ints(2, 0, 100),
        fixed: fc.integer({ min: 0, max: 1500 }),
        basis: fc.constantFrom<FixedCostBasis>('network-period', 'facility-period', 'facility'),
        ivc: fc.integer({ min: 0, max: 40 }),
        waste: fc.integer({ min: 0, max: 5 }),
        tc: fc.double({ min: 0, max: 0.05, noNaN: true }),
        T: fc.constant(T),
      }),
    )
    .map((g) =>
      makeJavaInstance({
        name: 'random',
        source: 'fast-check',
        periods: g.T,
        metals: [0, 1].map((k) => ({
          id: `M${k}`,
          conversion: g.conv[k]!,
          price: g.price[k]!,
          recycleCost: g.recycle[k]!,
        })),
        wasteConversion: 0.3,
        wasteTreatmentCost: g.waste,
        inventoryCost: g.ivc,
        transportCostPerKgKm: g.tc,
        fixedCost: { amount: g.fixed, basis: g.basis },
        distanceMetric: 'haversine',
        circuity: 1.2,
        centres: g.centres.map((c, i) => ({ id: `C${i}`, ...c.at, supply: c.supply })),
        facilities: g.facilities.map((f, i) => ({
          id: `R${i}`,
          city: `R${i}`,
          ...f.at,
          capacity: f.capacity,
          investmentCost: f.investmentCost,
        })),
        manufacturers: [
          { id: 'M', ...g.m, demand: g.demand, ...(g.manufacturerCap ? { capacity: g.manufacturerCap } : {}) },
        ],
        landfills: [{ id: 'W', ...g.w }],
      }),
    );
}

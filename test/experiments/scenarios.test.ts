import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Distribution } from '../../src/experiments/config-types.js';
import { rngFor, sample } from '../../src/experiments/distributions.js';
import { configFromText } from '../../src/experiments/load-config.js';
import { blockScenarios, materialize, meanFactors } from '../../src/experiments/scenarios.js';
import { scaleFl } from '../../src/problems/facility-location/scenario-hook.js';
import { makeFlInstance, totalDemand } from '../../src/problems/facility-location/instance.js';
import { orlibPath } from '../helpers/fixtures.js';

const stochConfig = (seed: number): string => `
instances: [${orlibPath('cap41')}]
methods: [milp]
scenarios:
  stochastic:
    - name: s
      count: 4
      seed: ${seed}
      parameters:
        demand: {distribution: lognormal, mu: 0, sigma: 0.2, per: item}
        fixedCost: {distribution: triangular, low: 0.8, mode: 1, high: 1.5}
`;

const sizes = { demand: 50, fixedCost: 16, capacity: 16, transportCost: 800 };
const factorsOf = (seed: number) =>
  blockScenarios(configFromText(stochConfig(seed), 'e.yaml'))[0]!.scenarios.map((s) => materialize(s, sizes));

describe('stochastic scenarios', () => {
  it('same seed gives the same scenarios; another seed gives others', () => {
    const a = factorsOf(7);
    expect(factorsOf(7)).toEqual(a);
    expect(factorsOf(8)).not.toEqual(a);
    expect((a[0]!.demand as number[]).length).toBe(50);
    expect(typeof a[0]!.fixedCost).toBe('number');
    expect(a[0]).not.toEqual(a[1]);
  });

  it('draws stay inside bounded distributions and are never negative', () => {
    const arb = fc.tuple(
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0, max: 2, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(arb, fc.string(), ([a, b, t], key) => {
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        const mode = low + t * (high - low);
        const rng = rngFor(key);
        for (const d of [
          { type: 'uniform', low, high },
          { type: 'triangular', low, mode, high },
        ] as Distribution[]) {
          const v = sample(d, rng);
          expect(v).toBeGreaterThanOrEqual(low - 1e-12);
          expect(v).toBeLessThanOrEqual(high + 1e-12);
        }
        expect(sample({ type: 'normal', mean: 0, sd: 5 }, rng)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('sample means approach the distribution means', () => {
    const rng = rngFor('means');
    const avg = (d: Distribution): number =>
      Array.from({ length: 20000 }, () => sample(d, rng)).reduce((s, v) => s + v, 0) / 20000;
    expect(avg({ type: 'normal', mean: 1, sd: 0.1 })).toBeCloseTo(1, 2);
    expect(avg({ type: 'triangular', low: 0.8, mode: 1, high: 1.5 })).toBeCloseTo(3.3 / 3, 2);
    expect(avg({ type: 'lognormal', mu: 0, sigma: 0.2 })).toBeCloseTo(Math.exp(0.02), 2);
  });

  it('meanFactors averages item-wise', () => {
    expect(
      meanFactors([
        { d: [1, 2], f: 1 },
        { d: [3, 4], f: 2 },
      ]),
    ).toEqual({ d: [2, 3], f: 1.5 });
  });
});

describe('facility-location scenario transform', () => {
  const inst = makeFlInstance({
    name: 'tiny',
    source: 'test',
    variant: 'cflp',
    sites: [
      { id: 'A', capacity: 10, fixedCost: 5 },
      { id: 'B', capacity: 20, fixedCost: 7 },
    ],
    customers: [
      { id: 'x', demand: 4 },
      { id: 'y', demand: 6 },
    ],
    allocCost: Float64Array.from([1, 2, 3, 4]),
  });

  it('scales demand with its cost column (costs are totals per customer) and leaves the input untouched', () => {
    const s = scaleFl(inst, { demand: [2, 0.5], fixedCost: 3, capacity: [1, 2], transportCost: 10 });
    expect(s.customers.map((c) => c.demand)).toEqual([8, 3]);
    expect([...s.allocCost]).toEqual([20, 10, 60, 20]);
    expect(s.sites.map((x) => [x.fixedCost, x.capacity])).toEqual([
      [15, 10],
      [21, 40],
    ]);
    expect(totalDemand(inst)).toBe(10);
    expect([...inst.allocCost]).toEqual([1, 2, 3, 4]);
  });

  it('rejects per-item factors of the wrong length', () => {
    expect(() => scaleFl(inst, { demand: [1, 2, 3] })).toThrow(/2 per-item factors/);
  });
});

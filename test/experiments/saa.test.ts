import { describe, expect, it } from 'vitest';
// The evaluation sample goes to the pool's compiled workers (dist/), as the CLI does.
import { saaBounds as saaBoundsDist } from '../../dist/experiments/saa.js';
import { estimate, saaBounds, sampleDocument, tQuantile975, type SaaFactor } from '../../src/experiments/saa.js';
import { parseNetworkDocument } from '../../src/problems/network/reader.js';
import { stochasticFacilityLocation } from '../../src/problems/network/stochastic/generate.js';
import { testHandle } from '../helpers/fixtures.js';

/** A 5 x 12 facility-location network without its scenarios, with unmet demand at 150. */
function nominal() {
  const { scenarios: _s, ...doc } = stochasticFacilityLocation({
    sites: 5,
    customers: 12,
    scenarios: 1,
    seed: 4,
    penalty: 150,
  });
  return parseNetworkDocument(doc, 'saa.json');
}
/** One shared demand factor (every customer at once) and one per-customer noise on C1-C6. */
const FACTORS: SaaFactor[] = [
  {
    change: { field: 'demand', select: { echelon: 'customer' } },
    distribution: { type: 'uniform', low: 0.6, high: 1.4 },
  },
  {
    change: { field: 'demand', select: { node: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'] } },
    distribution: { type: 'triangular', low: 0.8, mode: 1, high: 1.3 },
  },
];

describe('sample average approximation with statistical bounds', () => {
  it('t quantiles and estimates by hand', () => {
    expect(tQuantile975(9)).toBe(2.262);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
    const e = estimate([1, 2, 3, 4]);
    // mean 2.5, sd sqrt(5/3), t(3) = 3.182: 3.182 x 1.29099 / 2 = 2.05397.
    expect(e.mean).toBe(2.5);
    expect(e.halfWidth).toBeCloseTo(2.05397, 4);
  });

  it('sampling is seeded: the same key draws the same scenarios, another key others', () => {
    const doc = nominal();
    const a = sampleDocument(doc, FACTORS, 5, 'k1');
    expect(sampleDocument(doc, FACTORS, 5, 'k1')).toEqual(a);
    expect(sampleDocument(doc, FACTORS, 5, 'k2').scenarios).not.toEqual(a.scenarios);
    expect(a.scenarios!.reduce((t, s) => t + s.probability, 0)).toBeCloseTo(1, 12);
  });

  it('without uncertainty every bound is the deterministic optimum and the gap interval is [0, 0]', async () => {
    const handle = await testHandle();
    const flat: SaaFactor[] = [{ change: FACTORS[0]!.change, distribution: { type: 'uniform', low: 1, high: 1 } }];
    const r = await saaBounds(nominal(), flat, { n: 3, replications: 3, evaluation: 4, seed: 1, handle });
    expect(r.lower.halfWidth).toBeCloseTo(0, 9);
    expect(r.upper.mean).toBeCloseTo(r.lower.mean, 6);
    expect(r.gapUpper).toBeCloseTo(0, 6);
  }, 60_000);

  it('gaps are >= 0 on each replication, the interval holds the estimate, and 1 and 2 threads agree', async () => {
    const handle = await testHandle();
    // The dist/ module has its own HighsHandle class: the same object, typed as that module's.
    const distHandle = handle as unknown as Parameters<typeof saaBoundsDist>[2]['handle'];
    const o = { n: 5, replications: 3, evaluation: 30, seed: 7, handle: distHandle, method: 'lshaped' as const };
    const one = await saaBoundsDist(nominal(), FACTORS, { ...o, threads: 1 });
    const two = await saaBoundsDist(nominal(), FACTORS, { ...o, threads: 2 });
    for (const g of one.gap.values) expect(g).toBeGreaterThanOrEqual(-1e-6 * one.upper.mean);
    expect(one.gapUpper).toBeGreaterThanOrEqual(one.gap.mean);
    expect(one.upper.values).toHaveLength(30);
    expect(one.lower.values).toHaveLength(3);
    expect(two.upper.values).toEqual(one.upper.values);
    expect(two.lower).toEqual(one.lower);
    expect(two.candidate).toEqual(one.candidate);
  }, 180_000);
});

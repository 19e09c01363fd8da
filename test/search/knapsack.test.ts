import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryKnapsack, continuousKnapsack, coveringKnapsack, type KnapsackItem } from '../../src/search/knapsack.js';

const items = fc
  .array(fc.record({ value: fc.integer({ min: -50, max: 50 }), weight: fc.integer({ min: 1, max: 20 }) }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((xs) => xs.map((x, index) => ({ index, ...x }) as KnapsackItem));

/** Exhaustive optimum over all subsets. */
function enumerate(xs: KnapsackItem[], ok: (w: number) => boolean): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << xs.length; mask++) {
    let v = 0;
    let w = 0;
    xs.forEach((x, k) => {
      if (mask & (1 << k)) {
        v += x.value;
        w += x.weight;
      }
    });
    if (ok(w)) best = Math.min(best, v);
  }
  return best;
}

describe('knapsacks used by the Lagrangian subproblems', () => {
  it('0/1 knapsack by DP equals enumeration', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 60 }), (xs, cap) => {
        expect(binaryKnapsack(xs, cap).value).toBe(enumerate(xs, (w) => w <= cap));
      }),
    );
  });

  it('continuous knapsack is a lower bound on the 0/1 optimum and respects capacity', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 60 }), (xs, cap) => {
        const lp = continuousKnapsack(xs, cap);
        expect(lp.value).toBeLessThanOrEqual(enumerate(xs, (w) => w <= cap) + 1e-9);
        const used = [...lp.take].reduce((a, [i, f]) => a + f * xs[i]!.weight, 0);
        expect(used).toBeLessThanOrEqual(cap + 1e-9);
      }),
    );
  });

  it('covering knapsack by DP equals enumeration (non-negative costs)', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 80 }), (xs, need) => {
        const pos = xs.map((x) => ({ ...x, value: Math.abs(x.value) }));
        const got = coveringKnapsack(pos, need);
        expect(got.value).toBe(enumerate(pos, (w) => w >= need));
        if (Number.isFinite(got.value))
          expect(got.chosen.reduce((a, i) => a + pos[i]!.weight, 0)).toBeGreaterThanOrEqual(need);
      }),
    );
  });
});

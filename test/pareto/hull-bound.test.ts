import { describe, expect, it } from 'vitest';
import { certifiedGap, hullBound } from '../../src/pareto/hull-bound.js';

describe('hull bound of epsilon problems from weighted-sum bounds', () => {
  it('takes the best W(t) - t x eps over the known taxes (by hand)', () => {
    const bounds = [
      { tax: 0, lowerBound: 100 },
      { tax: 2, lowerBound: 120 },
      { tax: 5, lowerBound: 150 },
    ];
    // eps 5: 100, 120 - 10 = 110, 150 - 25 = 125.
    expect(hullBound(bounds, 5)).toBe(125);
    // eps 9: 100, 102, 105.
    expect(hullBound(bounds, 9)).toBe(105);
    // eps 15: 100, 90, 75: the least-cost bound holds for every cap.
    expect(hullBound(bounds, 15)).toBe(100);
  });

  it('ignores negative taxes and infinite bounds; no bound is -Infinity', () => {
    expect(hullBound([{ tax: -1, lowerBound: 1e9 }], 3)).toBe(-Infinity);
    expect(
      hullBound(
        [
          { tax: 1, lowerBound: -Infinity },
          { tax: 0, lowerBound: 7 },
        ],
        3,
      ),
    ).toBe(7);
    expect(hullBound([], 3)).toBe(-Infinity);
  });

  it('gaps on cost against the better of own and hull bounds', () => {
    expect(certifiedGap(120, null, 110)).toBeCloseTo(10 / 120, 12);
    expect(certifiedGap(120, 115, 110)).toBeCloseTo(5 / 120, 12);
    expect(certifiedGap(120, 130, 110)).toBe(0);
    expect(certifiedGap(120, null, -Infinity)).toBeNull();
  });
});

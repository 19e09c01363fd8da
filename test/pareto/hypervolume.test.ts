import { describe, expect, it } from 'vitest';
import { carbonPriceAnalysis } from '../../src/pareto/carbon-price.js';
import { dominates, nondominated, supportedFlags } from '../../src/pareto/front.js';
import { hypervolume, normalizedHypervolume } from '../../src/pareto/hypervolume.js';

describe('hypervolume and front helpers (hand-checked)', () => {
  const front = [
    { cost: 1, emissions: 5 },
    { cost: 2, emissions: 3 },
    { cost: 4, emissions: 1 },
  ];
  it('hypervolume of a hand-made front against (5, 6) is 1x1 + 2x3 + 1x5 = 12; a dominated point adds nothing', () => {
    expect(hypervolume(front, { cost: 5, emissions: 6 })).toBe(12);
    expect(hypervolume([...front, { cost: 3, emissions: 4 }], { cost: 5, emissions: 6 })).toBe(12);
    // Against the nadir (4, 5) the extremes add nothing: (2 - 1) x 0 + (4 - 2) x (5 - 3) = 4; box 3 x 4.
    expect(hypervolume(front, { cost: 4, emissions: 5 })).toBe(4);
    expect(normalizedHypervolume(front, { cost: 1, emissions: 1 }, { cost: 4, emissions: 5 })).toBeCloseTo(4 / 12, 12);
    expect(
      normalizedHypervolume([{ cost: 1, emissions: 1 }], { cost: 1, emissions: 1 }, { cost: 1, emissions: 1 }),
    ).toBeNull();
  });
  it('non-dominated filter sorts by cost and drops dominated and duplicate points', () => {
    const pts = [
      { cost: 4, emissions: 1 },
      { cost: 3, emissions: 4 },
      { cost: 1, emissions: 5 },
      { cost: 2, emissions: 3 },
      { cost: 2, emissions: 3 },
    ];
    expect(nondominated(pts)).toEqual(front);
    expect(dominates({ cost: 2, emissions: 3 }, { cost: 3, emissions: 4 })).toBe(true);
    expect(dominates({ cost: 2, emissions: 3 }, { cost: 2, emissions: 3 })).toBe(false);
  });
  it('supported points: (2, 3) lies below the chord from (1, 5) to (4, 1); (3, 2.5) lies above the chord (2, 3)-(4, 1)', () => {
    expect(supportedFlags(front)).toEqual([true, true, true]);
    expect(supportedFlags([front[0]!, front[1]!, { cost: 3, emissions: 2.5 }, front[2]!])).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });
  it('carbon-price breakpoints are the slopes between supported points: (2-1)/(5-3) = 0.5, (4-2)/(3-1) = 1', () => {
    const v = front.map((p, i) => ({ ...p, open: [`S${i}`], design: [i] }));
    const a = carbonPriceAnalysis(v, 0.7);
    expect(a.breakpoints).toEqual([0.5, 1]);
    expect(a.nominalInterval).toBe(1);
    expect(a.intervals.map((r) => [r.taxFrom, r.taxTo])).toEqual([
      [0, 0.5],
      [0.5, 1],
      [1, null],
    ]);
    // Cost-vs-tax curve: at t = 1 the optimum is min(1 + 5, 2 + 3, 4 + 1) = 5.
    expect(a.curve.find((c) => c.tax === 1)!.objective).toBe(5);
  });
});

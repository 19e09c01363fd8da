import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expr, LinearModelBuilder, sum } from '../../src/exact/linear-model.js';
import { solveModel } from '../../src/exact/solve-model.js';
import type { HighsHandle } from '../../src/exact/highs-handle.js';
import { TransportationSimplex, type TransportationProblem } from '../../src/search/transportation-simplex.js';
import { testHandle } from '../helpers/fixtures.js';

/** The same transportation problem over the available sources as an LP for HiGHS: its optimum, or null. */
async function highsOptimum(handle: HighsHandle, p: TransportationProblem, open: number[]): Promise<number | null> {
  const m = p.supply.length;
  const n = p.demand.length;
  const b = new LinearModelBuilder('transport');
  const x = [...Array(m).keys()].map((i) =>
    [...Array(n).keys()].map((j) =>
      b.addVar(`x_${i}_${j}`, { upper: open[i] ? Infinity : 0, cost: p.unitCost[i * n + j]! }),
    ),
  );
  for (let j = 0; j < n; j++) b.addEq(`d${j}`, sum(x.map((r) => r[j]!)), p.demand[j]!);
  for (let i = 0; i < m; i++)
    b.addLe(
      `s${i}`,
      expr(
        x[i]!,
        x[i]!.map(() => 1),
      ),
      p.supply[i]!,
    );
  const sol = await solveModel(handle, b.build());
  if (sol.status === 'infeasible') return null;
  expect(sol.status).toBe('optimal');
  return sol.objective;
}

// Small integer data makes ties and degenerate pivots common; some instances use real-valued data.
const arbProblem = fc
  .record({ m: fc.integer({ min: 1, max: 7 }), n: fc.integer({ min: 1, max: 14 }), real: fc.boolean() })
  .chain(({ m, n, real }) => {
    const value = (max: number) => (real ? fc.double({ min: 0.5, max, noNaN: true }) : fc.integer({ min: 1, max }));
    return fc.record({
      supply: fc.array(real ? fc.double({ min: 0, max: 40, noNaN: true }) : fc.integer({ min: 0, max: 40 }), {
        minLength: m,
        maxLength: m,
      }),
      demand: fc.array(value(12), { minLength: n, maxLength: n }),
      unitCost: fc.array(real ? fc.double({ min: 0, max: 100, noNaN: true }) : fc.integer({ min: 0, max: 9 }), {
        minLength: m * n,
        maxLength: m * n,
      }),
      masks: fc.array(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: m, maxLength: m }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
  });

describe('TransportationSimplex', () => {
  it('ships a hand example at its optimum', () => {
    // Two sources (capacity 3 and 6), two sinks (demand 4 and 2): source 0 is cheap for both.
    const t = new TransportationSimplex({ supply: [3, 6], demand: [4, 2], unitCost: [1, 1, 3, 4] });
    const s = t.solve([1, 1])!;
    // Source 0 serves sink 1 first (it saves 3 per unit there, 2 at sink 0): 2 * 1 + 1 * 1 + 3 * 3 = 12.
    expect(s.cost).toBeCloseTo(12, 9);
    expect(t.solve([0, 1])!.cost).toBeCloseTo(4 * 3 + 2 * 4, 9);
    expect(t.solve([1, 0])).toBeNull();
    expect(t.solve([1, 1])!.cost).toBeCloseTo(12, 9);
  });

  it('equals the HiGHS LP optimum on random problems and sequences of source subsets (warm starts)', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbProblem, async (p) => {
        const t = new TransportationSimplex(p);
        for (const open of p.masks) {
          const want = await highsOptimum(handle, p, open);
          const got = t.solve(open);
          if (want === null) {
            expect(got).toBeNull();
            continue;
          }
          expect(got).not.toBeNull();
          expect(Math.abs(got!.cost - want)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(want)));
          // The flows are a shipment: demands met, capacities kept, closed sources unused.
          const n = p.demand.length;
          const served = new Float64Array(n);
          const used = new Float64Array(p.supply.length);
          got!.source.forEach((i, k) => {
            expect(open[i]).toBe(1);
            served[got!.sink[k]!]! += got!.amount[k]!;
            used[i]! += got!.amount[k]!;
          });
          served.forEach((s, j) => expect(s).toBeCloseTo(p.demand[j]!, 7));
          used.forEach((u, i) => expect(u).toBeLessThanOrEqual(p.supply[i]! + 1e-7));
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expr, LinearModelBuilder, type LinearModel } from '../../src/exact/linear-model.js';
import { solveLpSequence } from '../../src/exact/lp-sequence.js';
import { solveModel } from '../../src/exact/solve-model.js';
import { testHandle } from '../helpers/fixtures.js';

/**
 * A 2 x 3 transportation LP with shortfall at `penalty`: supplies cap the plants, demands are
 * met or short. Every call has the same matrix; costs and bounds vary (a scenario's values).
 */
function transport(
  demand: readonly number[],
  supply: readonly number[],
  penalty: number,
  extraRow = false,
): LinearModel {
  const b = new LinearModelBuilder('transport');
  const x = supply.map((_, i) => demand.map((_, j) => b.addVar(`x${i}${j}`, { cost: 1 + ((i + 2 * j) % 3) })));
  const short = demand.map((_, j) => b.addVar(`short${j}`, { cost: penalty }));
  supply.forEach((s, i) =>
    b.addLe(
      `supply${i}`,
      expr(
        x[i]!,
        x[i]!.map(() => 1),
      ),
      s,
    ),
  );
  demand.forEach((d, j) => b.addGe(`demand${j}`, expr([...x.map((r) => r[j]!), short[j]!], [...x.map(() => 1), 1]), d));
  if (extraRow)
    b.addLe(
      'total',
      expr(
        x.flat(),
        x.flat().map(() => 1),
      ),
      supply.reduce((t, s) => t + s, 0),
    );
  return b.build();
}

describe('solveLpSequence', () => {
  it('gives each LP the value a cold solve gives, warm across shared matrices and fresh on a new one', async () => {
    const handle = await testHandle();
    const lp = fc.record({
      demand: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 3, maxLength: 3 }),
      supply: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 2 }),
      penalty: fc.integer({ min: 1, max: 20 }),
      extraRow: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(lp, { minLength: 1, maxLength: 6 }), async (list) => {
        const models = list.map((l) => transport(l.demand, l.supply, l.penalty, l.extraRow));
        const warm = await solveLpSequence(handle, models);
        expect(warm).toHaveLength(models.length);
        for (const [k, m] of models.entries()) {
          const cold = await solveModel(handle, m);
          expect(warm[k]!.status).toBe('optimal');
          expect(warm[k]!.objective!).toBeCloseTo(cold.objective!, 7);
          // Reduced costs of an optimal basis: nonnegative on every column at its lower bound 0.
          warm[k]!.colDuals!.forEach((d, j) => {
            if (warm[k]!.values![j]! <= 1e-9) expect(d).toBeGreaterThanOrEqual(-1e-7);
          });
        }
      }),
      { numRuns: 30, seed: 18 },
    );
  });

  it('answers an infeasible LP in a sequence as a cold solve does', async () => {
    const handle = await testHandle();
    const ok = transport([5, 5, 5], [10, 10], 3);
    // No shortfall possible: the shortfall columns fixed at 0 and demand above supply.
    const tight = transport([20, 20, 20], [10, 10], 3);
    const bad = { ...tight, colUpper: tight.colUpper.map((u, j) => (tight.colNames[j]!.startsWith('short') ? 0 : u)) };
    const out = await solveLpSequence(handle, [ok, bad, ok]);
    expect(out.map((s) => s.status)).toEqual(['optimal', 'infeasible', 'optimal']);
    expect(out[2]!.objective).toBeCloseTo(out[0]!.objective!, 9);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import { solveModel } from '../../src/exact/solve-model.js';
import { buildTwoStageFl } from '../../src/experiments/two-stage-fl.js';
import { scaleFl } from '../../src/problems/facility-location/scenario-hook.js';
import { facilityLocationProblem } from '../../src/problems/facility-location/problem.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbFlInstance } from '../helpers/random-fl.js';

describe('two-stage facility location', () => {
  it('WS <= RP <= cost of every scenario-optimal design, and RP equals its design re-priced', async () => {
    const handle = await testHandle();
    const arb = fc.tuple(
      arbFlInstance('cflp', 4, 5),
      fc.array(fc.array(fc.double({ min: 0.6, max: 1.4, noNaN: true }), { minLength: 5, maxLength: 5 }), {
        minLength: 2,
        maxLength: 3,
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([inst, demandDraws]) => {
        const n = inst.customers.length;
        // Demand can only shrink here, so every scenario stays feasible with the sites' capacities.
        const scenarios = demandDraws.map((d) => scaleFl(inst, { demand: d.slice(0, n).map((v) => Math.min(v, 1)) }));
        const problems = scenarios.map(facilityLocationProblem);
        const ts = buildTwoStageFl(scenarios);
        const sol = await solveModel(handle, ts.model, { randomSeed: 1 });
        expect(sol.status).toBe('optimal');
        const design = ts.decodeDesign(sol.values!);
        const priced = await Promise.all(problems.map((p) => p.evaluate(handle, design)));
        const rp = priced.reduce((s, e) => s + e.cost, 0) / priced.length;
        expect(rp).toBeCloseTo(sol.objective!, 4);
        const optima = await Promise.all(problems.map((p) => solve(p, { handle })));
        const ws = optima.reduce((s, r) => s + r.objective!, 0) / optima.length;
        expect(ws).toBeLessThanOrEqual(rp + 1e-6 * Math.max(1, rp));
        for (const r of optima) {
          const d = designFrom(
            r.design.length,
            r.design.flatMap((b, i) => (b ? [i] : [])),
          );
          const costs = await Promise.all(problems.map((p) => p.evaluate(handle, d)));
          if (costs.every((c) => c.feasible))
            expect(rp).toBeLessThanOrEqual(
              costs.reduce((s, c) => s + c.cost, 0) / costs.length + 1e-6 * Math.max(1, rp),
            );
        }
      }),
      { numRuns: 12 },
    );
  });

  it('with one scenario it is the plain MILP', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance('cflp', 4, 5), async (inst) => {
        const sol = await solveModel(handle, buildTwoStageFl([inst]).model, { randomSeed: 1 });
        const milp = await solve(facilityLocationProblem(inst), { handle });
        expect(sol.objective!).toBeCloseTo(milp.objective!, 5);
      }),
      { numRuns: 10 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveModel } from '../../src/exact/solve-model.js';
import { buildTwoStage } from '../../src/experiments/two-stage.js';
import { buildTwoStageFl } from '../../src/experiments/two-stage-fl.js';
import { scaleFl } from '../../src/problems/facility-location/scenario-hook.js';
import { facilityLocationProblem } from '../../src/problems/facility-location/problem.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbFlInstance } from '../helpers/random-fl.js';

describe('generic two-stage extensive form', () => {
  it('on facility location it has the optimum of the hand-written two-stage model, and its design re-priced gives it', async () => {
    const handle = await testHandle();
    const arb = fc.tuple(
      arbFlInstance('cflp', 4, 5),
      fc.array(fc.tuple(fc.double({ min: 0.6, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 1.5, noNaN: true })), {
        minLength: 2,
        maxLength: 3,
      }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([inst, draws]) => {
        const scenarios = draws.map(([d, f]) => scaleFl(inst, { demand: d, fixedCost: f }));
        const problems = scenarios.map(facilityLocationProblem);
        const generic = buildTwoStage(
          problems.map((p) => p.buildMilp()),
          inst.name,
        )!;
        const own = buildTwoStageFl(scenarios);
        const [a, b] = [
          await solveModel(handle, generic.model, { randomSeed: 1 }),
          await solveModel(handle, own.model, { randomSeed: 1 }),
        ];
        expect(a.status).toBe('optimal');
        expect(a.objective!).toBeCloseTo(b.objective!, 4);
        const design = generic.decodeDesign(a.values!);
        const priced = await Promise.all(problems.map((p) => p.evaluate(handle, design)));
        expect(priced.reduce((s, e) => s + e.cost, 0) / priced.length).toBeCloseTo(a.objective!, 4);
      }),
      { numRuns: 10 },
    );
  });

  it('is null when a MILP does not name its design columns', () => {
    const form = facilityLocationProblem(fc.sample(arbFlInstance('cflp', 3, 3), 1)[0]!).buildMilp();
    expect(buildTwoStage([form, { ...form, designColumns: undefined } as never], 'x')).toBeNull();
  });
});

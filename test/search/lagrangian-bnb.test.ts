import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import type { Problem } from '../../src/core/problem.js';
import type { FacilityLocationInstance } from '../../src/problems/facility-location/instance.js';
import { facilityLocationProblem } from '../../src/problems/facility-location/problem.js';
import { DesignEvaluator } from '../../src/search/evaluator.js';
import { lagrangianBranchAndBound, type LagrangianBnbParams } from '../../src/search/lagrangian-bnb.js';
import { makeRng } from '../../src/search/rng.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbFlInstance } from '../helpers/random-fl.js';

/** Brute force over every design, priced exactly (real HiGHS). */
async function bruteForce(problem: Problem): Promise<number> {
  const handle = await testHandle();
  const m = problem.space.size;
  let best = Infinity;
  for (let mask = 1; mask < 1 << m; mask++) {
    const ev = await problem.evaluate(
      handle,
      designFrom(
        m,
        [...Array(m).keys()].filter((i) => mask & (1 << i)),
      ),
    );
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

/** The B&B from the relaxation's start multipliers, with no incumbent: it must find one itself. */
async function runBnb(inst: FacilityLocationInstance, params: LagrangianBnbParams, steps = 0) {
  const problem = facilityLocationProblem(inst);
  const relaxation = problem.lagrangian!();
  const u = relaxation.initial();
  for (let k = 0; k < steps; k++) {
    const g = relaxation.solve(u).subgradient;
    for (let j = 0; j < u.length; j++) u[j]! += 0.5 * g[j]!;
  }
  const out = await lagrangianBranchAndBound({
    relaxation,
    evaluator: new DesignEvaluator(problem, await testHandle(), null),
    rng: makeRng(1, 'bnb-test'),
    deadline: Infinity,
    multipliers: u,
    rootBound: relaxation.solve(u).bound,
    incumbent: null,
    params,
  });
  return { problem, out };
}

const tol = (v: number) => 1e-6 * Math.max(1, Math.abs(v));

describe.each(['cflp', 'sscflp', 'uflp'] as const)('lagrangian branch-and-bound on random %s instances', (variant) => {
  it('never bounds above the brute-force optimum, and an exhausted tree holds it', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFlInstance(variant, 5, 6),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(1, 3, Infinity),
        async (inst, steps, maxNodes) => {
          const { problem, out } = await runBnb(inst, { maxNodes, nodeIterations: 10, rootIterations: 30 }, steps);
          const opt = await bruteForce(problem);
          expect(out.lowerBound).toBeLessThanOrEqual(opt + tol(opt));
          if (out.exhausted) {
            expect(out.best).not.toBeNull();
            expect(Math.abs(out.best!.evaluation.cost - opt)).toBeLessThanOrEqual(tol(opt));
            expect(out.lowerBound).toBeGreaterThanOrEqual(opt * (1 - 1e-7) - tol(opt));
          }
          if (maxNodes === Infinity) expect(out.exhausted).toBe(true);
        },
      ),
      { numRuns: 25, seed: 17 },
    );
  });
});

describe('the property above can fail', () => {
  it('catches a prune rule made too aggressive (pruning 20% below the incumbent)', async () => {
    // With a 0.2 tolerance, a node whose bound is within 20% of the incumbent is pruned: some
    // instance then ends with a wrong claim, which the check above would report.
    let wrong = 0;
    await fc.assert(
      fc.asyncProperty(arbFlInstance('cflp', 5, 6), async (inst) => {
        const { problem, out } = await runBnb(inst, { tolerance: 0.2, nodeIterations: 10, rootIterations: 30 });
        const opt = await bruteForce(problem);
        if (out.lowerBound > opt + tol(opt) || out.best!.evaluation.cost > opt + tol(opt)) wrong++;
      }),
      { numRuns: 30, seed: 17 },
    );
    expect(wrong).toBeGreaterThan(0);
  });
});

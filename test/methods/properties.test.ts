import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import type { Problem } from '../../src/core/problem.js';
import { facilityLocationProblem } from '../../src/problems/facility-location/problem.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbFlInstance } from '../helpers/random-fl.js';

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

const tol = (v: number) => 1e-6 * Math.max(1, Math.abs(v));

describe.each(['cflp', 'sscflp', 'uflp'] as const)('heuristics on random small %s instances', (variant) => {
  it('Lagrangian LB <= MILP optimum <= heuristic objectives', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant, 6, 8), async (inst) => {
        const problem = facilityLocationProblem(inst);
        const milp = await solve(problem, { handle });
        fc.pre(milp.status === 'optimal');
        const opt = milp.objective!;
        for (const method of ['lagrangian', 'ga', 'hybrid']) {
          const res = await solve(problem, { method, seed: 3, handle, timeLimit: 10 });
          if (res.objective === null || res.objective < opt - tol(opt)) return false;
          if (res.lowerBound !== null && res.lowerBound > opt + tol(opt)) return false;
        }
        return true;
      }),
      { numRuns: 12, seed: 5 },
    );
  });
});

describe('GA with a generous budget', () => {
  it('finds the brute-force optimum on instances with up to 8 sites', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance('cflp', 8, 10), fc.integer({ min: 1, max: 1000 }), async (inst, seed) => {
        const problem = facilityLocationProblem(inst);
        const brute = await bruteForce(problem);
        const res = await solve(problem, { method: 'ga', seed, handle, timeLimit: 20 });
        expect(res.objective!).toBeCloseTo(brute, 6);
      }),
      { numRuns: 10, seed: 9 },
    );
  });
});

describe.each(['cflp', 'sscflp', 'uflp'] as const)('hybrid certification on random small %s instances', (variant) => {
  // Enumeration off, so the bound comes from the Lagrangian and the reduced-cost-fixing MILP.
  it('the certified bound never exceeds the brute-force optimum, and a claimed optimum equals it', async () => {
    const handle = await testHandle();
    let claimed = 0;
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant, 8, 10), async (inst) => {
        const problem = facilityLocationProblem(inst);
        const brute = await bruteForce(problem);
        const res = await solve(problem, {
          method: 'hybrid',
          seed: 3,
          handle,
          timeLimit: 10,
          params: { enumerateLimit: 0 },
        });
        expect(res.lowerBound!).toBeLessThanOrEqual(brute + tol(brute));
        if (res.status === 'optimal') {
          claimed++;
          expect(res.objective!).toBeCloseTo(brute, 6);
        }
      }),
      { numRuns: 12, seed: 23 },
    );
    // Otherwise the second half of the property was never exercised.
    expect(claimed).toBeGreaterThan(0);
  });
});

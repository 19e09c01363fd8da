import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom, type Design } from '../../../src/core/design.js';
import type { Problem } from '../../../src/core/problem.js';
import { withChanges, type FlVariant } from '../../../src/problems/facility-location/instance.js';
import { facilityLocationProblem } from '../../../src/problems/facility-location/problem.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { arbFlInstance } from '../../helpers/random-fl.js';

/** Best design by enumerating all 2^m open-sets, each priced by the exact flow model. */
async function bruteForce(problem: Problem): Promise<number> {
  const handle = await testHandle();
  const m = problem.space.size;
  let best = Infinity;
  for (let mask = 1; mask < 1 << m; mask++) {
    const design: Design = designFrom(
      m,
      [...Array(m).keys()].filter((i) => mask & (1 << i)),
    );
    const ev = await problem.evaluate(handle, design);
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

const VARIANTS: FlVariant[] = ['cflp', 'sscflp', 'uflp'];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe.each(VARIANTS)('facility location (%s) on random small instances', (variant) => {
  it('MILP optimum equals brute-force enumeration with the flow model', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant), async (inst) => {
        const problem = facilityLocationProblem(inst);
        const res = await solve(problem, { handle });
        const brute = await bruteForce(problem);
        if (!Number.isFinite(brute)) return res.status === 'infeasible';
        return res.status === 'optimal' && close(res.objective!, brute);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it("HiGHS's objective equals the cost recomputed from the flows, which meet demand and capacity", async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant), async (inst) => {
        const problem = facilityLocationProblem(inst);
        const res = await solve(problem, { handle });
        if (res.status !== 'optimal') return res.status === 'infeasible';
        const design = designFrom(
          res.design.length,
          res.design.flatMap((b, i) => (b ? [i] : [])),
        );
        // The claim is the MILP's objective (builder coefficients); the cost comes from the instance data.
        const recomputed = problem.cost(design, res.flows!);
        return (
          res.claimedObjective !== null &&
          close(recomputed.total, res.claimedObjective) &&
          !res.claimMismatch &&
          problem.violations(design, res.flows!).length === 0
        );
      }),
      { numRuns: 25, seed: 7 },
    );
  });

  it('scaling every cost by c scales the optimum by c', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant), fc.integer({ min: 2, max: 9 }), async (inst, c) => {
        const base = await solve(facilityLocationProblem(inst), { handle });
        const scaled = await solve(
          facilityLocationProblem(
            withChanges(inst, {
              sites: inst.sites.map((s) => ({ ...s, fixedCost: s.fixedCost * c })),
              allocCost: inst.allocCost.map((v) => v * c),
            }),
          ),
          { handle },
        );
        if (base.status !== 'optimal') return scaled.status === base.status;
        return close(scaled.objective!, c * base.objective!);
      }),
      { numRuns: 20, seed: 3 },
    );
  });

  it('adding a dominated site (fixed cost above the optimum) changes nothing', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbFlInstance(variant, 5), async (inst) => {
        const base = await solve(facilityLocationProblem(inst), { handle });
        fc.pre(base.status === 'optimal'); // "dominated" needs a finite optimum to be above
        const n = inst.customers.length;
        const s0 = inst.sites[0]!;
        const allocCost = new Float64Array((inst.sites.length + 1) * n);
        allocCost.set(inst.allocCost);
        for (let j = 0; j < n; j++) allocCost[inst.sites.length * n + j] = inst.allocCost[j]! + 1;
        // Opening it costs more than the whole optimum, so no optimal design can use it.
        const fixedCost = base.objective! + 1;
        const bigger = withChanges(inst, {
          sites: [...inst.sites, { id: 'dominated', capacity: s0.capacity, fixedCost }],
          allocCost,
        });
        const res = await solve(facilityLocationProblem(bigger), { handle });
        return res.status === 'optimal' && close(res.objective!, base.objective!);
      }),
      { numRuns: 15, seed: 11 },
    );
  });
});

describe('design evaluation', () => {
  it('explains an infeasible design', async () => {
    const inst = await fc.sample(arbFlInstance('cflp', 4, 4), { numRuns: 1, seed: 1 })[0]!;
    const tight = withChanges(inst, { sites: inst.sites.map((s) => ({ ...s, capacity: 0.5 })) });
    const ev = await facilityLocationProblem(tight).evaluate(await testHandle(), designFrom(tight.sites.length, [0]));
    expect(ev.feasible).toBe(false);
    expect(ev.reason).toMatch(/open capacity 0.5 is below total demand \d+/);
  });
});

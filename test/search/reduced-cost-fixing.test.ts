import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import type { Problem } from '../../src/core/problem.js';
import { facilityLocationProblem } from '../../src/problems/facility-location/problem.js';
import { reducedCostFixings } from '../../src/search/reduced-cost-fixing.js';
import { SubgradientStepper } from '../../src/search/subgradient.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbFlInstance } from '../helpers/random-fl.js';

/** Brute force: the cheapest feasible design with bit i open and with it closed, for every i. */
async function restrictedOptima(problem: Problem): Promise<{ open: number[]; closed: number[] }> {
  const handle = await testHandle();
  const m = problem.space.size;
  const open = new Array<number>(m).fill(Infinity);
  const closed = new Array<number>(m).fill(Infinity);
  for (let mask = 1; mask < 1 << m; mask++) {
    const bits = [...Array(m).keys()].filter((i) => mask & (1 << i));
    const ev = await problem.evaluate(handle, designFrom(m, bits));
    if (!ev.feasible) continue;
    for (let i = 0; i < m; i++) {
      const side = mask & (1 << i) ? open : closed;
      side[i] = Math.min(side[i]!, ev.cost);
    }
  }
  return { open, closed };
}

const tol = (v: number) => 1e-6 * Math.max(1, Math.abs(v));

describe('reducedCostFixings', () => {
  it('fixes a bit to the value whose opposite reaches the cutoff, and keeps the smallest excluded bound', () => {
    const f = reducedCostFixings(
      { open: Float64Array.from([12, 5, 9, 20]), closed: Float64Array.from([5, 11, 9, 30]) },
      10,
    );
    // bit 0: open costs >= 12 -> closed; bit 1: closing costs >= 11 -> open; bit 2 free; bit 3: both reach it -> free.
    expect([...f.value]).toEqual([0, 1, -1, -1]);
    expect(f.excludedBound).toBe(11);
    expect([f.fixedClosed, f.fixedOpen]).toEqual([1, 1]);
  });

  it('fixes nothing when no bound reaches the cutoff', () => {
    const f = reducedCostFixings({ open: Float64Array.from([1, 2]), closed: Float64Array.from([2, 1]) }, 3);
    expect([...f.value]).toEqual([-1, -1]);
    expect(f.excludedBound).toBe(Infinity);
  });
});

describe.each(['cflp', 'sscflp', 'uflp'] as const)(
  'facility-location fixingBounds on random %s instances',
  (variant) => {
    it('never exceed the brute-force optimum with the bit forced (at start and after subgradient steps)', async () => {
      await fc.assert(
        fc.asyncProperty(arbFlInstance(variant, 5, 6), fc.integer({ min: 0, max: 40 }), async (inst, steps) => {
          const problem = facilityLocationProblem(inst);
          const truth = await restrictedOptima(problem);
          const relaxation = problem.lagrangian!();
          const stepper = new SubgradientStepper(relaxation, relaxation.initial());
          for (let k = 0; k < steps; k++) stepper.step(null);
          for (const u of [stepper.u, stepper.bestMultipliers]) {
            // Cutoff -Infinity: no bound can matter (the cover's LP bounds); the optimum: exact covers where they could reach it.
            for (const cutoff of [-Infinity, Math.min(...truth.open, ...truth.closed)]) {
              const b = relaxation.fixingBounds!(u, cutoff);
              // Forcing a bit only restricts the relaxed problem: never below L(u) itself.
              const plain = relaxation.solve(u).bound;
              for (let i = 0; i < inst.sites.length; i++) {
                expect(b.open[i]!).toBeGreaterThanOrEqual(plain - tol(plain));
                expect(b.closed[i]!).toBeGreaterThanOrEqual(plain - tol(plain));
                expect(b.open[i]!).toBeLessThanOrEqual(truth.open[i]! + tol(truth.open[i]!));
                expect(b.closed[i]!).toBeLessThanOrEqual(truth.closed[i]! + tol(truth.closed[i]!));
              }
            }
          }
        }),
        { numRuns: 15, seed: 17 },
      );
    });
  },
);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateFlInstance } from '../../../src/problems/facility-location/generator.js';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { greedySingleSource } from '../../../src/problems/facility-location/gap-heuristic.js';
import { SingleSourceAssigner } from '../../../src/problems/facility-location/single-source-assignment.js';
import { facilityLocationProblem, flCost, flViolations } from '../../../src/problems/facility-location/problem.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';

/** Tight single-source instances: capacity 1.1-1.3 x demand, 9-12 sites (above the hybrid's enumeration limit). */
const arbTight = fc
  .record({
    sites: fc.integer({ min: 9, max: 12 }),
    customers: fc.integer({ min: 20, max: 30 }),
    tightness: fc.double({ min: 1.1, max: 1.3, noNaN: true }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map((p) =>
    parseFlJson(generateFlInstance({ ...p, layout: 'uniform', clusters: 1, variant: 'sscflp' }), 'tight.json'),
  );

describe('single-source designs on tight instances', () => {
  it('the GAP heuristic and the assigner, when they find an assignment, violate no constraint', () => {
    fc.assert(
      fc.property(arbTight, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (inst, bits) => {
        const design = Uint8Array.from(inst.sites, (_, i) => (bits[i] ? 1 : 0));
        const a = greedySingleSource(inst, design);
        if (a) expect(flViolations(inst, design, a)).toEqual([]);
        // With every site open, capacity 1.1 x demand or more: it should nearly always fit.
        const all = greedySingleSource(inst, new Uint8Array(inst.sites.length).fill(1));
        if (all) expect(flViolations(inst, new Uint8Array(inst.sites.length).fill(1), all)).toEqual([]);
        // The assigner (regret greedy, then capacity-Lagrangian rounds with repair and descent):
        // feasible, its total the recomputed cost, and more rounds never worse.
        const assigner = new SingleSourceAssigner(inst);
        const quick = assigner.assign(design, 0);
        const deep = assigner.assign(design, 30);
        if (quick) expect(deep).not.toBeNull();
        if (deep) {
          expect(flViolations(inst, design, assigner.allocation(deep))).toEqual([]);
          expect(assigner.total(design, deep)).toBeCloseTo(flCost(inst, design, assigner.allocation(deep)).total, 6);
          if (quick) expect(assigner.total(design, deep)).toBeLessThanOrEqual(assigner.total(design, quick) + 1e-9);
        }
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('the hybrid finds a feasible design wherever the MILP finds one', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbTight, async (inst) => {
        const problem = facilityLocationProblem(inst);
        const milp = await solve(problem, { handle, timeLimit: 5 });
        fc.pre(milp.objective !== null);
        const hybrid = await solve(problem, { method: 'hybrid', seed: 1, handle, timeLimit: 3 });
        expect(hybrid.objective).not.toBeNull();
        expect(['feasible', 'optimal']).toContain(hybrid.status);
        // Never below the MILP's bound.
        if (milp.lowerBound !== null) expect(hybrid.objective!).toBeGreaterThanOrEqual(milp.lowerBound * (1 - 1e-6));
      }),
      { numRuns: 3, seed: 23 },
    );
  }, 300_000);
});

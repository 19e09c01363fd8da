import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom, type Design } from '../../../src/core/design.js';
import type { Problem } from '../../../src/core/problem.js';
import { closedFormFlows } from '../../../src/problems/jakarta-rln/closed-form.js';
import type { JakartaFlows } from '../../../src/problems/jakarta-rln/flows.js';
import { jakartaProblem } from '../../../src/problems/jakarta-rln/problem.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { arbJakarta } from './random-instance.js';

const close = (a: number, b: number, rel = 1e-7) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Every design with exactly one site per group (the only ones constraints (12)-(14) allow). */
function allDesigns(problem: Problem): Design[] {
  let partial: number[][] = [[]];
  for (const g of problem.space.groups) partial = partial.flatMap((open) => g.members.map((m) => [...open, m]));
  return partial.map((open) => designFrom(problem.space.size, open));
}

const asDesign = (bits: readonly number[]): Design => Uint8Array.from(bits);

describe('jakarta-rln on random small instances (real HiGHS)', () => {
  it('MILP optimum equals enumeration of all designs priced by the flow LP', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), async (inst) => {
        const problem = jakartaProblem(inst);
        const res = await solve(problem, { handle });
        let best = Infinity;
        for (const d of allDesigns(problem)) {
          const ev = await problem.evaluate(handle, d);
          expect(ev.feasible).toBe(true);
          best = Math.min(best, ev.cost);
        }
        expect(res.status).toBe('optimal');
        expect(close(res.objective!, best, 1e-6)).toBe(true);
      }),
      { numRuns: 20, seed: 11 },
    );
  });

  it('MILP solution: one site per group, mass balance on every arc, total = sum of the five parts', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), async (inst) => {
        const problem = jakartaProblem(inst);
        const res = await solve(problem, { handle });
        expect(res.status).toBe('optimal');
        const design = asDesign(res.design);
        for (const g of problem.space.groups) expect(g.members.filter((m) => design[m]).length).toBe(1);
        const flows = res.flows as JakartaFlows;
        expect(problem.violations(design, flows)).toEqual([]);
        const cost = problem.cost(design, flows);
        expect(Object.keys(cost.parts)).toEqual(['acquisition', 'fixed', 'processing', 'transport', 'carbonTax']);
        expect(close(Object.values(cost.parts).reduce((a, b) => a + b, 0), cost.total, 1e-12)).toBe(true);
        // The reported objective is the recomputed one; it matches the design's closed-form flows.
        expect(close(res.objective!, cost.total)).toBe(true);
        expect(close(problem.cost(design, closedFormFlows(inst, design)!).total, cost.total)).toBe(true);
        // Every dealer's packs arrive at its cluster's open CC; the cells it yields leave that CC.
        for (const f of flows.packs) expect(inst.ccs[f.cc]!.cluster).toBe(inst.dealers[f.dealer]!.cluster);
      }),
      { numRuns: 20, seed: 5 },
    );
  });

  it('the flow LP of a design equals the closed form (one feasible flow per design)', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), fc.nat(), async (inst, pick) => {
        const problem = jakartaProblem(inst);
        const designs = allDesigns(problem);
        const design = designs[pick % designs.length]!;
        const ev = await problem.evaluate(handle, design);
        const direct = closedFormFlows(inst, design)!;
        expect(problem.violations(design, direct)).toEqual([]);
        expect(close(ev.cost, problem.cost(design, direct).total)).toBe(true);
      }),
      { numRuns: 30, seed: 9 },
    );
  });

  it('a design breaking (12)-(14) is infeasible without a solve, with the group named', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), async (inst) => {
        const problem = jakartaProblem(inst);
        const none = new Uint8Array(problem.space.size);
        const ev = await problem.evaluate(handle, none);
        expect(ev.feasible).toBe(false);
        expect(ev.reason).toMatch(/CC of cluster 1: 0 open, exactly one required/);
        expect(problem.quickInfeasibility(none)).toBe(ev.reason);
      }),
      { numRuns: 5, seed: 2 },
    );
  });
});

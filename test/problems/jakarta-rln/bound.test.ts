import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designKey } from '../../../src/core/design.js';
import { DEFAULT_SEED_PAIRS, jakartaDecomposition } from '../../../src/problems/jakarta-rln/bound.js';
import { closedFormFlows } from '../../../src/problems/jakarta-rln/closed-form.js';
import { jakartaCost } from '../../../src/problems/jakarta-rln/cost.js';
import { formatInstanceJson } from '../../../src/problems/jakarta-rln/generate-instance.js';
import { parseJakartaJson } from '../../../src/problems/jakarta-rln/json-reader.js';
import { jakartaProblem } from '../../../src/problems/jakarta-rln/problem.js';
import { generateJakartaScale } from '../../../src/problems/jakarta-rln/scale-generator.js';
import { solve } from '../../../src/solve.js';
import { enumerateDesigns } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { arbJakarta } from './random-instance.js';

const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

describe('jakarta-rln decomposition bound (Problem.bound)', () => {
  it('equals the MILP optimum and the best of all designs; its designs price to their pair optima', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), async (inst) => {
        const problem = jakartaProblem(inst);
        const out = await problem.bound!(handle, Infinity);
        expect(out).not.toBeNull();
        const { lowerBound, designs } = out!;
        const milp = await solve(problem, { handle });
        expect(milp.status).toBe('optimal');
        expect(relDiff(lowerBound, milp.objective!)).toBeLessThanOrEqual(1e-9);
        // Independent of HiGHS: every design priced by the closed form; none beats the bound.
        let best = Infinity;
        for (const d of enumerateDesigns(problem.space)) {
          const flows = closedFormFlows(inst, d);
          if (flows) best = Math.min(best, jakartaCost(inst, d, flows).total);
        }
        expect(relDiff(lowerBound, best)).toBeLessThanOrEqual(1e-12);
        // The first design is optimal: priced by the flow LP and by the closed form it costs the bound.
        const ev = await problem.evaluate(handle, designs[0]!);
        expect(relDiff(ev.cost, lowerBound)).toBeLessThanOrEqual(1e-9);
        expect(relDiff(problem.cost(designs[0]!, closedFormFlows(inst, designs[0]!)!).total, lowerBound)).toBeLessThanOrEqual(1e-12);
        // Every seed is a valid design (one site per group), all distinct, each the cheapest of its pair.
        const dec = jakartaDecomposition(inst)!;
        expect(new Set(designs.map(designKey)).size).toBe(designs.length);
        designs.forEach((d, n) => {
          expect(problem.quickInfeasibility(d)).toBeNull();
          expect(relDiff(problem.cost(d, closedFormFlows(inst, d)!).total, dec.pairs[n]!.cost)).toBeLessThanOrEqual(1e-12);
        });
        expect(dec.pairs).toHaveLength(inst.rmcs.length * inst.wdcs.length);
      }),
      { numRuns: 25, seed: 17 },
    );
  });

  it('returns null once the deadline has passed, rather than an unproven bound', async () => {
    const inst = parseJakartaJson(JSON.parse(readFileSync(`${ROOT}instances/jakarta-rln/jakarta.json`, 'utf8')), 'jakarta.json');
    expect(await jakartaProblem(inst).bound!(await testHandle(), performance.now() - 1)).toBeNull();
  });

  it('jakarta.json: the hybrid certifies the MILP optimum (gap 0)', async () => {
    const handle = await testHandle();
    const inst = parseJakartaJson(JSON.parse(readFileSync(`${ROOT}instances/jakarta-rln/jakarta.json`, 'utf8')), 'jakarta.json');
    const problem = jakartaProblem(inst);
    const milp = await solve(problem, { handle });
    const hybrid = await solve(problem, { method: 'hybrid', seed: 1, handle, timeLimit: 60 });
    expect(milp.status).toBe('optimal');
    expect(hybrid.status).toBe('optimal');
    // Gap 0 to round-off: the bound and the LP-priced objective may differ in the last bit.
    expect(hybrid.gap).toBeLessThanOrEqual(1e-12);
    expect(hybrid.solver.options.bound).toBe('problem');
    expect(hybrid.open).toEqual(milp.open);
    expect(relDiff(hybrid.objective!, milp.objective!)).toBeLessThanOrEqual(1e-9);
  });

  it('a generated 2,000-dealer network: hybrid optimal with gap 0 in a few seconds', async () => {
    const handle = await testHandle();
    const params = { dealers: 2000, clusters: 20, ccPerCluster: 4, rmc: 10, wdc: 5, layout: 'clustered' as const, seed: 3 };
    const inst = parseJakartaJson(JSON.parse(formatInstanceJson(generateJakartaScale(params))), 'gen-2000.json');
    const t0 = performance.now();
    const hybrid = await solve(jakartaProblem(inst), { method: 'hybrid', seed: 1, handle, timeLimit: 60 });
    const seconds = (performance.now() - t0) / 1000;
    expect(hybrid.status).toBe('optimal');
    expect(hybrid.gap).toBeLessThanOrEqual(1e-12);
    expect(hybrid.solver.options.evaluations).toBeLessThanOrEqual(DEFAULT_SEED_PAIRS);
    expect(relDiff(hybrid.objective!, jakartaDecomposition(inst)!.lowerBound)).toBeLessThanOrEqual(1e-9);
    expect(seconds).toBeLessThan(15);
  });
});

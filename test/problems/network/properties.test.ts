import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveModel } from '../../../src/exact/solve-model.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { buildNetworkModel } from '../../../src/problems/network/model.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { parseNetworkDocument } from '../../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../../src/problems/network/schema.js';
import { parseStopping } from '../../../src/core/stopping.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { arbNetwork } from './random-network.js';

const close = (a: number, b: number, rel = 1e-6): boolean =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const compile = (doc: NetworkDocumentInput) => compileNetwork(parseNetworkDocument(doc, 'random.json'), 'random.json');

/** Every design of the space, priced by the flow model: the best cost, or Infinity. */
async function enumerate(doc: NetworkDocumentInput): Promise<number> {
  const handle = await testHandle();
  const problem = networkProblem(compile(doc));
  let best = Infinity;
  for (let mask = 0; mask < 2 ** problem.space.size; mask++) {
    const d = Uint8Array.from({ length: problem.space.size }, (_, i) => (mask >> i) & 1);
    const ev = await problem.evaluate(handle, d);
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

describe('network model on random small networks (real HiGHS)', () => {
  it('MILP optimum equals enumeration of every design priced by the flow model', async () => {
    const handle = await testHandle();
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(arbNetwork(), async (doc) => {
        const res = await solve(networkProblem(compile(doc)), { handle });
        const best = await enumerate(doc);
        if (best === Infinity) expect(res.status).toBe('infeasible');
        else {
          feasible++;
          expect(res.status).toBe('optimal');
          expect(close(res.objective!, best)).toBe(true);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
    expect(feasible).toBeGreaterThan(15);
  });

  it("the solver's objective equals the cost recomputed from the decoded flows, which break no constraint", async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbNetwork(), async (doc) => {
        const inst = compile(doc);
        const problem = networkProblem(inst);
        const f = buildNetworkModel(inst);
        const sol = await solveModel(handle, f.model);
        if (sol.status !== 'optimal') return;
        const { design, flows } = f.decode(sol.values!);
        // HiGHS's objective comes from the builder's coefficients; the cost from the instance data.
        expect(close(sol.objective!, problem.cost(design, flows).total)).toBe(true);
        expect(problem.violations(design, flows)).toEqual([]);
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it('scaling every cost and price by c scales the optimum by c', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbNetwork(), fc.constantFrom(0.5, 3), async (doc, c) => {
        const scaled = JSON.parse(JSON.stringify(doc)) as NetworkDocumentInput;
        const mul = (v: unknown): unknown =>
          typeof v === 'number'
            ? v * c
            : Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, (x as number) * c]));
        for (const n of scaled.nodes) {
          for (const key of ['fixedCost', 'supplyCost', 'handlingCost', 'price'] as const)
            if (n[key] !== undefined) (n as Record<string, unknown>)[key] = mul(n[key]);
          n.options?.forEach((o) => (o.fixedCost = (o.fixedCost as number) * c));
          const inv = n.inventory;
          if (inv?.holdingCost !== undefined) inv.holdingCost = mul(inv.holdingCost) as typeof inv.holdingCost;
        }
        for (const a of scaled.arcs ?? []) a.unitCost = mul(a.unitCost) as typeof a.unitCost;
        const base = await solve(networkProblem(compile(doc)), { handle });
        const res = await solve(networkProblem(compile(scaled)), { handle });
        expect(res.status).toBe(base.status);
        if (base.status === 'optimal') expect(close(res.objective!, c * base.objective!)).toBe(true);
      }),
      { numRuns: 20, seed: 9 },
    );
  });

  it('heuristics are never below the optimum, and bounds never above it', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbNetwork(), async (doc) => {
        const problem = networkProblem(compile(doc));
        const opt = await solve(problem, { handle });
        if (opt.status !== 'optimal') return;
        // hybrid without enumeration runs its bound phases (LP, Benders, MILP) on every network.
        for (const [method, params] of [
          ['ga', {}],
          ['hybrid', {}],
          ['hybrid', { enumerateLimit: 0 }],
        ] as const) {
          const res = await solve(problem, {
            handle,
            method,
            params,
            seed: 1,
            stop: parseStopping('iters=30'),
            timeLimit: 20,
          });
          if (res.objective !== null)
            expect(res.objective).toBeGreaterThanOrEqual(opt.objective! - 1e-6 * Math.max(1, Math.abs(opt.objective!)));
          if (res.lowerBound !== null)
            expect(res.lowerBound).toBeLessThanOrEqual(opt.objective! + 1e-6 * Math.max(1, Math.abs(opt.objective!)));
          expect(problem.violations(Uint8Array.from(res.design), res.flows as NetworkFlows)).toEqual([]);
        }
      }),
      { numRuns: 12, seed: 10 },
    );
  });
});

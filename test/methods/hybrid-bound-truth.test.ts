import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom, groupViolation } from '../../src/core/design.js';
import { designInfeasibility } from '../../src/core/problem.js';
import { compileNetwork } from '../../src/problems/network/compile.js';
import type { NetworkInstance } from '../../src/problems/network/instance.js';
import { objectiveNetworkProblem, type ObjectiveOptions } from '../../src/problems/network/objectives.js';
import { parseNetworkDocument } from '../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../src/problems/network/schema.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbNetwork } from '../problems/network/random-network.js';

/** The random networks of the network tests with emission factors (as in test/pareto/random-fronts.test.ts). */
const arbEmissionNetwork = (): fc.Arbitrary<NetworkDocumentInput> =>
  fc
    .tuple(arbNetwork(), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }))
    .map(([doc, kg]) => {
      let i = 0;
      const next = (): number => kg[i++ % kg.length]!;
      return {
        ...doc,
        arcs: doc.arcs!.map((a) => {
          const c = typeof a.unitCost === 'number' ? a.unitCost : (Object.values(a.unitCost ?? {})[0] ?? 0);
          return { ...a, emission: Math.round((31 - (typeof c === 'number' ? c : 0)) / 3) };
        }),
        nodes: doc.nodes!.map((n) => (n.echelon === 'mid' ? { ...n, emission: next() } : n)),
      };
    });

const compile = (doc: NetworkDocumentInput): NetworkInstance =>
  compileNetwork(parseNetworkDocument(doc, 'random.json'), 'random.json');
const tol = (v: number): number => 1e-5 * Math.max(1, Math.abs(v));

describe('hybrid bound on small random networks (real HiGHS, brute force)', () => {
  it('never exceeds the brute-force optimum nor its own objective, with and without tax and caps', async () => {
    const handle = await testHandle();
    let bounded = 0;
    await fc.assert(
      fc.asyncProperty(
        arbEmissionNetwork(),
        fc.constantFrom(0, 0.3, 2),
        fc.constantFrom<'none' | 'emissionCap' | 'costCap'>('none', 'emissionCap', 'costCap'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom<number | undefined>(undefined, 0.005, 0.03),
        async (doc, tax, cap, share, timeLimit) => {
          const inst = compile(doc);
          const plain = objectiveNetworkProblem(inst, { carbonTax: tax });
          const n = plain.space.size;
          let best = Infinity;
          let worst = -Infinity;
          for (let mask = 0; mask < 2 ** n; mask++) {
            const d = designFrom(
              n,
              [...Array(n).keys()].filter((i) => (mask >> i) & 1),
            );
            if (groupViolation(plain.space, d) || designInfeasibility(plain, d)) continue;
            const ev = await plain.evaluate(handle, d);
            if (ev.feasible) [best, worst] = [Math.min(best, ev.cost), Math.max(worst, ev.cost)];
          }
          if (best === Infinity) return;
          const opts: ObjectiveOptions =
            cap === 'none'
              ? { carbonTax: tax }
              : cap === 'costCap'
                ? { carbonTax: tax, costCap: best + share * (worst - best) }
                : { carbonTax: tax, emissionCap: 1e9 };
          const p = objectiveNetworkProblem(inst, opts);
          let truth = Infinity;
          for (let mask = 0; mask < 2 ** n; mask++) {
            const d = designFrom(
              n,
              [...Array(n).keys()].filter((i) => (mask >> i) & 1),
            );
            if (groupViolation(p.space, d) || designInfeasibility(p, d)) continue;
            const ev = await p.evaluate(handle, d);
            if (ev.feasible) truth = Math.min(truth, ev.cost);
          }
          const r = await solve(p, {
            method: 'hybrid',
            handle,
            seed: 1,
            ...(timeLimit !== undefined ? { timeLimit } : {}),
          });
          // The bound as the hybrid claimed it: solve drops one above the objective (a second guard).
          const ctx = `limit ${timeLimit} tax ${tax} ${cap} truth ${truth} objective ${r.objective} bound ${r.claimedBound} (${String(r.solver.options['bound'])}) ${r.status}`;
          expect(r.claimMismatch, ctx).toBe(false);
          if (r.status === 'optimal') expect(Math.abs(r.objective! - truth), ctx).toBeLessThanOrEqual(tol(truth));
          if (r.claimedBound === null) return;
          bounded++;
          expect(r.claimedBound, ctx).toBeLessThanOrEqual(truth + tol(truth));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    expect(bounded).toBeGreaterThan(50);
  }, 600_000);
});

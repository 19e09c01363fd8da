import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNetworkDocument } from '../../../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../../../src/problems/network/schema.js';
import { compileStochastic } from '../../../../src/problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../../../../src/problems/network/stochastic/problem.js';
import { testHandle } from '../../../helpers/fixtures.js';
import { arbStochasticNetwork } from './random-stochastic.js';
import { designInfeasibility } from '../../../../src/core/problem.js';

const problemOf = (doc: NetworkDocumentInput) =>
  stochasticNetworkProblem(compileStochastic(parseNetworkDocument(doc, 'random.json'), 'random.json'));
const tol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));

describe('two-stage network decomposition: the cuts (real HiGHS)', () => {
  it('every cut at a design is below the second-stage cost of every design, tight where the flows are an LP; feasibility cuts cut off only unservable designs', async () => {
    const handle = await testHandle();
    let tight = 0;
    let feasibilityCuts = 0;
    await fc.assert(
      fc.asyncProperty(arbStochasticNetwork(), async (doc) => {
        const problem = problemOf(doc);
        const dec = problem.twoStage!();
        const n = problem.space.size;
        const designs = Array.from({ length: 2 ** n }, (_, mask) =>
          Uint8Array.from({ length: n }, (_, i) => (mask >> i) & 1),
        ).filter((d) => !designInfeasibility(problem, d));
        // Second-stage cost of each design and scenario, from the flow models (Infinity: cannot serve it).
        const q = new Map<Uint8Array, number[]>();
        for (const d of designs) {
          const fixed = d.reduce((t, b, i) => t + b * dec.firstStageCost[i]!, 0);
          const ev = await problem.evaluate(handle, d);
          // An infeasible design prices no scenario: count each scenario it cannot serve alone.
          q.set(
            d,
            ev.feasible
              ? problem.scenarioOutcomes!(d, ev.flows!).map((o) => o.cost - fixed)
              : await perScenario(d, fixed),
          );
        }
        async function perScenario(d: Uint8Array, fixed: number): Promise<number[]> {
          const out: number[] = [];
          for (const s of dec.scenarios) {
            const alone = problemOf({
              ...doc,
              scenarios: [{ ...doc.scenarios!.find((x) => x.id === s.id)!, probability: 1 }],
            });
            const ev = await alone.evaluate(handle, d);
            out.push(ev.feasible ? ev.cost - fixed : Infinity);
          }
          return out;
        }
        const mip = doc.nodes!.some((x) => x.singleSource);
        for (let s = 0; s < dec.scenarios.length; s++) {
          const low = await dec.lowerCut(handle, s).catch(() => null);
          if (low === null) {
            // No design serves this scenario, even in the LP relaxation.
            for (const d of designs) expect(q.get(d)![s]).toBe(Infinity);
            continue;
          }
          for (const at of designs) {
            const cut = await dec.cut(handle, s, Float64Array.from(at));
            const here = q.get(at)![s]!;
            if (!cut.feasible) feasibilityCuts++;
            for (const d of designs) {
              const real = q.get(d)![s]!;
              const lin = (c: typeof cut): number =>
                c.value + c.slope.reduce((t, g, i) => t + g * (d[i]! - c.at[i]!), 0);
              if (real < Infinity) {
                expect(lin(low)).toBeLessThanOrEqual(real + tol(real));
                if (cut.feasible) expect(lin(cut)).toBeLessThanOrEqual(real + tol(real));
                else expect(lin(cut)).toBeLessThanOrEqual(tol(cut.value));
              }
            }
            if (!cut.feasible) expect(here).toBe(Infinity);
            else if (!mip && here < Infinity) {
              expect(Math.abs(cut.value - here)).toBeLessThanOrEqual(tol(here));
              tight++;
            }
          }
        }
      }),
      { numRuns: 25, seed: 181 },
    );
    expect(tight).toBeGreaterThan(50);
    expect(feasibilityCuts).toBeGreaterThan(0);
  }, 240_000);
});

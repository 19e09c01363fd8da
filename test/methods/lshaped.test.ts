import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designInfeasibility, type Problem } from '../../src/core/problem.js';
import { networkProblem } from '../../src/problems/network/problem.js';
import { networkFromData, parseNetworkDocument } from '../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../src/problems/network/schema.js';
import { compileStochastic } from '../../src/problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../../src/problems/network/stochastic/problem.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbStochasticNetwork } from '../problems/network/stochastic/random-stochastic.js';

const close = (a: number, b: number, rel = 1e-6): boolean =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const problemOf = (doc: NetworkDocumentInput): Problem =>
  stochasticNetworkProblem(compileStochastic(parseNetworkDocument(doc, 'random.json'), 'random.json')) as Problem;

/** Every design priced by its expected cost over the scenarios: the best, or Infinity. */
async function enumerate(problem: Problem): Promise<number> {
  const handle = await testHandle();
  let best = Infinity;
  for (let mask = 0; mask < 2 ** problem.space.size; mask++) {
    const d = Uint8Array.from({ length: problem.space.size }, (_, i) => (mask >> i) & 1);
    if (designInfeasibility(problem, d)) continue;
    const ev = await problem.evaluate(handle, d);
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

describe('L-shaped decomposition on random two-stage networks (real HiGHS)', () => {
  it('rejects unknown or mistyped parameters and deterministic problems', async () => {
    const handle = await testHandle();
    const doc = fc.sample(arbStochasticNetwork(), { numRuns: 1, seed: 3 })[0]!;
    const problem = problemOf(doc);
    await expect(solve(problem, { handle, method: 'lshaped', params: { cutz: 'single' } })).rejects.toThrow(/cutz/);
    await expect(solve(problem, { handle, method: 'lshaped', params: { cuts: 'double' } })).rejects.toThrow(/cuts/);
    const { scenarios: _s, recourse: _r, ...nominal } = doc;
    const r = await solve(networkProblem(networkFromData(nominal, 'x.json')), { handle, method: 'lshaped' });
    expect(r.status).toBe('error');
    expect(r.message).toMatch(/not a two-stage problem/);
  });

  it('extensive form = L-shaped multi-cut (LP phase) = single-cut (no LP phase) = enumeration of designs by expected cost', async () => {
    const handle = await testHandle();
    let feasible = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(arbStochasticNetwork(), async (doc) => {
        const problem = problemOf(doc);
        const best = await enumerate(problem);
        const runs = [
          await solve(problem, { handle, method: 'milp' }),
          await solve(problem, { handle, method: 'lshaped' }),
          await solve(problem, { handle, method: 'lshaped', params: { cuts: 'single', lpRounds: 0 } }),
        ];
        for (const r of runs) {
          if (best === Infinity) expect(r.status, r.method).toBe('infeasible');
          else {
            expect(r.status, `${r.method} ${r.message ?? ''}`).toBe('optimal');
            expect(close(r.objective!, best), `${r.method}: ${r.objective} vs ${best}`).toBe(true);
            expect(r.lowerBound! <= r.objective! + 1e-6 * Math.max(1, Math.abs(r.objective!))).toBe(true);
            expect(close(r.lowerBound!, best), `${r.method} bound ${r.lowerBound} vs ${best}`).toBe(true);
          }
        }
        if (best === Infinity) infeasible++;
        else feasible++;
      }),
      { numRuns: 30, seed: 18 },
    );
    expect(feasible).toBeGreaterThan(12);
    expect(infeasible).toBeGreaterThan(0);
  }, 240_000);
});

import { describe, expect, it } from 'vitest';
import { loadProblem } from '../../src/problems/load-problem.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';

const FILE = new URL('../../instances/network/two-stage-tiny.json', import.meta.url).pathname;

/** The bundled two-stage example solves to its hand-computed optimum (134, open P2) with all three methods. */
describe('instances/network/two-stage-tiny.json', () => {
  for (const method of ['milp', 'lshaped', 'hybrid']) {
    it(`${method}: expected cost 134 certified, per-scenario costs 72 / 196, 6 units unmet when high`, async () => {
      const r = await solve(await loadProblem(FILE), { method, seed: 1, handle: await testHandle() });
      expect(r.status).toBe('optimal');
      expect(r.objective).toBeCloseTo(134, 9);
      expect(r.lowerBound).toBeCloseTo(134, 6);
      expect(r.open).toEqual(['P2']);
      expect(r.scenarios?.map((s) => [s.id, s.cost, s.unmetDemand])).toEqual([
        ['low', 72, 0],
        ['high', 196, 6],
      ]);
    });
  }
});

/** A flow model stopped by its time limit proves nothing: the evaluation says so instead of calling the design infeasible. */
describe('a stopped scenario flow model', () => {
  it('is reported unpriced (inexact), not as a verdict of infeasibility', async () => {
    const problem = await loadProblem(FILE);
    const handle = await testHandle();
    const both = new Uint8Array(problem.space.size).fill(1);
    const stopped = await problem.evaluate(handle, both, { timeLimit: 1e-9, fresh: true });
    expect(stopped.feasible).toBe(false);
    expect(stopped.reason).toMatch(/^scenario low: flow model ended time_limit$/);
    expect(stopped.inexact).toBe(stopped.reason);
    const priced = await problem.evaluate(handle, both, { fresh: true });
    expect(priced.feasible).toBe(true);
    expect(priced.inexact).toBeUndefined();
  });
});

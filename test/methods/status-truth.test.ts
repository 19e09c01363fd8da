import { describe, expect, it } from 'vitest';
import { problemFromText } from '../../src/problems/load-problem.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';

/** 2 sites of capacity 100; single sourcing; 3 customers of demand `d` (matrix costs per unit). */
function singleSource(d: number) {
  const doc = {
    problem: 'facility-location',
    variant: 'sscflp',
    sites: [
      { id: 'A', capacity: 100, fixedCost: 10 },
      { id: 'B', capacity: 100, fixedCost: 10 },
    ],
    customers: [
      { id: 'c1', demand: d },
      { id: 'c2', demand: d },
      { id: 'c3', demand: d },
    ],
    cost: { matrix: { A: [1, 2, 3], B: [3, 2, 1] } },
  };
  return problemFromText(JSON.stringify(doc), `ss-${d}.json`);
}

describe('statuses tell the truth', () => {
  // Total capacity 200 >= demand 180, so no aggregate check catches it: two customers of 60 fit in no site.
  it.each(['milp', 'lagrangian', 'ga', 'hybrid'])(
    '%s reports infeasible, proven, on an infeasible single-source instance',
    async (method) => {
      const r = await solve(singleSource(60), { method, handle: await testHandle(), timeLimit: 30 });
      expect(r.status).toBe('infeasible');
      expect(r.objective).toBeNull();
      expect(r.runtimeSeconds).toBeLessThan(30);
    },
  );

  // Demand 50: c1+c2 at A (cost 50*1 + 50*2), c3 at B (50*1), fixed 20 -> 20 + 50 + 100 + 50 = 220.
  it.each(['milp', 'lagrangian', 'ga', 'hybrid'])(
    '%s solves the feasible twin to 220 (not infeasible)',
    async (method) => {
      const r = await solve(singleSource(50), { method, handle: await testHandle(), timeLimit: 30 });
      expect(r.status === 'optimal' || r.status === 'feasible').toBe(true);
      expect(r.objective).toBeCloseTo(220, 9);
    },
  );

  it('an unlimited heuristic that stops by its own rule is never reported as time_limit', async () => {
    const r = await solve(singleSource(60), {
      method: 'ga',
      handle: await testHandle(),
      params: { maxGenerations: 1 },
    });
    expect(r.status).not.toBe('time_limit');
  });
});

import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solve.js';
import { ORLIB_OPTIMA, SMALL_ORLIB, testHandle } from '../helpers/fixtures.js';
import { orlibProblem } from '../helpers/load.js';

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('heuristics reach the published CFLP optimum on small OR-Library files', () => {
  // Hybrid: one file per capacity class (5000, 15000, uncapacitated) and size (16, 25, 50 sites).
  it.each(['cap41', 'cap63', 'cap74', 'cap84', 'cap92', 'cap104', 'cap113', 'cap124', 'cap133'])(
    'hybrid on %s',
    async (name) => {
      const res = await solve(orlibProblem(name), {
        method: 'hybrid',
        seed: 1,
        handle: await testHandle(),
        timeLimit: 30,
      });
      expect(rel(res.objective!, ORLIB_OPTIMA[name]!.capacitated_opt!)).toBeLessThan(1e-6);
      expect(res.lowerBound!).toBeLessThanOrEqual(res.objective! * (1 + 1e-9));
      expect(res.gap!).toBeLessThan(0.005);
    },
  );

  // Every method that can bound itself: a claimed optimum must be the published one, and the bound below it.
  describe.each(['hybrid', 'lagrangian'])('%s claims optimal only at the published optimum', (method) => {
    it.each(SMALL_ORLIB)('%s', async (name) => {
      const opt = ORLIB_OPTIMA[name]!.capacitated_opt!;
      const res = await solve(orlibProblem(name), { method, seed: 1, handle: await testHandle(), timeLimit: 10 });
      expect(res.lowerBound!).toBeLessThanOrEqual(opt * (1 + 1e-6));
      if (res.status === 'optimal') expect(rel(res.objective!, opt)).toBeLessThan(1e-6);
    });
  });

  // GA alone, no bound: files where its default budget suffices (on cap101 and cap111 seed 1 stops 0.1% above).
  it.each(['cap64', 'cap71', 'cap94', 'cap104', 'cap124'])('ga on %s', async (name) => {
    const res = await solve(orlibProblem(name), { method: 'ga', seed: 1, handle: await testHandle(), timeLimit: 30 });
    expect(rel(res.objective!, ORLIB_OPTIMA[name]!.capacitated_opt!)).toBeLessThan(1e-6);
    expect(res.lowerBound).toBeNull();
  });

  it('lagrangian bound is within 1% of the optimum on cap41 and closes cap71 (uncapacitated)', async () => {
    const a = await solve(orlibProblem('cap41'), {
      method: 'lagrangian',
      seed: 1,
      handle: await testHandle(),
      timeLimit: 20,
    });
    expect(rel(a.lowerBound!, ORLIB_OPTIMA.cap41!.capacitated_opt!)).toBeLessThan(0.01);
    const b = await solve(orlibProblem('cap71', { variant: 'uflp' }), {
      method: 'lagrangian',
      seed: 1,
      handle: await testHandle(),
      timeLimit: 20,
    });
    expect(b.status).toBe('optimal');
    expect(b.gap!).toBeLessThan(1e-9);
  });

  it('hybrid rejects a VNS parameter that is not a positive integer before doing any work', async () => {
    const run = solve(orlibProblem('cap41'), {
      method: 'hybrid',
      seed: 1,
      handle: await testHandle(),
      timeLimit: 30,
      params: { kMax: 0 },
    });
    // Checked by solve against the hybrid's declared parameters (src/methods/parameters.ts).
    await expect(run).rejects.toThrow('method hybrid: params.kMax: a number >= 1, got 0');
  });
});

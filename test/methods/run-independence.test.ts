import { describe, expect, it } from 'vitest';
import { HighsHandle } from '../../src/exact/highs-handle.js';
import { loadProblem } from '../../src/problems/load-problem.js';
import { solve } from '../../src/solve.js';
import { orlibPath } from '../helpers/fixtures.js';

/**
 * A run must not depend on what its thread priced before: an experiment worker keeps the
 * instance (and so its warm pricing LP) across runs, and a warm LP returns equal-cost alternative
 * optima whose float sums differ in the last bits — enough to move a Lagrangian bound.
 */
describe('runs do not depend on what the thread priced before', () => {
  it('lagrangian seed 2 gives the same result on a fresh handle and after another run on the same instance', async () => {
    const problem = await loadProblem(orlibPath('cap41'));
    const opts = { method: 'lagrangian', params: { maxIterations: 60 } } as const;
    const alone = await solve(problem, { ...opts, seed: 2, handle: await HighsHandle.load() });
    const handle = await HighsHandle.load();
    await solve(problem, { ...opts, seed: 1, handle }); // before sessions were reset, this moved seed 2's bound in the 16th digit
    const after = await solve(problem, { ...opts, seed: 2, handle });
    expect(after.lowerBound).toBe(alone.lowerBound);
    expect(after.objective).toBe(alone.objective);
    expect(after.open).toEqual(alone.open);
  });
});

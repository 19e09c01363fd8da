import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The pool runs compiled workers from dist/ (npm test builds first), as the CLI does.
import { PoolRunner } from '../../dist/parallel/pool-runner.js';
import { loadProblem } from '../../src/problems/load-problem.js';
import { stochasticFacilityLocation } from '../../src/problems/network/stochastic/generate.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';

describe('lshaped with the worker pool', () => {
  // 20 scenarios: three warm-started chunks (8, 8, 4), spread over the two workers in any order.
  it('gives the same design, bound, iterations and cuts with 1 and 2 threads, equal to the extensive form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-lshaped-'));
    const file = join(dir, 'fl.json');
    const text = JSON.stringify(
      stochasticFacilityLocation({ sites: 6, customers: 15, scenarios: 20, seed: 3, penalty: 150 }),
    );
    writeFileSync(file, text);
    const problem = await loadProblem(file);
    const handle = await testHandle();
    const one = await solve(problem, { method: 'lshaped', handle });
    const pool = new PoolRunner({ file, text, options: {} }, 2);
    const two = await solve(problem, { method: 'lshaped', handle, runner: pool }).finally(() => pool.close());
    const milp = await solve(problem, { method: 'milp', handle });
    expect(one.solver.options.threads).toBe(1);
    expect(two.solver.options.threads).toBe(2);
    expect(one.status).toBe('optimal');
    // Optimal means certified: the bound meets the objective.
    expect(one.gap!).toBeLessThanOrEqual(1e-9);
    expect(two.design).toEqual(one.design);
    expect(two.objective).toBe(one.objective);
    expect(two.lowerBound).toBe(one.lowerBound);
    // Same iterates: every row of the statistics but the clock.
    const strip = (r: typeof one) => r.stats.map(({ timeSeconds: _t, ...rest }) => rest);
    expect(strip(two)).toEqual(strip(one));
    expect(one.stats.length).toBeGreaterThan(2);
    expect(milp.status).toBe('optimal');
    expect(Math.abs(one.objective! - milp.objective!)).toBeLessThanOrEqual(1e-6 * milp.objective!);
    expect(one.scenarios?.map((s) => s.id)).toEqual(Array.from({ length: 20 }, (_, s) => `s${s + 1}`));
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
// The pool runs compiled workers from dist/ (npm test builds first), as the CLI does.
import { PoolRunner } from '../../dist/parallel/pool-runner.js';
import { orlibPath, testHandle } from '../helpers/fixtures.js';
import { orlibProblem } from '../helpers/load.js';

describe('PoolRunner', () => {
  it('prices a batch in input order, equal to pricing in this thread', async () => {
    const file = orlibPath('cap61');
    const pool = new PoolRunner({ file, text: readFileSync(file, 'utf8'), options: {} }, 2);
    try {
      const problem = orlibProblem('cap61');
      const designs = [
        designFrom(16, [0, 1, 2, 3, 4]),
        designFrom(16, [5, 6, 7, 8]),
        designFrom(16, [0]),
        designFrom(16, [9, 10, 11, 12, 13, 14, 15]),
      ];
      const pooled = await pool.evaluateAll(designs);
      const handle = await testHandle();
      for (const [k, d] of designs.entries()) {
        const local = await problem.evaluate(handle, d);
        expect(pooled[k]!.feasible).toBe(local.feasible);
        if (local.feasible) expect(pooled[k]!.cost).toBeCloseTo(local.cost, 6);
        else expect(pooled[k]!.reason).toBe(local.reason);
      }
    } finally {
      await pool.close();
    }
  });

  it('abandons what is still being priced after abortAfter: those designs come back unpriced, the pool goes on', async () => {
    const file = orlibPath('cap134');
    const pool = new PoolRunner({ file, text: readFileSync(file, 'utf8'), options: {} }, 2);
    try {
      const designs = Array.from({ length: 40 }, (_, k) => designFrom(50, [k % 50, (k + 7) % 50, (k + 19) % 50]));
      // Workers are still loading HiGHS and the instance after 10 ms: nothing can be priced by then.
      const t0 = performance.now();
      const cut = await pool.evaluateAll(designs, { abortAfter: 0.01 });
      expect((performance.now() - t0) / 1000).toBeLessThan(2);
      expect(cut.map((e) => e.reason)).toEqual(designs.map(() => 'not priced: the time limit was reached'));
      // Fresh workers replace the abandoned ones: the next batch is priced in full.
      const full = await pool.evaluateAll(designs.slice(0, 4));
      expect(full.every((e) => e.reason !== 'not priced: the time limit was reached')).toBe(true);
      expect(full.some((e) => e.feasible)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('retries a failed task once, then reports it instead of dropping it', async () => {
    const pool = new PoolRunner({ file: 'broken.txt', text: '2 2\n10 oops\n', options: {} }, 1);
    try {
      await expect(pool.evaluateAll([designFrom(2, [0]), designFrom(2, [1])])).rejects.toThrow(
        /design evaluation failed twice .*broken.txt/,
      );
    } finally {
      await pool.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { expr, LinearModelBuilder, maxViolation, objectiveAt } from '../../src/exact/linear-model.js';
import { toLpText } from '../../src/exact/lp-format.js';
import { solveModel, withCutoff, type ModelSolution } from '../../src/exact/solve-model.js';
import { HighsHandle } from '../../src/exact/highs-handle.js';
import { testHandle } from '../helpers/fixtures.js';

/** The highs-js README example: max 30c + 50t, c + 2t <= 40, 2c + t <= 50, integer -> 1100 at (20, 10). */
function workshop(integer: boolean) {
  const b = new LinearModelBuilder('workshop', 'max');
  const c = b.addVar('chairs', { type: integer ? 'integer' : 'continuous', cost: 30 });
  const t = b.addVar('tables', { type: integer ? 'integer' : 'continuous', cost: 50 });
  b.addLe('carpentry', expr([c, t], [1, 2]), 40);
  b.addLe('finishing', expr([c, t], [2, 1]), 50);
  return b.build();
}

/** The workshop as a minimisation (min -30c - 50t): optimum -1100 at (20, 10). */
function workshopMin() {
  const b = new LinearModelBuilder('workshop-min');
  const c = b.addVar('chairs', { type: 'integer', cost: -30 });
  const t = b.addVar('tables', { type: 'integer', cost: -50 });
  b.addLe('carpentry', expr([c, t], [1, 2]), 40);
  b.addLe('finishing', expr([c, t], [2, 1]), 50);
  return b.build();
}

describe('solveModel with a cutoff', () => {
  it('finds and proves an optimum below the cutoff, from a MIP start too', async () => {
    const h = await testHandle();
    for (const start of [undefined, { columns: [0, 1], values: [20, 10] }, { columns: [0], values: [99] }]) {
      const sol = await solveModel(h, workshopMin(), { cutoff: -1000, ...(start ? { start } : {}) });
      expect(sol.status).toBe('optimal');
      expect(sol.objective).toBeCloseTo(-1100, 6);
      expect(sol.dualBound!).toBeLessThanOrEqual(-1000);
      expect(sol.noneBelowCutoff).toBeUndefined();
    }
  });

  it('answers "nothing below the cutoff", never "infeasible", when the cutoff is below the optimum', async () => {
    const sol = await solveModel(await testHandle(), workshopMin(), { cutoff: -1150 });
    expect(sol.status).not.toBe('infeasible');
    expect(sol.status).not.toBe('optimal');
    expect(sol.noneBelowCutoff).toBe(true);
    expect(sol.values).toBeNull();
    // A valid bound: at most the true optimum (-1100), and exactly the cutoff.
    expect(sol.dualBound).toBe(-1150);
  });

  it('does not call a kept MIP start at or above the cutoff optimal', async () => {
    // The start (0, 0) costs 0 >= the cutoff -1150; the optimum -1100 is above the cutoff as well.
    const sol = await solveModel(await testHandle(), workshopMin(), {
      cutoff: -1150,
      start: { columns: [0, 1], values: [0, 0] },
    });
    expect(sol.status).not.toBe('optimal');
    expect(sol.noneBelowCutoff).toBe(true);
    expect(sol.dualBound).toBe(-1150);
    if (sol.values) expect(sol.status).toBe('feasible');
    const base = { rowDuals: null, colDuals: null, runtimeSeconds: 0, options: {} };
    const claimed = withCutoff(
      { ...base, status: 'optimal', objective: 5, dualBound: 5, values: new Float64Array([0]) },
      3,
    );
    expect(claimed).toMatchObject({ status: 'feasible', objective: 5, dualBound: 3, noneBelowCutoff: true });
  });

  it('reports an infeasible model under a cutoff as nothing below it (a bound, not a proof)', async () => {
    const b = new LinearModelBuilder('inf');
    const x = b.addVar('x', { type: 'integer', upper: 1, cost: 1 });
    b.addGe('big', expr([x], [1]), 2);
    const sol = await solveModel(await testHandle(), b.build(), { cutoff: 5 });
    expect(sol.status).toBe('time_limit');
    expect(sol.noneBelowCutoff).toBe(true);
    expect(sol.dualBound).toBe(5);
  });

  it('clamps a dual bound above the cutoff to the cutoff, and leaves answers without a cutoff alone', () => {
    const base: ModelSolution = {
      status: 'feasible',
      objective: 12,
      dualBound: 11,
      values: new Float64Array([1]),
      rowDuals: null,
      colDuals: null,
      runtimeSeconds: 0,
      options: {},
    };
    expect(withCutoff(base, 10).dualBound).toBe(10);
    expect(withCutoff(base, 20).dualBound).toBe(11);
    expect(withCutoff(base, undefined)).toBe(base);
    const inf = withCutoff({ ...base, status: 'infeasible', objective: null, values: null, dualBound: null }, 7);
    expect(inf).toMatchObject({ status: 'time_limit', noneBelowCutoff: true, dualBound: 7 });
  });

  it('refuses a cutoff on a maximisation', async () => {
    await expect(solveModel(await testHandle(), workshop(true), { cutoff: 1 })).rejects.toThrow(/minimisation/);
  });
});

describe('solveModel', () => {
  it('solves a small MIP to its known optimum with a matching dual bound', async () => {
    const sol = await solveModel(await testHandle(), workshop(true));
    expect(sol.status).toBe('optimal');
    expect(sol.objective).toBeCloseTo(1100, 9);
    expect(sol.dualBound).toBeCloseTo(1100, 6);
    expect([...sol.values!]).toEqual([20, 10]);
    expect(sol.rowDuals).toBeNull();
  });

  it('returns LP duals that price the rows (strong duality)', async () => {
    const model = workshop(false);
    const sol = await solveModel(await testHandle(), model);
    expect(sol.status).toBe('optimal');
    // LP optimum: c = 20, t = 10 as well; duals y satisfy b·y = objective.
    const y = sol.rowDuals!;
    expect(40 * y[0]! + 50 * y[1]!).toBeCloseTo(sol.objective!, 6);
    expect(objectiveAt(model, sol.values!)).toBeCloseTo(sol.objective!, 9);
  });

  it('reports infeasible and unbounded models', async () => {
    const h = await testHandle();
    const inf = new LinearModelBuilder('inf');
    const x = inf.addVar('x', { upper: 1 });
    inf.addGe('big', expr([x], [1]), 2);
    expect((await solveModel(h, inf.build())).status).toBe('infeasible');
    const unb = new LinearModelBuilder('unb', 'max');
    const z = unb.addVar('z', { cost: 1 });
    unb.addGe('low', expr([z], [1]), 0);
    expect((await solveModel(h, unb.build())).status).toBe('unbounded');
  });

  it('keeps the objective constant', async () => {
    const b = new LinearModelBuilder('offset');
    const x = b.addVar('x', { cost: 2 });
    b.addGe('r', expr([x], [1]), 3);
    b.addOffset(10);
    const sol = await solveModel(await testHandle(), b.build());
    expect(sol.objective).toBeCloseTo(16, 9);
  });

  it('renders LP text that HiGHS reads back to the same optimum', async () => {
    const h = await testHandle();
    for (const integer of [true, false]) {
      const model = workshop(integer);
      const direct = await solveModel(h, model);
      const text = toLpText(model);
      const viaText = await h.run((highs) => highs.solve(text, { output_flag: false }));
      expect(viaText.Status).toBe('Optimal');
      expect(viaText.ObjectiveValue).toBeCloseTo(direct.objective!, 9);
    }
  });

  it('writes ranged rows, fixed columns and the objective constant in LP text', async () => {
    const b = new LinearModelBuilder('ranged');
    const x = b.addVar('x[1]', { cost: 1, lower: -5, upper: 5 });
    const y = b.addVar('2y', { cost: -1, lower: 3, upper: 3 });
    b.addRow('band', expr([x, y], [1, 1]), 1, 4);
    b.addOffset(7);
    const model = b.build();
    const h = await testHandle();
    const direct = await solveModel(h, model);
    const viaText = await h.run((highs) => highs.solve(toLpText(model), { output_flag: false }));
    expect(direct.objective).toBeCloseTo(-2 - 3 + 7, 9);
    expect(viaText.ObjectiveValue).toBeCloseTo(direct.objective!, 9);
    expect(maxViolation(model, direct.values!)).toBeLessThan(1e-9);
  });

  it('stops at a time limit and says whether it holds an incumbent', async () => {
    // A knapsack-like MIP solved with a zero time limit: HiGHS must stop before proving anything.
    const b = new LinearModelBuilder('tl', 'max');
    const xs = Array.from({ length: 60 }, (_, i) => b.addVar(`x${i}`, { type: 'binary', cost: 10 + ((i * 37) % 23) }));
    b.addLe(
      'w',
      expr(
        xs,
        xs.map((_, i) => 7 + ((i * 11) % 13)),
      ),
      150,
    );
    const sol = await solveModel(await testHandle(), b.build(), { timeLimit: 0 });
    expect(['feasible', 'time_limit']).toContain(sol.status);
    expect(sol.status === 'feasible').toBe(sol.values !== null);
  });
});

describe('HighsHandle', () => {
  it('survives a WebAssembly abort by reloading the module', async () => {
    const h = await HighsHandle.load();
    const lp = 'Minimize\n obj: x\nSubject To\n c: x >= 1\nEnd';
    // The legacy API aborts the single-threaded WebAssembly build when asked for threads: a real fault.
    let calls = 0;
    const status = await h.run((highs) => {
      calls++;
      if (calls === 1) highs.solve(lp, { output_flag: false, threads: 4 });
      return highs.solve(lp, { output_flag: false }).Status;
    });
    expect(status).toBe('Optimal');
    expect(h.reloads).toBe(1);
  });

  it('recycles the module once its memory passes the limit', async () => {
    const h = await HighsHandle.load({ recycleBytes: 1 });
    const sol = await solveModel(h, workshop(true));
    expect(sol.objective).toBeCloseTo(1100, 9);
    expect(h.reloads).toBeGreaterThanOrEqual(1);
    expect((await solveModel(h, workshop(true))).objective).toBeCloseTo(1100, 9);
  });
});

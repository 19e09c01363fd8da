import { describe, expect, it } from 'vitest';
import { solveModel } from '../../../src/exact/solve-model.js';
import { problemFromText } from '../../../src/problems/load-problem.js';
import { generateFlInstance } from '../../../src/problems/facility-location/generator.js';
import { allocCost } from '../../../src/problems/facility-location/instance.js';
import { buildSparseFlMilp } from '../../../src/problems/facility-location/milp.js';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { testHandle } from '../../helpers/fixtures.js';

const params = {
  sites: 12,
  customers: 60,
  layout: 'clustered' as const,
  clusters: 3,
  tightness: 2,
  seed: 4,
  variant: 'cflp' as const,
};
const json = generateFlInstance(params);

describe('sparse facility-location MILP (each customer to its k cheapest sites)', () => {
  const inst = parseFlJson(json, 'gen.json');

  it('keeps exactly the k cheapest allocation columns of every customer open, the rest closed', () => {
    const k = 4;
    const f = buildSparseFlMilp(inst, k)!;
    const m = inst.sites.length;
    inst.customers.forEach((c, j) => {
      const open = inst.sites.flatMap((s, i) =>
        f.model.colUpper[f.model.colNames.indexOf(`x_${s.id}_${c.id}`)] === 1 ? [i] : [],
      );
      expect(open).toHaveLength(k);
      const cheapest = [...Array(m).keys()]
        .sort((a, b) => allocCost(inst, a, j) - allocCost(inst, b, j) || a - b)
        .slice(0, k);
      expect(open.sort((a, b) => a - b)).toEqual(cheapest.sort((a, b) => a - b));
    });
    // Design columns are untouched.
    for (const col of f.designColumns!) expect(f.model.colUpper[col]).toBe(1);
  });

  it('is not built when it would keep half the sites or more, or too many columns', () => {
    expect(buildSparseFlMilp(inst, 6)).toBeNull();
    expect(buildSparseFlMilp(inst, 4, 4 * 60 - 1)).toBeNull();
    expect(buildSparseFlMilp(inst, 4, 4 * 60)).not.toBeNull();
  });

  it('is a restriction: optimum >= the full optimum, and its design prices exactly at or below its objective', async () => {
    const handle = await testHandle();
    const problem = problemFromText(JSON.stringify(json), 'gen.json');
    const full = await solveModel(handle, problem.buildMilp().model);
    for (const k of [2, 3, 5]) {
      const f = problem.buildSparseMilp!(k, Infinity)!;
      const sparse = await solveModel(handle, f.model);
      expect(sparse.status).toBe('optimal');
      expect(sparse.objective!).toBeGreaterThanOrEqual(full.objective! - 1e-6);
      const priced = await problem.evaluate(handle, f.decode(sparse.values!).design);
      expect(priced.cost).toBeLessThanOrEqual(sparse.objective! + 1e-6);
    }
  });
});

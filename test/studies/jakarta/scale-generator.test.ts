import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { haversineKm } from '../../../src/io/geo.js';
import { closedFormFlows } from '../../../src/problems/jakarta-rln/closed-form.js';
import { jakartaCost } from '../../../src/problems/jakarta-rln/cost.js';
import { formatInstanceJson } from '../../../src/problems/jakarta-rln/generate-instance.js';
import { ccsOf } from '../../../src/problems/jakarta-rln/instance.js';
import { parseJakartaJson } from '../../../src/problems/jakarta-rln/json-reader.js';
import { jakartaProblem } from '../../../src/problems/jakarta-rln/problem.js';
import { generateJakartaScale, type JakartaScaleParams } from '../../../src/problems/jakarta-rln/scale-generator.js';
import { solve } from '../../../src/solve.js';
import { enumerateDesigns } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const small: JakartaScaleParams = { dealers: 200, clusters: 4, ccPerCluster: 3, rmc: 3, wdc: 2, layout: 'clustered', seed: 1 };
const text = (p: JakartaScaleParams): string => formatInstanceJson(generateJakartaScale(p));
const load = (p: JakartaScaleParams) => parseJakartaJson(JSON.parse(text(p)), 'gen.json');

describe('jakarta-rln scale generator', () => {
  it('same seed gives the same bytes; another seed or layout another instance', () => {
    for (const layout of ['clustered', 'uniform'] as const) {
      const a = text({ ...small, layout });
      expect(text({ ...small, layout })).toBe(a);
      expect(text({ ...small, layout, seed: 2 })).not.toBe(a);
    }
    expect(text({ ...small, layout: 'uniform' })).not.toBe(text(small));
  });

  it('has the requested sizes and records its parameters', () => {
    const p = { ...small, dealers: 137, clusters: 7, ccPerCluster: 5, rmc: 6, wdc: 4 };
    const inst = load(p);
    expect([inst.dealers.length, inst.clusters.length, inst.ccs.length, inst.rmcs.length, inst.wdcs.length]).toEqual([137, 7, 35, 6, 4]);
    inst.clusters.forEach((_, k) => expect(ccsOf(inst, k)).toHaveLength(5));
    // Clustered layout: every cluster holds at least one dealer; every dealer has at least one pack.
    inst.clusters.forEach((_, k) => expect(inst.dealers.some((d) => d.cluster === k)).toBe(true));
    for (const d of inst.dealers) expect(d.packs.reduce((s, v) => s + v, 0)).toBeGreaterThan(0);
    const { generator } = generateJakartaScale(p) as { generator: Record<string, unknown> };
    expect(generator).toMatchObject({ dealers: 137, clusters: 7, ccPerCluster: 5, rmc: 6, wdc: 4, layout: 'clustered', seed: 1 });
  });

  it('uniform layout: each dealer belongs to its nearest cluster centre', () => {
    const inst = load({ ...small, layout: 'uniform', dealers: 300, clusters: 6 });
    const km = (a: { lat?: number; lon?: number }, b: { lat: number; lon: number }): number => haversineKm(a.lon!, a.lat!, b.lon, b.lat);
    for (const d of inst.dealers) {
      const own = km(d, inst.clusters[d.cluster]!.centroid!);
      for (const c of inst.clusters) expect(own).toBeLessThanOrEqual(km(d, c.centroid!) + 1e-9);
    }
  });

  it('reuses the reconstructed Jakarta rates and constants', () => {
    const jakarta = parseJakartaJson(JSON.parse(readFileSync(`${ROOT}instances/jakarta-rln/jakarta.json`, 'utf8')), 'jakarta.json');
    const inst = load(small);
    const keys = ['types', 'wasteRatio', 'carbonTax', 'acquisition', 'processingCost', 'transportCost', 'processingEmission', 'transportEmission'] as const;
    for (const key of keys) expect(inst[key]).toEqual(jakarta[key]);
    for (const shares of inst.alpha) expect(shares).toEqual(jakarta.alpha[0]);
    // Fixed costs within +-20 % of Jakarta's level of the facility type.
    for (const [mine, level] of [[inst.ccs, jakarta.ccs[0]!], [inst.rmcs, jakarta.rmcs[0]!], [inst.wdcs, jakarta.wdcs[0]!]] as const) {
      for (const s of mine) expect(Math.abs(s.fixedCost / level.fixedCost - 1)).toBeLessThanOrEqual(0.2 + 1e-9);
    }
  });

  it('a small generated network solves to the same optimum with milp, ga and hybrid, and that optimum is the best design', async () => {
    const handle = await testHandle();
    const inst = load(small);
    const problem = jakartaProblem(inst);
    const milp = await solve(problem, { handle });
    expect(milp.status).toBe('optimal');
    // Independent check: price every one of the 3^4 x 3 x 2 designs in closed form.
    let best = Infinity;
    for (const d of enumerateDesigns(problem.space)) {
      const flows = closedFormFlows(inst, d);
      if (flows) best = Math.min(best, jakartaCost(inst, d, flows).total);
    }
    expect(Math.abs(milp.objective! - best)).toBeLessThan(1e-7 * best);
    for (const method of ['ga', 'hybrid']) {
      const res = await solve(problem, { method, seed: 1, handle, timeLimit: 20 });
      expect(res.open).toEqual(milp.open);
      expect(Math.abs(res.objective! - milp.objective!)).toBeLessThan(1e-7 * milp.objective!);
    }
  });

  it('rejects invalid parameters, naming the option', () => {
    expect(() => generateJakartaScale({ ...small, dealers: 0 })).toThrow(InputError);
    expect(() => generateJakartaScale({ ...small, dealers: 2.5 })).toThrow(/--dealers: a positive integer, got 2.5/);
    expect(() => generateJakartaScale({ ...small, dealers: 3 })).toThrow(/--dealers: at least --clusters \(4\)/);
    expect(() => generateJakartaScale({ ...small, clusters: 0 })).toThrow(/--clusters: a positive integer/);
    expect(() => generateJakartaScale({ ...small, ccPerCluster: -1 })).toThrow(/--cc-per-cluster: a positive integer, got -1/);
    expect(() => generateJakartaScale({ ...small, rmc: 0 })).toThrow(/--rmc: a positive integer/);
    expect(() => generateJakartaScale({ ...small, wdc: Number.NaN })).toThrow(/--wdc: a positive integer, got NaN/);
    expect(() => generateJakartaScale({ ...small, layout: 'ring' as 'uniform' })).toThrow(/--layout: uniform or clustered, got ring/);
    expect(() => generateJakartaScale({ ...small, seed: 0.5 })).toThrow(/--seed: an integer/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../src/core/errors.js';
import { Field } from '../../../../../src/core/fields.js';
import { generateFromConfig } from '../../../../../src/experiments/generators.js';
import { haversineKm } from '../../../../../src/io/geo.js';
import { groupDecomposition } from '../../../../../src/problems/network/accelerators/group-decomposition.js';
import { groupStructure } from '../../../../../src/problems/network/accelerators/group-structure.js';
import { formatNetworkDocument } from '../../../../../src/problems/network/convert/format.js';
import type { NetworkInstance } from '../../../../../src/problems/network/instance.js';
import { networkProblem } from '../../../../../src/problems/network/problem.js';
import { networkFromData, networkFromText } from '../../../../../src/problems/network/reader.js';
import type { NetworkDocument } from '../../../../../src/problems/network/schema.js';
import { solve } from '../../../../../src/solve.js';
import {
  formatInstanceJson,
  generateJakartaInstance,
} from '../../../../../src/problems/network/generators/jakarta/generate-instance.js';
import {
  generateJakartaScale,
  type JakartaScaleParams,
} from '../../../../../src/problems/network/generators/jakarta/scale-generator.js';
import { ROOT, testHandle } from '../../../../helpers/fixtures.js';

const small: JakartaScaleParams = {
  dealers: 200,
  clusters: 4,
  ccPerCluster: 3,
  rmc: 3,
  wdc: 2,
  layout: 'clustered',
  seed: 1,
};
const text = (p: JakartaScaleParams): string => formatNetworkDocument(generateJakartaScale(p), 'gen.json');
const load = (p: JakartaScaleParams): NetworkInstance => networkFromText(text(p), 'gen.json');
const JAKARTA = `${ROOT}instances/network/jakarta-rln.json`;
const jakarta = JSON.parse(readFileSync(JAKARTA, 'utf8')) as NetworkDocument;
const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
type Generator = {
  generator: Record<string, unknown> & { clusterCentres: { id: string; lat: number; lon: number }[] };
};

describe('Jakarta-style network generator (rlnd generate jakarta-rln)', () => {
  it('same seed gives the same bytes; another seed or layout another network', () => {
    for (const layout of ['clustered', 'uniform'] as const) {
      const a = text({ ...small, layout });
      expect(text({ ...small, layout })).toBe(a);
      expect(text({ ...small, layout, seed: 2 })).not.toBe(a);
    }
    expect(text({ ...small, layout: 'uniform' })).not.toBe(text(small));
  });

  it('keeps the seeded draws of the jakarta-rln-format generator it replaced (nodes it wrote, converted)', () => {
    const nodes = generateJakartaScale(small).nodes;
    const byId = (id: string) => nodes.find((n) => n.id === id);
    // Written by the former generator (jakarta-rln JSON) for these parameters, as `rlnd convert` turns them into nodes.
    expect(byId('D001')).toEqual({
      id: 'D001',
      echelon: 'dealer',
      cluster: 'K1',
      lat: -6.513433,
      lon: 106.948406,
      supply: { 'pack-LFP': { exactly: 58 }, 'pack-NiMH': { exactly: 26 } },
    });
    expect(byId('D200')).toEqual({
      id: 'D200',
      echelon: 'dealer',
      cluster: 'K4',
      lat: -6.241316,
      lon: 106.613555,
      supply: { 'pack-LFP': { exactly: 88 }, 'pack-NiMH': { exactly: 39 } },
    });
    expect(byId('CC1-1')).toEqual({
      id: 'CC1-1',
      echelon: 'CC',
      cluster: 'K1',
      lat: -6.52331,
      lon: 106.900254,
      fixedCost: 3576635706,
    });
    expect(byId('RMC-3')).toEqual({
      id: 'RMC-3',
      echelon: 'RMC',
      lat: -6.531925,
      lon: 106.962773,
      fixedCost: 17118958987,
    });
    expect(byId('WDC-2')).toEqual({
      id: 'WDC-2',
      echelon: 'WDC',
      lat: -6.259955,
      lon: 107.027713,
      fixedCost: 15618030078,
    });
    expect(generateJakartaScale({ ...small, dealers: 300, clusters: 6, layout: 'uniform' }).nodes[150]).toEqual({
      id: 'D151',
      echelon: 'dealer',
      cluster: 'K6',
      lat: -6.111451,
      lon: 106.801367,
      supply: { 'pack-LFP': { exactly: 45 }, 'pack-NiMH': { exactly: 20 } },
    });
  });

  it('has the requested sizes and records its parameters', () => {
    const p = { ...small, dealers: 137, clusters: 7, ccPerCluster: 5, rmc: 6, wdc: 4 };
    const inst = load(p);
    const count = (e: string) => inst.nodes.filter((n) => n.echelon === e);
    expect(['dealer', 'CC', 'RMC', 'WDC'].map((e) => count(e).length)).toEqual([137, 35, 6, 4]);
    const clusters = [...new Set(count('CC').map((n) => n.cluster))];
    expect(clusters).toHaveLength(7);
    for (const k of clusters) expect(count('CC').filter((n) => n.cluster === k)).toHaveLength(5);
    // Clustered layout: every cluster holds at least one dealer; every dealer supplies at least one pack.
    for (const k of clusters) expect(count('dealer').some((d) => d.cluster === k)).toBe(true);
    for (const d of count('dealer'))
      expect([...d.supply.values()].reduce((s, b) => s + b.upper[0]!, 0)).toBeGreaterThan(0);
    const { generator } = generateJakartaScale(p).provenance as Generator;
    expect(generator).toMatchObject({
      dealers: 137,
      clusters: 7,
      ccPerCluster: 5,
      rmc: 6,
      wdc: 4,
      layout: 'clustered',
      seed: 1,
    });
    expect(generator.clusterCentres).toHaveLength(7);
  });

  it('uniform layout: each dealer belongs to its nearest cluster centre', () => {
    const doc = generateJakartaScale({ ...small, layout: 'uniform', dealers: 300, clusters: 6 });
    const centres = (doc.provenance as Generator).generator.clusterCentres;
    const km = (a: { lat?: number; lon?: number }, b: { lat: number; lon: number }): number =>
      haversineKm(a.lon!, a.lat!, b.lon, b.lat);
    for (const d of doc.nodes.filter((n) => n.echelon === 'dealer')) {
      const own = km(
        d,
        centres.find((c) => c.id === d.cluster)!,
      );
      for (const c of centres) expect(own).toBeLessThanOrEqual(km(d, c) + 1e-9);
    }
  });

  it('reuses the reconstructed Jakarta network: products, rates, arc rules, count rules; fixed costs within +-20 %', () => {
    const doc = generateJakartaScale(small);
    for (const key of ['products', 'carbonTax', 'distance', 'echelonDefaults', 'arcRules', 'groups'] as const)
      expect(doc[key]).toEqual(jakarta[key]);
    const level = (e: string) => jakarta.nodes.find((n) => n.echelon === e)!.fixedCost as number;
    for (const e of ['CC', 'RMC', 'WDC']) {
      for (const n of doc.nodes.filter((x) => x.echelon === e))
        expect(Math.abs((n.fixedCost as number) / level(e) - 1)).toBeLessThanOrEqual(0.2 + 1e-9);
    }
  });

  it('a small generated network: milp, ga and hybrid reach the decomposition optimum', async () => {
    const handle = await testHandle();
    const inst = load(small);
    const structure = groupStructure(inst);
    if (typeof structure === 'string') throw new Error(structure);
    const optimum = groupDecomposition(inst, structure)!.lowerBound;
    const milp = await solve(networkProblem(inst), { handle });
    expect(milp.status).toBe('optimal');
    expect(relDiff(milp.objective!, optimum)).toBeLessThanOrEqual(1e-9);
    for (const method of ['ga', 'hybrid']) {
      const res = await solve(networkProblem(inst), { method, seed: 1, handle, timeLimit: 20 });
      expect(res.open).toEqual(milp.open);
      expect(relDiff(res.objective!, milp.objective!)).toBeLessThanOrEqual(1e-7);
    }
  });

  it('a generated 2,000-dealer network: hybrid optimal with gap <= 1e-9 after pricing one design', async () => {
    const params = {
      dealers: 2000,
      clusters: 20,
      ccPerCluster: 4,
      rmc: 10,
      wdc: 5,
      layout: 'clustered' as const,
      seed: 3,
    };
    const inst = networkFromData(JSON.parse(text(params)), 'gen-2000.json');
    const t0 = performance.now();
    const hybrid = await solve(networkProblem(inst), {
      method: 'hybrid',
      seed: 1,
      handle: await testHandle(),
      timeLimit: 60,
    });
    expect(hybrid.status).toBe('optimal');
    expect(hybrid.gap).toBeLessThanOrEqual(1e-9);
    expect(hybrid.solver.options.bound).toBe('problem');
    expect(hybrid.solver.options.evaluations).toBe(1);
    expect((performance.now() - t0) / 1000).toBeLessThan(15);
  });

  it('rejects invalid parameters, naming the option', () => {
    expect(() => generateJakartaScale({ ...small, dealers: 0 })).toThrow(InputError);
    expect(() => generateJakartaScale({ ...small, dealers: 2.5 })).toThrow(/--dealers: a positive integer, got 2.5/);
    expect(() => generateJakartaScale({ ...small, dealers: 3 })).toThrow(/--dealers: at least --clusters \(4\)/);
    expect(() => generateJakartaScale({ ...small, clusters: 0 })).toThrow(/--clusters: a positive integer/);
    expect(() => generateJakartaScale({ ...small, ccPerCluster: -1 })).toThrow(
      /--cc-per-cluster: a positive integer, got -1/,
    );
    expect(() => generateJakartaScale({ ...small, rmc: 0 })).toThrow(/--rmc: a positive integer/);
    expect(() => generateJakartaScale({ ...small, wdc: Number.NaN })).toThrow(/--wdc: a positive integer, got NaN/);
    expect(() => generateJakartaScale({ ...small, layout: 'ring' as 'uniform' })).toThrow(
      /--layout: uniform or clustered, got ring/,
    );
    expect(() => generateJakartaScale({ ...small, seed: 0.5 })).toThrow(/--seed: an integer/);
  });
});

describe('Jakarta generator in experiment configs (generator: jakarta-rln)', () => {
  it('writes the same network as the command for the same parameters, seed and name; bad parameters name the key', () => {
    const entry = (params: Record<string, unknown>) =>
      new Field('c.yaml', 'instances[0]', { generator: 'jakarta-rln', seed: 2, params });
    const g = generateFromConfig(
      entry({ dealers: 30, clusters: 3, ccPerCluster: 2, rmc: 2, wdc: 1, layout: 'uniform' }),
      'j-s2',
    );
    expect(g.kind).toBe('jakarta-rln');
    expect(g.text).toBe(
      formatNetworkDocument(
        generateJakartaScale({
          dealers: 30,
          clusters: 3,
          ccPerCluster: 2,
          rmc: 2,
          wdc: 1,
          layout: 'uniform',
          seed: 2,
          name: 'j-s2',
        }),
        'x.json',
      ),
    );
    expect(networkFromText(g.text, 'g.json').nodes).toHaveLength(30 + 6 + 2 + 1);
    expect(() => generateFromConfig(entry({ dealers: 2, clusters: 3 }), 'j')).toThrow(
      /instances\[0\]\.params: valid jakarta-rln generator parameters \(--dealers: at least --clusters/,
    );
    expect(() => generateFromConfig(entry({ ccs: 2 }), 'j')).toThrow(/params\.ccs: a known key \(unknown key/);
  });
});

describe('Jakarta instance reconstruction (generate-instance.ts)', () => {
  it('the committed jakarta-rln file, source of instances/network/jakarta-rln.json, is exactly what the seeded generator writes', () => {
    const committed = readFileSync(`${ROOT}instances/jakarta-rln/jakarta.json`, 'utf8');
    expect(formatInstanceJson(generateJakartaInstance(1))).toBe(committed);
    expect(formatInstanceJson(generateJakartaInstance(2))).not.toBe(committed);
  });
});

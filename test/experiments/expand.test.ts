import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { expand, parseShard, shardOf } from '../../src/experiments/expand.js';
import { loadSources } from '../../src/experiments/instance-source.js';
import { configFromText } from '../../src/experiments/load-config.js';
import { orlibPath } from '../helpers/fixtures.js';

const config = (seeds: string, name = 'e'): string => `
name: ${name}
seeds: ${seeds}
instances:
  - file: ${orlibPath('cap41')}
  - file: ${orlibPath('cap71')}
    variant: uflp
methods:
  - milp
  - name: milp
    label: milp-gap
    params: {mipRelGap: 0.01}
scenarios:
  stochastic:
    - name: demand
      count: 3
      seed: 5
      methods: [milp]
      parameters:
        demand: {distribution: normal, mean: 1, sd: 0.1, per: item}
  sensitivity:
    - name: grid
      seeds: [1]
      grid:
        fixedCost: [0.9, 1.1]
        capacity: {from: 1, to: 1.2, step: 0.1}
`;

async function expansion(text: string) {
  const c = configFromText(text, 'exp.yaml');
  return expand(c, await loadSources(c.instances));
}

describe('expansion', () => {
  it('is deterministic, with unique ids that do not depend on the experiment name or seed order', async () => {
    const a = await expansion(config('[1, 2]'));
    const b = await expansion(config('[1, 2]', 'renamed'));
    const c = await expansion(config('[2, 1]'));
    // nominal 2 inst x 2 methods x 2 seeds; stochastic 3 x 2 inst x 1 method x 2 seeds; grid 6 x 2 x 2 x 1
    expect(a.runs).toHaveLength(8 + 12 + 24);
    expect(new Set(a.runs.map((r) => r.runId)).size).toBe(a.runs.length);
    expect(b.runs.map((r) => r.runId)).toEqual(a.runs.map((r) => r.runId));
    expect(new Set(c.runs.map((r) => r.runId))).toEqual(new Set(a.runs.map((r) => r.runId)));
    expect(a.stochastic.map((s) => s.key)).toEqual(b.stochastic.map((s) => s.key));
  });

  it('changes a run id when anything that determines its result changes', async () => {
    const a = await expansion(config('[1]'));
    const b = await expansion(config('[1]').replace('mipRelGap: 0.01', 'mipRelGap: 0.02'));
    const same = a.runs.filter((r) => b.runs.some((x) => x.runId === r.runId));
    expect(same.every((r) => r.method.label === 'milp')).toBe(true);
    expect(same.length).toBe(a.runs.filter((r) => r.method.label === 'milp').length);
  });

  it('grid scenarios cover the product of both axes', async () => {
    const a = await expansion(config('[1]'));
    const grid = [...new Set(a.runs.filter((r) => r.scenario.set === 'grid').map((r) => r.scenario.id))];
    expect(grid).toEqual([
      'grid@fixedCost=0.9,capacity=1',
      'grid@fixedCost=0.9,capacity=1.1',
      'grid@fixedCost=0.9,capacity=1.2',
      'grid@fixedCost=1.1,capacity=1',
      'grid@fixedCost=1.1,capacity=1.1',
      'grid@fixedCost=1.1,capacity=1.2',
    ]);
  });
});

describe('sharding', () => {
  it('shards i/N cover every run exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 9 }), (n, count) => {
        const items = Array.from({ length: n }, (_, k) => k);
        const all = Array.from({ length: count }, (_, i) => shardOf(items, { index: i + 1, count })).flat();
        expect(all.sort((x, y) => x - y)).toEqual(items);
      }),
    );
  });

  it('parses i/N and rejects anything else', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/5', '6/5', '1/0', '1-5', 'a/b']) expect(() => parseShard(bad)).toThrow(InputError);
  });
});

describe('generated instances', () => {
  const gen = (extra = ''): string => `
instances:
  - generator: inventory-location
    seed: [1, 2]
    params: {customers: 3}
methods: [milp]
${extra}`;

  it('generates seeded instances with stable labels and ids', async () => {
    const a = await expansion(gen());
    const b = await expansion(gen());
    expect(a.runs.map((r) => r.instance)).toEqual(['inventory-location-s1', 'inventory-location-s2']);
    expect(b.runs.map((r) => r.runId)).toEqual(a.runs.map((r) => r.runId));
  });

  it('rejects bad generator parameters; a generated network takes scenario blocks', async () => {
    expect(() => configFromText(gen().replace('customers: 3', 'customers: 0'), 'g.yaml')).toThrow(
      /instances\[0\]\.params\.customers: an integer > 0/,
    );
    expect(() => configFromText(gen().replace('customers: 3', 'clients: 3'), 'g.yaml')).toThrow(
      /params\.clients: a known key \(unknown key/,
    );
    // inventory-location generates network documents, which every scenario block can change.
    const s = await expansion(
      gen('scenarios:\n  sensitivity:\n    - name: s\n      parameter: demand\n      values: [1.1]\n'),
    );
    expect(s.runs.map((r) => `${r.instance} ${r.scenario.id}`)).toEqual([
      'inventory-location-s1 nominal',
      'inventory-location-s2 nominal',
      'inventory-location-s1 s@demand=1.1',
      'inventory-location-s2 s@demand=1.1',
    ]);
  });
});

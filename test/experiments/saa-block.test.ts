import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/experiments/load-config.js';
import { loadSources } from '../../src/experiments/instance-source.js';
import { expandSaa } from '../../src/experiments/saa-runner.js';
import { saaFactors } from '../../src/experiments/saa-factors.js';
import { parseNetworkDocument } from '../../src/problems/network/reader.js';
import { orlibPath, ROOT } from '../helpers/fixtures.js';
import { writeSaaNetwork } from './saa-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'rlnd-saa-block-'));
const net = writeSaaNetwork(dir);

/** A config with one SAA block; `block` lines replace or add keys of the block. */
function config(block: string, instance = net): string {
  return `
name: saa-check
instances: [${instance}]
methods: [milp]
scenarios:
  nominal: false
  stochastic:
    - name: s
      method: saa
      replications: 3
      evaluation: 20
${/^ +n: /m.test(block) ? '' : '      n: [3, 5]\n'}${block}`;
}
const ok = `      parameters:\n        demand@customer: {distribution: uniform, low: 0.6, high: 1.4}`;

describe('SAA blocks in experiment configs', () => {
  it('reads n (sorted), M, N, the solver and the parameters, beside no two-stage block', () => {
    const c = configFromText(config(`${ok}\n      solver: {name: lshaped, timeLimit: 30}\n      seed: 4`), 'c.yaml');
    expect(c.stochastic).toEqual([]);
    expect(c.saa).toEqual([
      expect.objectContaining({
        name: 's',
        n: [3, 5],
        replications: 3,
        evaluation: 20,
        seed: 4,
        solver: { name: 'lshaped', timeLimit: 30, params: {} },
        parameters: { 'demand@customer': { distribution: { type: 'uniform', low: 0.6, high: 1.4 }, per: 'shared' } },
        values: true,
      }),
    ]);
    const flat = configFromText(
      config(`${ok}\n      solver: milp\n      timeLimit: 9\n      params: {mipRelGap: 0.001}`),
      'c.yaml',
    );
    expect(flat.saa![0]!.solver).toEqual({ name: 'milp', timeLimit: 9, params: { mipRelGap: 0.001 } });
  });

  it.each([
    [
      '      replication: 3',
      "c.yaml: scenarios.stochastic[0].replication: a known key (unknown key; did you mean 'replications'?)",
    ],
    ['      n: 0', 'scenarios.stochastic[0].n: an integer >= 1'],
    ['      n: [4, 4]', 'scenarios.stochastic[0].n: distinct sample sizes'],
    ['      solver: gurobi', 'scenarios.stochastic[0].solver: one of milp, lshaped, hybrid'],
    ['      solver: {name: milp, params: {mipRelGap: -1}}', 'scenarios.stochastic[0].solver.params'],
    [
      '      solver: milp\n      parameters: {demand: {distribution: normal, mean: 1, sd: 0.1, per: item}}',
      'per: one of shared, cluster, period, node',
    ],
    ['      parameters: {}', 'scenarios.stochastic[0].parameters: at least one parameter group'],
    [
      '      parameters: {demand: {distribution: normal, mean: 1}}',
      'scenarios.stochastic[0].parameters.demand.sd: a number >= 0 (missing)',
    ],
  ])('%s is a one-line error naming file and field', (block, message) => {
    const text = config(block.includes('parameters') ? block : `${ok}\n${block}`);
    let err: Error | null = null;
    try {
      configFromText(text, 'c.yaml');
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toContain(message);
    expect(err?.message.split('\n')).toHaveLength(1);
    expect(err?.message.startsWith('c.yaml: ')).toBe(true);
  });

  it('groups and ids are checked against each instance before any work', async () => {
    for (const [group, message] of [
      ['demand@depot', "'depot' is no echelon or product"],
      ['demand@node:C99', "a node id, got 'C99'"],
      ['demnd', 'a network field'],
    ] as const) {
      const c = configFromText(
        config(`      parameters: {${group}: {distribution: uniform, low: 0.9, high: 1.1}}`),
        'c.yaml',
      );
      const sources = await loadSources(c.instances);
      expect(() => expandSaa(c, sources)).toThrow(`c.yaml: scenarios.stochastic(s).parameters.${group}: `);
      expect(() => expandSaa(c, sources)).toThrow(message);
    }
  });

  it('a non-network instance is an error; every N is one analysis with its own key', async () => {
    const orlib = configFromText(config(ok, orlibPath('cap41')), 'c.yaml');
    await expect(loadSources(orlib.instances).then((s) => expandSaa(orlib, s))).rejects.toThrow(
      'c.yaml: scenarios.stochastic(s).instances: network instances',
    );
    const c = configFromText(config(ok), 'c.yaml');
    const specs = expandSaa(c, await loadSources(c.instances));
    expect(specs.map((s) => s.n)).toEqual([3, 5]);
    expect(new Set(specs.map((s) => s.key)).size).toBe(2);
  });

  it('per: cluster makes one factor per cluster the group reaches (Jakarta: 5 dealer clusters)', async () => {
    const { readFileSync } = await import('node:fs');
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const doc = parseNetworkDocument(JSON.parse(readFileSync(file, 'utf8')), file);
    const f = saaFactors(doc, {
      'supply@dealer': { distribution: { type: 'normal', mean: 1, sd: 0.1 }, per: 'cluster' },
      'conversionRate@CC@cell-LFP-L1': { distribution: { type: 'uniform', low: 0.9, high: 1.1 }, per: 'shared' },
    });
    expect(f.map((x) => x.change)).toEqual([
      ...['1', '2', '3', '4', '5'].map((c) => ({ field: 'supply', select: { echelon: ['dealer'], cluster: c } })),
      { field: 'conversionRate', select: { echelon: ['CC'], product: ['cell-LFP-L1'] } },
    ]);
  });
});

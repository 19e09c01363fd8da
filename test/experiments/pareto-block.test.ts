import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { configFromText } from '../../src/experiments/load-config.js';
import { loadSources } from '../../src/experiments/instance-source.js';
import { expandPareto } from '../../src/experiments/pareto-task.js';
import { PARETO_TIMING_FIELDS, type ParetoRecord } from '../../src/experiments/pareto-record.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { errorOf as inputErrorOf } from '../helpers/errors.js';
import { orlibPath } from '../helpers/fixtures.js';

// These tests run the compiled worker (dist/experiments/run-worker.js): `npm test` builds first.

/**
 * Ten units from S to C through a dirty depot (cost 1, 5 kg per unit, fixed 2) or a clean one
 * (cost 3, 1 kg, fixed `clean`). By hand: min cost (12, 50) all dirty; min emissions (30 + clean,
 * 10) all clean.
 */
const lanes = (name: string, clean: number): object => ({
  problem: 'network',
  name,
  products: ['u'],
  carbonTax: 0.1,
  nodes: [
    { id: 'S', echelon: 'source', supply: { u: 'unlimited' } },
    { id: 'Dirty', echelon: 'depot', fixedCost: 2 },
    { id: 'Clean', echelon: 'depot', fixedCost: clean },
    { id: 'C', echelon: 'customer', demand: { u: 10 } },
  ],
  arcs: [
    { from: 'S', to: 'Dirty', unitCost: 1, emission: 5 },
    { from: 'S', to: 'Clean', unitCost: 3, emission: 1 },
    { from: 'Dirty', to: 'C', unitCost: 0 },
    { from: 'Clean', to: 'C', unitCost: 0 },
  ],
});

const dir = mkdtempSync(join(tmpdir(), 'rlnd-pareto-exp-'));
const A = join(dir, 'lanes.json');
const B = join(dir, 'lanes-b.json');
writeFileSync(A, JSON.stringify(lanes('lanes', 3)));
writeFileSync(B, JSON.stringify(lanes('lanes-b', 6)));

const config = (extra = ''): string => `
name: fronts
seeds: [1, 2]
instances:
  - file: ${A}
  - file: ${B}
pareto:
  - name: exact
    objectives: [cost, emissions]
    method: milp
    points: 4
  - name: heuristic
    method: hybrid
    resolution: 0.2
    timeLimit: 5
    instances: [lanes]
    seeds: [2]
${extra}`;

const errorOf = (text: string): InputError => inputErrorOf(() => configFromText(text, 'exp.yaml'));

describe('experiment pareto block: validation', () => {
  it('reads the blocks with defaults; no methods needed', () => {
    const c = configFromText(config(), 'exp.yaml');
    expect(c.methods).toEqual([]);
    expect(c.pareto).toEqual([
      {
        name: 'exact',
        objectives: ['cost', 'emissions'],
        method: 'milp',
        points: 4,
        resolution: null,
        timeLimit: null,
        instances: null,
        seeds: null,
      },
      {
        name: 'heuristic',
        objectives: ['cost', 'emissions'],
        method: 'hybrid',
        points: null,
        resolution: 0.2,
        timeLimit: 5,
        instances: ['lanes'],
        seeds: [2],
      },
    ]);
  });

  it.each([
    ['an unknown key', 'pointz: 3', 'pareto[0].pointz', /did you mean 'points'/],
    ['a method other than milp or hybrid', 'method: ga', 'pareto[0].method', /one of milp, hybrid/],
    ['both points and resolution', 'points: 3\n    resolution: 0.1', 'pareto[0].resolution', /not both/],
    ['points < 2', 'points: 1', 'pareto[0].points', />= 2/],
    ['an unknown objective', 'objectives: [cost, water]', 'pareto[0].objectives[1]', /one of cost, emissions/],
    ['one objective', 'objectives: [cost]', 'pareto[0].objectives', /the two objectives/],
    [
      'an unknown instance label',
      'instances: [nope]',
      'pareto[0].instances[0]',
      /an instance label among lanes, lanes-b/,
    ],
    ['a seed outside the experiment', 'seeds: [9]', 'pareto[0].seeds[0]', /a seed of the experiment/],
  ])('rejects %s, naming the file and the field', (_what, body, where, expected) => {
    const text = `
name: bad
seeds: [1, 2]
instances:
  - file: ${A}
  - file: ${B}
pareto:
  - name: f
    ${body}
`;
    const e = errorOf(text);
    expect(e.file).toBe('exp.yaml');
    expect(e.where.startsWith(where)).toBe(true);
    expect(e.expected).toMatch(expected);
    expect(e.message.split('\n')).toHaveLength(1);
  });

  it('rejects two blocks of one name', () => {
    const e = errorOf(config('  - name: exact\n    points: 3'));
    expect(e.where).toBe('pareto[2].name');
    expect(e.expected).toMatch(/unique pareto block name/);
  });

  it('rejects a front of an instance that is not a network', async () => {
    const c = configFromText(
      `name: x\ninstances:\n  - file: ${orlibPath('cap41')}\npareto:\n  - name: f\n    points: 3\n`,
      'exp.yaml',
    );
    const sources = await loadSources(c.instances);
    const e = inputErrorOf(() => expandPareto(c, sources));
    expect(e.where).toBe('pareto[0].instances');
    expect(e.expected).toMatch(/network instances only \(cap41 is/);
  });
});

const records = (out: string): ParetoRecord[] =>
  existsSync(join(out, 'pareto.jsonl'))
    ? readFileSync(join(out, 'pareto.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as ParetoRecord)
    : [];

/** Records without the fields that vary between identical runs, sorted by key. */
const normalized = (out: string): unknown[] =>
  records(out)
    .map((r) => {
      const copy: Record<string, unknown> = { ...r };
      for (const k of PARETO_TIMING_FIELDS) delete copy[k];
      return copy;
    })
    .sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));

describe('experiment pareto block: runs', () => {
  it('one record per (block, instance, seed) in scope, with the hand-computed extremes; a rerun adds none; the same records with 1 and 2 threads', async () => {
    const c = configFromText(config(), join(dir, 'fronts.yaml'));
    writeFileSync(join(dir, 'fronts.yaml'), config());
    const one = join(dir, 'out-1');
    const two = join(dir, 'out-2');
    const s1 = await new ExperimentRun(c, { threads: 1, out: one }).run();
    expect(s1.pareto).toBe(5);
    const recs = records(one);
    expect(recs).toHaveLength(5);
    expect(new Set(recs.map((r) => r.key)).size).toBe(5);
    expect(recs.filter((r) => r.block === 'heuristic').map((r) => [r.instance, r.seed, r.method])).toEqual([
      ['lanes', 2, 'hybrid'],
    ]);
    for (const r of recs.filter((x) => x.block === 'exact')) {
      const clean = r.instance === 'lanes' ? 3 : 6;
      expect(r.points[0]).toMatchObject({ cost: 12, emissions: 50, status: 'optimal' });
      expect(r.points[r.points.length - 1]).toMatchObject({ cost: 30 + clean, emissions: 10 });
      expect(r.network).toBe(r.instance);
      expect(r.certified).toBe(true);
      expect(r.carbonPrice.breakpoints).toHaveLength(1);
      expect(r.carbonPrice.breakpoints[0]).toBeCloseTo((30 + clean - 12) / 40, 12);
    }
    // A rerun finds every front done.
    const again = await new ExperimentRun(c, { threads: 1, out: one }).run();
    expect(again.pareto).toBe(0);
    expect(records(one)).toHaveLength(5);
    // Two threads: the same fronts, whatever order they finished in.
    const s2 = await new ExperimentRun(c, { threads: 2, out: two }).run();
    expect(s2.pareto).toBe(5);
    expect(normalized(two)).toEqual(normalized(one));
  }, 120_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/experiments/load-config.js';
import { rlnd } from '../helpers/cli.js';
import { errorOf } from '../helpers/errors.js';
import { orlibPath } from '../helpers/fixtures.js';

const base = (extra = '', methods = '  - milp'): string => `
name: t
instances:
  - file: ${orlibPath('cap41')}
  - file: ${orlibPath('cap42')}
methods:
${methods}
${extra}`;

const message = (text: string): string => errorOf(() => configFromText(text, 'exp.yaml')).message;

describe('experiment configs: counts bounded before allocation', () => {
  it('names the run count of a huge replications before allocating a seed list', () => {
    const t0 = performance.now();
    expect(message(base('replications: 1000000000'))).toBe(
      'exp.yaml: replications: at most 1,000,000 runs in one experiment; replications: 1,000,000,000 would expand to at least 1,000,000,000 runs, got 1000000000',
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('counts each block in its scope: 2 instances x 2 methods x 300,000 seeds x (nominal + 2 scenarios)', () => {
    const text = base(
      `replications: 300000
scenarios:
  stochastic:
    - {name: d, count: 2, parameters: {demand: {distribution: uniform, low: 0.9, high: 1.1}}, methods: [milp]}`,
      '  - milp\n  - ga',
    );
    // nominal 2 x 2 x 300,000 = 1,200,000; the block: 2 scenarios x 2 instances x 1 method x 300,000 = 1,200,000.
    expect(message(text)).toBe(
      'exp.yaml: runs: at most 1,000,000 runs in one experiment; this config would expand to 2,400,000 runs (nominal: 1,200,000, stochastic d: 1,200,000); split it into several configs or fewer seeds/scenarios',
    );
  });

  it('accepts a config at the limit', () => {
    expect(configFromText(base('replications: 250000', '  - milp\n  - ga'), 'exp.yaml').seeds).toHaveLength(250_000);
  });

  it('rlnd run --dry-run fails in one line, fast, instead of running out of memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-cfg-'));
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, base('replications: 1000000000'));
    const r = await rlnd('run', file, '--dry-run');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^rlnd: .*huge.yaml: replications: at most 1,000,000 runs/);
  });
});

describe('experiment configs: method params are checked against each method', () => {
  it('rejects a misspelled param with the nearest declared one', () => {
    expect(message(base('', '  - {name: ga, params: {populationSiz: 40}}'))).toBe(
      "exp.yaml: methods[0].params.populationSiz: a known key (unknown key; did you mean 'populationSize'?)",
    );
    expect(message(base('', '  - {name: hybrid, params: {lagrangianshare: 0.3}}'))).toMatch(
      /did you mean 'lagrangianShare'\?/,
    );
  });

  it('rejects wrong types and ranges, naming the value', () => {
    expect(message(base('', '  - {name: milp, params: {mipRelGap: "small"}}'))).toMatch(
      /^exp.yaml: methods\[0\]\.params\.mipRelGap: .*, got "small"$/,
    );
    expect(message(base('', '  - {name: ga, params: {populationSize: 1.5}}'))).toMatch(
      /methods\[0\]\.params\.populationSize: .*, got 1.5$/,
    );
    expect(message(base('', '  - {name: hybrid, params: {lagrangianShare: 2}}'))).toMatch(
      /lagrangianShare: .*, got 2$/,
    );
  });

  it('keeps valid params as given', () => {
    const c = configFromText(base('', '  - {name: ga, params: {populationSize: 40, maxGenerations: 5}}'), 'exp.yaml');
    expect(c.methods[0]!.params).toEqual({ populationSize: 40, maxGenerations: 5 });
  });

  it('suggests the nearest key for a typo in the config itself', () => {
    expect(message(base('timelimit: 5'))).toBe(
      "exp.yaml: timelimit: a known key (unknown key; did you mean 'timeLimit'?)",
    );
  });
});

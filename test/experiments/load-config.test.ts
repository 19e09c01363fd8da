import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { configFromText } from '../../src/experiments/load-config.js';
import { orlibPath } from '../helpers/fixtures.js';
import { errorOf as inputErrorOf } from '../helpers/errors.js';

const CAP41 = orlibPath('cap41');

const base = (extra = ''): string => `
name: t
instances:
  - file: ${CAP41}
methods:
  - milp
${extra}`;

/** The InputError a config raises (fails the test if it raises none). */
/** The InputError a config text raises. */
const errorOf = (text: string): InputError => inputErrorOf(() => configFromText(text, 'exp.yaml'));

describe('experiment config validation', () => {
  it('reads a valid config with defaults', () => {
    const c = configFromText(base('seeds: [3, 1]'), 'exp.yaml');
    expect(c.name).toBe('t');
    expect(c.output).toBe('results/t');
    expect(c.seeds).toEqual([3, 1]);
    expect(c.methods).toEqual([{ label: 'milp', name: 'milp', params: {}, timeLimit: null, stop: null }]);
    expect(c.instances.map((i) => i.label)).toEqual(['cap41']);
    expect(c.reference).toEqual({ enabled: true, timeLimit: 600 });
  });

  it('expands replications, variants and capacities', () => {
    const c = configFromText(
      `
replications: 3
instances:
  - file: ${CAP41}
    variant: [cflp, uflp]
    capacity: [5000, 8000]
methods: [milp]
`,
      'exp.yaml',
    );
    expect(c.seeds).toEqual([1, 2, 3]);
    expect(c.instances.map((i) => i.label)).toEqual([
      'cap41-5000-cflp',
      'cap41-8000-cflp',
      'cap41-5000-uflp',
      'cap41-8000-uflp',
    ]);
  });

  it('names an unknown method with the known ones', () => {
    const e = errorOf(base().replace('  - milp', '  - name: simulated-annealing'));
    expect(e.file).toBe('exp.yaml');
    expect(e.where).toBe('methods[0].name');
    expect(e.expected).toMatch(/registered method: one of .*milp/);
  });

  it('names a missing instance file', () => {
    const e = errorOf(base().replace(CAP41, 'instances/none/nope.txt'));
    expect(e.where).toBe('instances[0].file');
    expect(e.expected).toMatch(/existing instance file.*"instances\/none\/nope.txt"/);
  });

  it('rejects a glob that matches nothing', () => {
    const e = errorOf(base().replace(`file: ${CAP41}`, `glob: ${CAP41.replace('cap41.txt', 'zzz*.txt')}`));
    expect(e.where).toBe('instances[0].glob');
  });

  it.each([
    ['sd: -0.1', 'distribution: normal, mean: 1, sd: -0.1', 'parameters.demand.sd', />= 0/],
    ['high < low', 'distribution: uniform, low: 1.2, high: 0.8', 'parameters.demand.high', />= low/],
    ['mode outside', 'distribution: triangular, low: 0.8, mode: 1.5, high: 1.2', 'parameters.demand.high', />= mode/],
    [
      'unknown distribution',
      'distribution: gamma, k: 2',
      'parameters.demand.distribution',
      /one of normal, lognormal, uniform, triangular/,
    ],
    ['missing parameter', 'distribution: lognormal, mu: 0', 'parameters.demand.sigma', /missing/],
    ['typo in a key', 'distribution: normal, mean: 1, sdev: 0.1', 'parameters.demand.sdev', /unknown key/],
  ])('rejects bad distribution parameters (%s)', (_, dist, where, expected) => {
    const e = errorOf(
      base(`scenarios:\n  stochastic:\n    - name: s\n      count: 2\n      parameters:\n        demand: {${dist}}\n`),
    );
    expect(e.where).toBe(`scenarios.stochastic[0].${where}`);
    expect(e.expected).toMatch(expected);
  });

  it('rejects unknown top-level keys, bad sweeps and unknown scope labels', () => {
    expect(errorOf(base('seed: 3')).where).toBe('seed');
    expect(
      errorOf(
        base(
          'scenarios:\n  sensitivity:\n    - name: s\n      parameter: demand\n      from: 1.2\n      to: 0.8\n      step: 0.1\n',
        ),
      ).where,
    ).toBe('scenarios.sensitivity[0].to');
    expect(
      errorOf(
        base(
          'scenarios:\n  sensitivity:\n    - name: s\n      parameter: demand\n      values: [1]\n      methods: [ga9]\n',
        ),
      ).where,
    ).toBe('scenarios.sensitivity[0].methods[0]');
    expect(errorOf(base('scenarios:\n  sensitivity:\n    - name: s\n      grid: {demand: [1]}\n')).where).toBe(
      'scenarios.sensitivity[0].grid',
    );
  });

  it('builds sweep values without float noise', () => {
    const c = configFromText(
      base(
        'scenarios:\n  sensitivity:\n    - name: s\n      parameter: demand\n      from: 0.8\n      to: 1.2\n      step: 0.1\n',
      ),
      'exp.yaml',
    );
    expect(c.sensitivity[0]!.axes[0]!.values).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
  });
});

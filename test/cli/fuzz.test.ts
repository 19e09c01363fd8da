import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { rlnd } from '../helpers/cli.js';

const STACK = /^\s+at .*[:(]\d+/m;
const dir = mkdtempSync(join(tmpdir(), 'rlnd-fuzz-'));

/** A tiny facility-location instance (optimum 12; see readers.test.ts), solved in milliseconds. */
const TINY = {
  problem: 'facility-location',
  name: 'tiny',
  sites: [
    { id: 'A', x: 0, y: 0, capacity: 10, fixedCost: 5 },
    { id: 'B', x: 3, y: 4, capacity: 10, fixedCost: 7 },
  ],
  customers: [
    { id: 'c1', x: 0, y: 0, demand: 4 },
    { id: 'c2', x: 3, y: 4, demand: 6 },
  ],
  cost: { distance: 'euclidean', perUnitDistance: 2 },
};
const tinyFile = join(dir, 'tiny.json');
writeFileSync(tinyFile, JSON.stringify(TINY));

/** Runs the CLI in this process: what it printed on stderr and its exit code. */
async function cli(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  const err: string[] = [];
  const out: string[] = [];
  const e = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const o = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  process.exitCode = 0;
  try {
    await main(args);
  } finally {
    e.mockRestore();
    o.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stderr: err.join('\n'), stdout: out.join('\n') };
}

/** The independent oracle for a numeric option value: what a careful user means by a number. */
function meant(value: string, spec: { integer?: boolean; min?: number; above?: number }): boolean {
  const t = value.trim();
  if (
    !/^[+-]?[0-9.]+([eE][+-]?[0-9]+)?$/.test(t) ||
    (t.match(/\./g) ?? []).length > 1 ||
    !/[0-9]/.test(t.replace(/[eE].*$/, ''))
  )
    return false;
  const v = Number(t);
  if (!Number.isFinite(v)) return false;
  if (spec.integer && !Number.isSafeInteger(v)) return false;
  if (spec.min !== undefined && v < spec.min) return false;
  if (spec.above !== undefined && v <= spec.above) return false;
  return true;
}

const expectOneLineError = (r: { code: number; stderr: string; stdout: string }): void => {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^rlnd: \S/);
  expect(r.stdout).toBe('');
};

describe('fuzz: bad CLI arguments and instance files give exit 1 and one line', () => {
  beforeEach(() => {
    process.exitCode = 0;
  });
  afterEach(() => {
    process.exitCode = 0;
  });

  const SPECS = {
    '--threads': { integer: true, min: 1 },
    '--time-limit': { above: 0 },
    '--seed': { integer: true, min: 0 },
  } as const;
  const numberText = fc.oneof(
    fc.constantFrom(
      'abc',
      '',
      ' ',
      '-1',
      '0',
      '1.5',
      '0x10',
      '1e999',
      'NaN',
      'Infinity',
      '1_000',
      '2s',
      '--',
      '1e',
      '.',
      '+',
      '3',
      '1e2',
      '.5',
      '007',
    ),
    fc.string({ maxLength: 6 }),
    fc.double().map(String),
    fc.integer({ min: -5, max: 50 }).map(String),
  );

  it('numeric options: exit 1 with one line unless the value is a number in range (then the solve runs, exit 0)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...(Object.keys(SPECS) as (keyof typeof SPECS)[])),
        numberText,
        async (flag, value) => {
          // yargs reads a value starting with '-' as an option: give such values with '='.
          const r = await cli(['solve', tinyFile, `${flag}=${value}`, '--json']);
          if (!meant(value, SPECS[flag])) expectOneLineError(r);
          else if (r.code === 2) {
            // A positive but tiny time limit (5e-324 s) may honestly end before any solution.
            expect(flag).toBe('--time-limit');
            expect(JSON.parse(r.stdout).status).toBe('time_limit');
          } else {
            expect(r.code, r.stderr).toBe(0);
            expect(JSON.parse(r.stdout).objective).toBe(12);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('unknown options and commands, repeated options, missing values', async () => {
    const word = fc
      .stringMatching(/^[a-z][a-z-]{0,10}$/)
      .filter(
        (w) =>
          ![
            'help',
            'debug',
            'json',
            'flows',
            'relax',
            'threads',
            'seed',
            'stop',
            'stats',
            'method',
            'variant',
            'capacity',
            'time-limit',
            'export-lp',
            'version',
          ].includes(w),
      );
    const args = fc.oneof(
      word.map((w) => ['solve', tinyFile, `--${w}`, '1']),
      word.map((w) => [w, tinyFile]),
      fc
        .constantFrom('--threads', '--seed', '--time-limit', '--method')
        .map((f) => ['solve', tinyFile, f, '2', f, '3']),
      fc.constantFrom(
        ['solve'],
        ['solve', tinyFile, '--method'],
        ['solve', tinyFile, '--variant', 'xflp'],
        ['solve', join(dir, 'missing.json')],
        ['solve', dir, '--json'],
      ),
    );
    await fc.assert(
      fc.asyncProperty(args, async (a) => expectOneLineError(await cli([...a]))),
      { numRuns: 40 },
    );
  }, 120_000);

  /** One change that makes the instance wrong, with the key path it touches. */
  const mutation = fc.oneof(
    // a typo in a key
    fc
      .tuple(
        fc.constantFrom('sites.0', 'customers.1', ''),
        fc.constantFrom('fixedCost', 'capacity', 'demand', 'sites', 'cost', 'x'),
        fc.constantFrom('fixedcost', 'Capacity', 'demnd', 'site', 'costs', 'xx'),
      )
      .map(([at, from, to]) => ({ kind: 'rename' as const, at, from, to })),
    // a required key removed
    fc
      .tuple(
        fc.constantFrom('sites.0', 'customers.0', ''),
        fc.constantFrom('id', 'fixedCost', 'demand', 'sites', 'customers', 'cost'),
      )
      .map(([at, key]) => ({ kind: 'delete' as const, at, key })),
    // a number replaced by something that is not a valid one
    fc
      .tuple(
        fc.constantFrom('sites.0.fixedCost', 'sites.1.capacity', 'customers.0.demand', 'cost.perUnitDistance'),
        fc.constantFrom<unknown>(-1, 'ten', null, true, {}, [], '1e999'),
      )
      .map(([path, value]) => ({ kind: 'set' as const, path, value })),
  );

  function apply(m: { kind: string; [k: string]: unknown }): string | null {
    const doc = JSON.parse(JSON.stringify(TINY)) as Record<string, unknown>;
    const at = (path: string): Record<string, unknown> | undefined =>
      path === ''
        ? doc
        : (path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], doc) as
            Record<string, unknown> | undefined);
    if (m.kind === 'rename') {
      const o = at(m.at as string);
      if (!o || !((m.from as string) in o)) return null; // the key is not there: nothing to change
      o[m.to as string] = o[m.from as string];
      delete o[m.from as string];
    } else if (m.kind === 'delete') {
      const o = at(m.at as string);
      if (!o || !((m.key as string) in o)) return null;
      delete o[m.key as string];
    } else {
      const parts = (m.path as string).split('.');
      const o = at(parts.slice(0, -1).join('.'))!;
      o[parts.at(-1)!] = m.value;
    }
    // '1e999' as text in the file is what JSON.parse turns into Infinity.
    return JSON.stringify(doc).replace('"1e999"', '1e999');
  }

  it('instance files with a typo, a missing key or a bad number', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const text = apply(m);
        fc.pre(text !== null);
        const file = join(dir, `m${k++}.json`);
        writeFileSync(file, text!);
        expectOneLineError(await cli(['solve', file, '--json']));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('experiment configs with a typo, a bad count or a misspelled method parameter (run --dry-run)', async () => {
    const config = (extra: string, method = 'milp'): string =>
      `name: fz\ninstances:\n  - file: ${tinyFile}\nmethods:\n  - ${method}\n${extra}\n`;
    const valid = join(dir, 'valid.yaml');
    writeFileSync(valid, config('seeds: [1, 2]'));
    expect((await cli(['run', valid, '--dry-run'])).code).toBe(0);
    const bad = fc.oneof(
      fc
        .constantFrom('timelimit: 5', 'seed: [1]', 'replicatons: 2', 'instance: []', 'method: [milp]', 'scenario: {}')
        .map((e) => config(e)),
      fc.constantFrom<unknown>(-1, 0, 1.5, '"x"', 1e12, 'null', '[]').map((v) => config(`replications: ${String(v)}`)),
      fc
        .constantFrom(
          '{name: ga, params: {populationSiz: 4}}',
          '{name: ga, params: {populationSize: 0}}',
          '{name: milp, params: {mipRelGap: -1}}',
          '{name: hybrid, params: {kmax: 2}}',
          '{name: milp, timeLimit: -3}',
          '{name: gaa}',
        )
        .map((m) => config('', m)),
    );
    let k = 0;
    await fc.assert(
      fc.asyncProperty(bad, async (text) => {
        const file = join(dir, `cfg${k++}.yaml`);
        writeFileSync(file, text);
        expectOneLineError(await cli(['run', file, '--dry-run']));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('files that are not JSON at all', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }).filter((t) => {
          try {
            JSON.parse(t);
            return false;
          } catch {
            return true;
          }
        }),
        async (text) => {
          const file = join(dir, `g${k++}.json`);
          writeFileSync(file, text);
          expectOneLineError(await cli(['solve', file]));
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('a few of the same, through a real process: exit 1, one line, no stack trace, in bounded time', async () => {
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify(TINY).replace('"fixedCost":5', '"fixedcost":5'));
    for (const args of [
      ['solve', tinyFile, '--threads', 'abc'],
      ['solve', tinyFile, '--seed=-1'],
      ['solve', tinyFile, '--frobnicate'],
      ['solve', typo],
    ]) {
      const t0 = performance.now();
      const r = await rlnd(...args);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(STACK);
      expect(performance.now() - t0).toBeLessThan(15_000);
    }
  }, 90_000);
});

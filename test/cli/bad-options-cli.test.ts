import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { orlibPath } from '../helpers/fixtures.js';

const STACK = /^\s+at .*[:(]\d+/m;

/** One line on stderr, exit 1, no stack trace, nothing on stdout. */
async function oneLineError(...args: string[]): Promise<string> {
  const res = await rlnd(...args);
  expect(res.code, res.stderr).toBe(1);
  expect(res.stderr).not.toMatch(STACK);
  expect(res.stderr.trim().split('\n')).toHaveLength(1);
  expect(res.stdout).toBe('');
  return res.stderr.trim();
}

describe('rlnd options are parsed strictly, before any work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rlnd-opts-'));

  it('rejects bad numbers for solve with one line each', async () => {
    const cap41 = orlibPath('cap41');
    expect(await oneLineError('solve', cap41, '--threads', 'abc')).toBe('rlnd: --threads: "abc": an integer >= 1');
    expect(await oneLineError('solve', cap41, '--time-limit', '-1')).toBe('rlnd: --time-limit: "-1": a number > 0');
    expect(await oneLineError('solve', cap41, '--time-limit', 'abc')).toBe('rlnd: --time-limit: "abc": a number > 0');
    expect(await oneLineError('solve', cap41, '--seed', 'abc')).toBe('rlnd: --seed: "abc": an integer >= 0');
  });

  it('applies --capacity only to files whose capacity is the word capacity', async () => {
    expect(await oneLineError('solve', orlibPath('cap41'), '--capacity', '8000')).toMatch(
      /^rlnd: --capacity: 8000: only for OR-Library files whose capacities are the word 'capacity'/,
    );
    const json = join(dir, 'fl.json');
    writeFileSync(
      json,
      JSON.stringify({
        sites: [{ id: 'A', capacity: 5, fixedCost: 1 }],
        customers: [{ id: 'c', demand: 1 }],
        cost: { matrix: { A: [1] } },
      }),
    );
    expect(await oneLineError('solve', json, '--capacity', '8000')).toMatch(
      /--capacity: 8000: only for OR-Library files/,
    );
  });

  it('checks --stats and --export-lp paths before solving, and --debug shows where', async () => {
    const missing = join(dir, 'no-such-folder', 'stats.csv');
    expect(await oneLineError('solve', orlibPath('cap41'), '--stats', missing)).toBe(
      `rlnd: --stats: ${missing}: a path in an existing folder (${join(dir, 'no-such-folder')} does not exist)`,
    );
    expect(await oneLineError('solve', orlibPath('cap41'), '--export-lp', dir)).toMatch(
      /--export-lp: .*: a file path \(this is a folder\)/,
    );
    const debug = await rlnd('solve', orlibPath('cap41'), '--stats', missing, '--debug');
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });

  it('writes the result before the statistics', async () => {
    const stats = join(dir, 'stats.csv');
    const res = await rlnd('solve', orlibPath('cap41'), '--json', '--stats', stats);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).objective).toBe(1040444.375);
    expect(readFileSync(stats, 'utf8')).toMatch(/^method,iteration/);
  });

  it('caps --threads at cores x 4 with a message', async () => {
    const res = await rlnd(
      'solve',
      orlibPath('cap41'),
      '--threads',
      '1000',
      '--method',
      'ga',
      // Room for 8 workers to load HiGHS on 2 cores: at 2 s a loaded machine can leave the probing round unpriced.
      '--time-limit',
      '10',
      '--json',
    );
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/^rlnd: --threads 1000 capped at \d+ \(\d+ cores x 4\)$/m);
    expect(JSON.parse(res.stdout).method).toBe('ga');
  });

  it('run: a bad --threads leaves no lock and no output folder behind', async () => {
    const out = join(dir, 'quickstart-out');
    expect(await oneLineError('run', 'experiments/quickstart.yaml', '--threads', 'abc', '--out', out)).toBe(
      'rlnd: --threads: "abc": an integer >= 1',
    );
    expect(await oneLineError('run', 'experiments/quickstart.yaml', '--threads', '0', '--out', out)).toBe(
      'rlnd: --threads: "0": an integer >= 1',
    );
    expect(existsSync(out)).toBe(false);
    expect(await oneLineError('run', 'experiments/quickstart.yaml', '--out', join(orlibPath('cap41'), 'x'))).toMatch(
      /--out: .*: a folder \(.*cap41.txt is a file\)/,
    );
  });
});

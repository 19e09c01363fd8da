import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkOutputFile,
  checkOutputFolder,
  maxThreads,
  numberOption,
  stringOption,
  threadsOption,
} from '../../src/cli/options.js';
import { userErrorLine } from '../../src/cli/main.js';
import { InputError } from '../../src/core/errors.js';

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected an InputError');
};

describe('numeric CLI options', () => {
  it('parse decimal and scientific text, and nothing else', () => {
    expect(numberOption('--time-limit', '2.5', { above: 0 })).toBe(2.5);
    expect(numberOption('--time-limit', '1e2', { above: 0 })).toBe(100);
    expect(numberOption('--time-limit', undefined, { above: 0 })).toBeUndefined();
    for (const bad of ['abc', '', ' ', '0x10', 'Infinity', 'NaN', '1_000', '1e999', '2s', '--1']) {
      expect(message(() => numberOption('--time-limit', bad, { above: 0 }))).toBe(
        `--time-limit: ${JSON.stringify(bad)}: a number > 0`,
      );
    }
  });

  it('check integers and ranges', () => {
    expect(numberOption('--seed', '0', { integer: true, min: 0 })).toBe(0);
    expect(message(() => numberOption('--seed', '1.5', { integer: true, min: 0 }))).toBe(
      '--seed: "1.5": an integer >= 0',
    );
    expect(message(() => numberOption('--seed', '-1', { integer: true, min: 0 }))).toBe(
      '--seed: "-1": an integer >= 0',
    );
    expect(message(() => numberOption('--seed', '99999999999999999999', { integer: true, min: 0 }))).toMatch(
      /an integer >= 0/,
    );
    expect(message(() => numberOption('--time-limit', '0', { above: 0 }))).toMatch(/a number > 0/);
    expect(message(() => numberOption('--threads', ['1', '2'], { integer: true }))).toBe('--threads: 1 2: given once');
  });

  it('cap --threads at cores x 4 with a message', () => {
    const said: string[] = [];
    expect(threadsOption('3', (m) => said.push(m))).toBe(Math.min(3, maxThreads()));
    expect(threadsOption('100000', (m) => said.push(m))).toBe(availableParallelism() * 4);
    expect(said.at(-1)).toBe(
      `rlnd: --threads 100000 capped at ${availableParallelism() * 4} (${availableParallelism()} cores x 4)`,
    );
    expect(threadsOption(undefined, () => {})).toBe(availableParallelism());
    expect(message(() => threadsOption('0', () => {}))).toBe('--threads: "0": an integer >= 1');
    expect(message(() => stringOption('--stats', ''))).toBe('--stats: "": a non-empty value');
  });
});

describe('output paths are checked before any work', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rlnd-out-'));
  writeFileSync(join(dir, 'file.txt'), 'x');

  it('accepts a new file in an existing folder and a folder that can be made', () => {
    expect(() => checkOutputFile('--stats', join(dir, 'new.csv'))).not.toThrow();
    expect(() => checkOutputFolder('--out', join(dir, 'a', 'b', 'c'))).not.toThrow();
  });

  it('names a missing folder, a folder given as a file, and a file in the way', () => {
    expect(message(() => checkOutputFile('--stats', join(dir, 'missing', 'x.csv')))).toMatch(
      /^--stats: .*: a path in an existing folder \(.*missing does not exist\)$/,
    );
    expect(message(() => checkOutputFile('--export-lp', dir))).toMatch(/a file path \(this is a folder\)/);
    expect(message(() => checkOutputFile('--stats', join(dir, 'file.txt', 'x.csv')))).toMatch(/file.txt is a file/);
    expect(message(() => checkOutputFolder('--out', join(dir, 'file.txt', 'sub')))).toMatch(
      /a folder \(.*file.txt is a file\)/,
    );
  });

  it.skipIf(process.getuid?.() === 0)('names a folder without write permission', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    expect(message(() => checkOutputFile('--stats', join(ro, 'x.csv')))).toMatch(/a path in a writable folder/);
    expect(message(() => checkOutputFolder('--out', join(ro, 'sub')))).toMatch(/a writable folder/);
    chmodSync(ro, 0o700);
  });
});

describe('user errors and internal errors', () => {
  it('turns input errors and file-system errors into one line, and leaves bugs to the caller', () => {
    expect(userErrorLine(new InputError('f.json', 'sites[0]', 'an object'))).toBe('f.json: sites[0]: an object');
    const fsErr = Object.assign(new Error("EACCES: permission denied, open '/x'"), {
      code: 'EACCES',
      path: '/x',
      syscall: 'open',
    });
    expect(userErrorLine(fsErr)).toBe('/x: open: EACCES');
    expect(userErrorLine(new TypeError('x is undefined'))).toBeNull();
  });
});

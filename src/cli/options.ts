import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../core/errors.js';
import { strictNumber } from '../core/validation.js';

/** What yargs gives for a string option: undefined, a string, or a list when it was given twice. */
export type RawOption = string | number | readonly (string | number)[] | undefined;

/** Bounds of a numeric option, and how to say them. */
export interface NumberSpec {
  readonly integer?: boolean;
  readonly min?: number;
  /** Strictly greater than this. */
  readonly above?: number;
  readonly max?: number;
}

function expectation(spec: NumberSpec): string {
  const parts = [spec.integer ? 'an integer' : 'a number'];
  if (spec.above !== undefined) parts.push(`> ${spec.above}`);
  if (spec.min !== undefined) parts.push(`>= ${spec.min}`);
  if (spec.max !== undefined) parts.push(`<= ${spec.max}`);
  return parts.join(' ');
}

/** The zod schema of a numeric option given as text: the one strict parser of CLI numbers. */
export function numberTextSchema(spec: NumberSpec): z.ZodType<number, string> {
  const want = expectation(spec);
  let num = z.number().refine(Number.isFinite, want);
  if (spec.integer) num = num.refine(Number.isSafeInteger, want);
  if (spec.min !== undefined) num = num.refine((v) => v >= spec.min!, want);
  if (spec.above !== undefined) num = num.refine((v) => v > spec.above!, want);
  if (spec.max !== undefined) num = num.refine((v) => v <= spec.max!, want);
  return (
    z
      .string()
      .trim()
      // Integers too are read as decimals, then checked: '1e2' and '3.0' mean 100 and 3; '1.5' is refused.
      .transform(strictNumber)
      .pipe(num)
  );
}

/** A numeric option parsed strictly (`abc`, `1.5` for an integer, `-1` below the minimum are one-line errors). */
export function numberOption(flag: string, raw: RawOption, spec: NumberSpec): number | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new InputError(flag, raw.join(' '), 'given once');
  const text = String(raw);
  const parsed = numberTextSchema(spec).safeParse(text);
  if (!parsed.success) throw new InputError(flag, JSON.stringify(text), expectation(spec));
  return parsed.data;
}

/** At most this many worker threads: past 4 per core a pool only adds memory and start-up time. */
export function maxThreads(): number {
  return availableParallelism() * 4;
}

/**
 * `--threads`: a positive integer, default the machine's cores; more than cores x 4 is capped
 * (with a message), since every thread loads its own HiGHS module and a copy of the instance.
 */
export function threadsOption(
  raw: RawOption,
  warn: (message: string) => void,
  fallback = availableParallelism(),
): number {
  const threads = numberOption('--threads', raw, { integer: true, min: 1 }) ?? fallback;
  const cap = maxThreads();
  if (threads > cap) {
    warn(`rlnd: --threads ${threads} capped at ${cap} (${availableParallelism()} cores x 4)`);
    return cap;
  }
  return threads;
}

/** A string option given once (yargs makes a list of a repeated option). */
export function stringOption(flag: string, raw: RawOption): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new InputError(flag, raw.join(' '), 'given once');
  const text = String(raw);
  if (text === '') throw new InputError(flag, '""', 'a non-empty value');
  return text;
}

/** Checks, before any work, that `file` can be written: its folder exists and is writable, and it is not a folder. */
export function checkOutputFile(flag: string, file: string): void {
  const path = resolve(file);
  const st = statOf(path);
  if (st?.isDirectory()) throw new InputError(flag, file, 'a file path (this is a folder)');
  if (st) {
    if (!writable(path)) throw new InputError(flag, file, 'a writable file (permission denied)');
    return;
  }
  const dir = dirname(path);
  const dst = statOf(dir);
  if (!dst) throw new InputError(flag, file, `a path in an existing folder (${dirname(file)} does not exist)`);
  if (!dst.isDirectory()) throw new InputError(flag, file, `a path in a folder (${dirname(file)} is a file)`);
  if (!writable(dir))
    throw new InputError(flag, file, `a path in a writable folder (${dirname(file)}: permission denied)`);
}

/** Checks that an output folder exists as a writable folder or can be created (its nearest existing ancestor is a writable folder). */
export function checkOutputFolder(flag: string, folder: string): void {
  let path = resolve(folder);
  for (;;) {
    const st = statOf(path);
    if (st) {
      if (!st.isDirectory()) throw new InputError(flag, folder, `a folder (${path} is a file)`);
      if (!writable(path)) throw new InputError(flag, folder, `a writable folder (${path}: permission denied)`);
      return;
    }
    const up = dirname(path);
    if (up === path) return;
    path = up;
  }
}

// A path through a file (ENOTDIR) does not exist either.
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HighsHandle } from '../../src/exact/highs-handle.js';

/** Repository root, so tests run from any working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Path of a bundled OR-Library file. */
export const orlibPath = (name: string): string => `${ROOT}instances/orlib-cap/${name}.txt`;

/** Published optima bundled beside the OR-Library files. */
export interface OrlibOptimum {
  capacitated_opt: number | null;
  uncapacitated_opt: number;
  single_source_opt: number | null;
  capacitated_opt_by_capacity?: Record<string, number>;
  single_source_opt_by_capacity?: Record<string, number>;
}
export const ORLIB_OPTIMA: Record<string, OrlibOptimum> = JSON.parse(
  readFileSync(`${ROOT}instances/orlib-cap/optima.json`, 'utf8'),
);

/** The 37 small OR-Library files. */
export const SMALL_ORLIB = Object.keys(ORLIB_OPTIMA).filter((k) => /^cap\d+$/.test(k));

let shared: Promise<HighsHandle> | null = null;
/** One HiGHS handle per test file (each vitest fork is its own thread). */
export function testHandle(): Promise<HighsHandle> {
  shared ??= HighsHandle.load();
  return shared;
}

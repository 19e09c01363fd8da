import type { Problem } from '../core/problem.js';
import { readProblemSource, type ProblemSource } from '../parallel/problem-source.js';
import type { LoadOptions } from '../problems/problem-kind.js';

// Worker threads rebuild a problem from plain data, not from the object: each problem made by
// the public API remembers how to read it again, so `solve(..., { threads })` can start a pool.
const SOURCES = new WeakMap<object, () => Promise<ProblemSource>>();

/** Remembers that `problem` was read from `file` with `options`. */
export function rememberFile(problem: Problem, file: string, options: LoadOptions): void {
  SOURCES.set(problem, () => readProblemSource(file, options));
}

/** Remembers that `problem` was built from a document held in memory. */
export function rememberSource(problem: Problem, source: ProblemSource): void {
  SOURCES.set(problem, () => Promise.resolve(source));
}

/** How workers rebuild `problem`, or null for a problem the public API did not make. */
export function sourceOf(problem: Problem): Promise<ProblemSource> | null {
  return SOURCES.get(problem)?.() ?? null;
}

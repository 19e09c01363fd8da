import { readFileSync } from 'node:fs';
import type { Problem } from '../../src/core/problem.js';
import { problemFromText } from '../../src/problems/load-problem.js';
import type { LoadOptions } from '../../src/problems/problem-kind.js';
import { orlibPath } from './fixtures.js';

/** Loads a bundled OR-Library file as a problem. */
export function orlibProblem(name: string, options: LoadOptions = {}): Problem {
  const file = orlibPath(name);
  return problemFromText(readFileSync(file, 'utf8'), file, options);
}

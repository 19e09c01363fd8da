import type { Problem } from '../core/problem.js';
import { loadProblem as loadAny } from '../problems/load-problem.js';
import type { LoadOptions } from '../problems/problem-kind.js';
import { rememberFile } from './problem-sources.js';

/**
 * Loads an instance: an OR-Library facility-location file (`.txt`), a `.json`/`.yaml` file
 * naming its problem kind, or a network CSV folder (docs/instance-formats.md, docs/network.md).
 * Bad input is an `InputError` naming the file, the place in it and what was expected.
 */
export async function loadProblem(file: string, options: LoadOptions = {}): Promise<Problem> {
  const problem = await loadAny(file, options);
  rememberFile(problem, file, options);
  return problem;
}

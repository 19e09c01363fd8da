import { InputError } from '../core/errors.js';
import { PROBLEM_KINDS } from './kinds.js';
import { CONVERTERS } from './network/convert/index.js';
import type { ProblemKind } from './problem-kind.js';

export type { LoadOptions, ProblemKind } from './problem-kind.js';
export { orlibProblem } from './facility-location/kind.js';

/** Names of all registered problem kinds. */
export function problemKinds(): string[] {
  return PROBLEM_KINDS.map((k) => k.kind);
}

/** Looks a problem kind up by the `problem` field of a JSON instance. */
export function getProblemKind(name: string, file: string): ProblemKind {
  const k = PROBLEM_KINDS.find((p) => p.kind === name);
  // A retired kind whose files `rlnd convert` still reads: say how to carry the file over.
  if (!k && Object.hasOwn(CONVERTERS, name))
    throw new InputError(
      file,
      'problem',
      `a problem kind among ${problemKinds().join(', ')}; '${name}' is retired, rlnd convert ${file} --out <new>.json writes this file as a network`,
    );
  if (!k)
    throw new InputError(
      file,
      'problem',
      `a problem kind among ${problemKinds().join(', ')}, got ${JSON.stringify(name)}`,
    );
  return k;
}

import { InputError } from '../core/errors.js';
import { DEFAULT_KIND, PROBLEM_KINDS } from './kinds.js';
import { CONVERTERS } from './network/convert/index.js';
import type { InstanceGenerator, ProblemKind } from './problem-kind.js';

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

/** The kind a parsed JSON or YAML document names in its `problem` field (the default kind without one). */
export function kindOfData(data: unknown): string {
  return typeof data === 'object' && data !== null && 'problem' in data
    ? String((data as { problem: unknown }).problem)
    : DEFAULT_KIND;
}

type FolderKind = ProblemKind & Required<Pick<ProblemKind, 'readFolder'>>;

const readsFolders = (k: ProblemKind): k is FolderKind => k.readFolder !== undefined;

/** The kind that reads instances given as a folder (CSV tables and a manifest). */
export function folderKind(dir: string): FolderKind {
  const k = PROBLEM_KINDS.find(readsFolders);
  if (!k) throw new InputError(dir, 'file', 'an instance file (no problem kind reads folders)');
  return k;
}

type WorkbookKind = ProblemKind & Required<Pick<ProblemKind, 'readWorkbook'>>;

const readsWorkbooks = (k: ProblemKind): k is WorkbookKind => k.readWorkbook !== undefined;

/** The kind that reads instances given as a workbook (.xlsx). */
export function workbookKind(file: string): WorkbookKind {
  const k = PROBLEM_KINDS.find(readsWorkbooks);
  if (!k) throw new InputError(file, 'file', 'an instance file (no problem kind reads workbooks)');
  return k;
}

/** Every generator of every kind, in the order of the kinds (the order of `rlnd generate --help`). */
export function instanceGenerators(): readonly InstanceGenerator[] {
  return PROBLEM_KINDS.flatMap((k) => k.generators);
}

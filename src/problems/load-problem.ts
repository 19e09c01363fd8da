import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';
import { parseJsonText } from '../io/json-fields.js';
import { parseYamlText } from '../io/yaml-text.js';
import { DEFAULT_KIND } from './kinds.js';
import type { LoadOptions } from './problem-kind.js';
import { folderKind, getProblemKind, kindOfData, workbookKind } from './registry.js';

/**
 * Loads any instance: `.json` and `.yaml` files name their problem kind in a `problem` field
 * (default facility-location), a folder is read by the kind that reads folders (a network as CSV
 * tables, docs/network.md), an `.xlsx` workbook by the kind that reads workbooks (the same tables), and any other file by the default kind (an OR-Library file).
 */
export async function loadProblem(file: string, options: LoadOptions = {}): Promise<Problem> {
  if ((await stat(file).catch(() => null))?.isDirectory()) {
    const k = folderKind(file);
    return k.fromJson(await k.readFolder(file), file, options);
  }
  if (/\.xlsx$/i.test(file)) {
    const k = workbookKind(file);
    return k.fromJson(await k.readWorkbook(file), file, options);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      file,
      'file',
      `a readable instance file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  return problemFromText(text, file, options);
}

/** Same as {@link loadProblem} for text already in memory. */
export function problemFromText(text: string, file: string, options: LoadOptions = {}): Problem {
  if (file.endsWith('.json') || /\.ya?ml$/i.test(file)) {
    const data = file.endsWith('.json') ? parseJsonText(text, file) : parseYamlText(text, file);
    return getProblemKind(kindOfData(data), file).fromJson(data, file, options);
  }
  const k = getProblemKind(DEFAULT_KIND, file);
  if (!k.fromText) throw new InputError(file, 'file', 'a .json or .yaml instance file');
  return k.fromText(text, file, options);
}

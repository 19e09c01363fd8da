import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';
import { readNetworkFolder } from '../problems/network/csv-folder.js';
import { getProblemKind, orlibProblem, type LoadOptions } from '../problems/registry.js';
import { parseJsonText } from './json-fields.js';
import { parseYamlText } from './yaml-text.js';

/**
 * Loads any instance file: `.json` files name their problem kind in a `problem` field
 * (default facility-location); anything else is read as an OR-Library capacitated warehouse file.
 */
export async function loadProblem(file: string, options: LoadOptions = {}): Promise<Problem> {
  // A folder is a network given as CSV tables with a small manifest (docs/network.md).
  if ((await stat(file).catch(() => null))?.isDirectory())
    return getProblemKind('network', file).fromJson(await readNetworkFolder(file), file, options);
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
    const kind =
      typeof data === 'object' && data !== null && 'problem' in data
        ? String((data as { problem: unknown }).problem)
        : 'facility-location';
    return getProblemKind(kind, file).fromJson(data, file, options);
  }
  return orlibProblem(text, file, options);
}

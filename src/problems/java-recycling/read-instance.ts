import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-fields.js';
import type { JavaInstance } from './instance.js';
import { parseJavaJson } from './json-reader.js';

/** Reads a java-recycling instance file (for commands that need the instance, not just the Problem). */
export async function readJavaInstance(file: string): Promise<JavaInstance> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(file, 'file', `a readable instance file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const data = parseJsonText(text, file);
  const kind = typeof data === 'object' && data !== null ? (data as { problem?: unknown }).problem : undefined;
  if (kind !== 'java-recycling') throw new InputError(file, 'problem', `"java-recycling", got ${JSON.stringify(kind)}`);
  return parseJavaJson(data, file);
}

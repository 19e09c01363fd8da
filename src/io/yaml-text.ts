import { parse } from 'yaml';
import { InputError } from '../core/errors.js';

/** Parses YAML text, turning a syntax error into a one-line InputError naming the file. */
export function parseYamlText(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (err) {
    throw new InputError(file, 'YAML syntax', (err as Error).message.split('\n')[0]!);
  }
}

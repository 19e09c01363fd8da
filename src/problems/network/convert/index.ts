import { InputError } from '../../../core/errors.js';
import { parseJsonText } from '../../../io/json-fields.js';
import type { NetworkDocument } from '../schema.js';
import { flJsonConverter, orlibConverter } from './from-facility-location.js';
import { inventoryLocationConverter } from './from-inventory-location.js';
import { jakartaConverter } from './from-jakarta.js';
import { javaRecyclingConverter } from './from-java-recycling.js';
import type { ConvertOptions, Converter } from './types.js';

export type { ConvertInput, ConvertOptions, Converter } from './types.js';

/**
 * Every converter, by source kind: the `problem` field of a JSON instance, or `orlib` for
 * OR-Library text. A new source kind adds one line here.
 */
export const CONVERTERS: Readonly<Record<string, Converter>> = {
  orlib: orlibConverter,
  'facility-location': flJsonConverter,
  'jakarta-rln': jakartaConverter,
  'java-recycling': javaRecyclingConverter,
  'inventory-location': inventoryLocationConverter,
};

/** Kinds `rlnd convert` reads. */
export function convertibleKinds(): string[] {
  return Object.keys(CONVERTERS);
}

/**
 * The source kind of a file: `.json` files name it in `problem` (default facility-location, as
 * `rlnd solve` reads them); anything else is OR-Library text.
 */
export function sourceKind(file: string, data: unknown): string {
  if (data === undefined) return 'orlib';
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InputError(file, '(top level)', 'an object');
  const problem = (data as { problem?: unknown }).problem;
  if (problem === undefined) return 'facility-location';
  if (problem === 'network')
    throw new InputError(file, 'problem', 'an instance of an older kind to convert; this file is already a network');
  if (typeof problem !== 'string' || problem === 'orlib' || !Object.hasOwn(CONVERTERS, problem)) {
    throw new InputError(
      file,
      'problem',
      `a kind rlnd convert reads (${convertibleKinds()
        .filter((k) => k !== 'orlib')
        .join(', ')}), got ${JSON.stringify(problem)}`,
    );
  }
  return problem;
}

/**
 * Converts the text of an old instance file to a network document. Options a converter does not
 * read are refused rather than ignored, so `--capacity` on a Jakarta file is an error.
 */
export function convertText(text: string, file: string, options: ConvertOptions = {}): NetworkDocument {
  const data = file.endsWith('.json') ? parseJsonText(text, file) : undefined;
  const kind = sourceKind(file, data);
  const converter = CONVERTERS[kind]!;
  for (const key of Object.keys(options) as (keyof ConvertOptions)[]) {
    if (options[key] !== undefined && !converter.options.includes(key)) {
      throw new InputError(
        `--${key}`,
        String(options[key]),
        `not an option of ${kind} files (${converter.description})${converter.options.length ? `; they take ${converter.options.map((o) => `--${o}`).join(', ')}` : ''}`,
      );
    }
  }
  return converter.convert({ file, text, data, options });
}

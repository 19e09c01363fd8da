import { InputError } from '../core/errors.js';
import { Field } from '../core/fields.js';

/**
 * Typed accessors for JSON input that take the field path per call (the legacy readers walk
 * documents that way); each check is core/fields.ts's, so errors read as everywhere else.
 */
export class JsonFields {
  constructor(readonly file: string) {}

  private at(value: unknown, path: string): Field {
    return new Field(this.file, path, value);
  }

  /** An object (any keys). */
  object(value: unknown, path: string): Record<string, unknown> {
    return this.at(value, path).record() as Record<string, unknown>;
  }

  /** A list. */
  array(value: unknown, path: string): unknown[] {
    return Array.isArray(value) ? value : this.at(value, path).fail('a list');
  }

  /** A finite number, optionally `>= min` and whole. */
  number(value: unknown, path: string, check: { min?: number; integer?: boolean } = {}): number {
    return this.at(value, path).number(check);
  }

  /** {@link number}, or undefined when the key is absent. */
  optionalNumber(value: unknown, path: string, check: { min?: number; integer?: boolean } = {}): number | undefined {
    return value === undefined ? undefined : this.number(value, path, check);
  }

  /** A non-empty string; a number is taken as its text (ids are often written as numbers). */
  string(value: unknown, path: string): string {
    return typeof value === 'number' ? String(value) : this.at(value, path).string();
  }

  /** One of a few words. */
  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
    return this.at(value, path).oneOf(options);
  }
}

/** Parses JSON text, turning a syntax error into an InputError naming the file. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(file, 'JSON syntax', (err as Error).message);
  }
}

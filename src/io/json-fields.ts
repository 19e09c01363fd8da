import { InputError } from '../core/errors.js';

/** Small typed accessors for JSON input that fail with the file and the field path. */
export class JsonFields {
  constructor(readonly file: string) {}

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new InputError(this.file, path, 'an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) throw new InputError(this.file, path, 'an array');
    return value;
  }

  number(value: unknown, path: string, check: { min?: number; integer?: boolean } = {}): number {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InputError(this.file, path, `a number, got ${JSON.stringify(value)}`);
    if (check.min !== undefined && value < check.min)
      throw new InputError(this.file, path, `a number >= ${check.min}, got ${value}`);
    if (check.integer && !Number.isInteger(value)) throw new InputError(this.file, path, `an integer, got ${value}`);
    return value;
  }

  optionalNumber(value: unknown, path: string, check: { min?: number; integer?: boolean } = {}): number | undefined {
    return value === undefined ? undefined : this.number(value, path, check);
  }

  string(value: unknown, path: string): string {
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value === '') throw new InputError(this.file, path, 'a non-empty string');
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      throw new InputError(this.file, path, `one of ${options.join(', ')}, got ${JSON.stringify(value)}`);
    }
    return value as T;
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

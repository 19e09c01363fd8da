import { InputError } from './errors.js';
import { unknownKeyMessage } from './validation.js';

/**
 * A value read from plain input data (a config, a JSON document) with its key path, for one-line
 * errors that say where and what was expected. Where a zod schema fits, use `validate` instead;
 * both word their errors alike (validation.ts).
 */
export class Field {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly value: unknown,
  ) {}

  /** The child at `key` (an object key or array index). */
  at(key: string | number): Field {
    const v = this.value as Record<string | number, unknown> | undefined;
    const path = typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    return new Field(this.file, path, v === undefined || v === null ? undefined : v[key]);
  }

  /** True when the key is given; `key:` with no value (null) counts as given, so it fails as what it is, not as the default. */
  get present(): boolean {
    return this.value !== undefined;
  }

  /** Throws the one-line InputError `file: path: expected, got value` (or `(missing)`). */
  fail(expected: string): never {
    throw new InputError(
      this.file,
      this.path || '(top level)',
      `${expected}${this.present ? `, got ${JSON.stringify(this.value)}` : ' (missing)'}`,
    );
  }

  /** Checks that the value is an object with only the given keys (typos are errors). */
  object(allowed: readonly string[]): Field {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      this.fail(`an object with keys among ${allowed.join(', ')}`);
    const unknown = Object.keys(this.value as object).find((key) => !allowed.includes(key));
    if (unknown !== undefined)
      throw new InputError(this.file, this.at(unknown).path, unknownKeyMessage(unknown, allowed));
    return this;
  }

  /** Checks that the value is an object (any keys); returns its entries' record. */
  record(): Readonly<Record<string, unknown>> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('an object');
    return this.value as Record<string, unknown>;
  }

  /** The object's keys ([] for anything else). */
  keys(): string[] {
    return typeof this.value === 'object' && this.value !== null ? Object.keys(this.value) : [];
  }

  /** The list's elements as fields (`path[i]`). */
  items(): Field[] {
    if (!Array.isArray(this.value)) this.fail('a list');
    return (this.value as unknown[]).map((_, i) => this.at(i));
  }

  /** A finite number within the given bounds. */
  number(check: { min?: number; max?: number; integer?: boolean; positive?: boolean } = {}): number {
    const v = this.value;
    const want = [
      check.integer ? 'an integer' : 'a number',
      ...(check.positive ? ['> 0'] : []),
      ...(check.min !== undefined ? [`>= ${check.min}`] : []),
      ...(check.max !== undefined ? [`<= ${check.max}`] : []),
    ].join(' ');
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(want);
    if (
      (check.integer && !Number.isInteger(v)) ||
      (check.positive && v <= 0) ||
      (check.min !== undefined && v < check.min) ||
      (check.max !== undefined && v > check.max)
    )
      this.fail(want);
    return v;
  }

  /** A non-empty string. */
  string(): string {
    if (typeof this.value !== 'string' || this.value === '') this.fail('a non-empty string');
    return this.value as string;
  }

  /** One of a few words. */
  oneOf<T extends string>(choices: readonly T[]): T {
    if (typeof this.value !== 'string' || !choices.includes(this.value as T)) this.fail(`one of ${choices.join(', ')}`);
    return this.value as T;
  }

  /** true or false. */
  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('true or false');
    return this.value as boolean;
  }

  /** A scalar or a list of scalars, as a list. */
  list<T>(read: (f: Field) => T): T[] {
    return Array.isArray(this.value) ? this.items().map(read) : [read(this)];
  }

  /** Plain JSON-like data (method parameters): objects, lists, strings, numbers, booleans. */
  plain(): Readonly<Record<string, unknown>> {
    if (!this.present) return {};
    if (typeof this.value !== 'object' || Array.isArray(this.value)) this.fail('an object of parameters');
    return this.value as Record<string, unknown>;
  }
}

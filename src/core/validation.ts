import { z } from 'zod';
import { InputError } from './errors.js';

// Decimal or scientific notation only: no hex, no '', no 'Infinity', no '1_000', no '27,022', no '12 kg'.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A number written in plain decimal or scientific notation (`7500.`, `.25`, `1e3`), NaN for
 * anything else: the one strict reader of numbers given as text (CLI options, CSV cells, OR-Library tokens).
 */
export function strictNumber(text: string): number {
  return DECIMAL.test(text) ? Number(text) : NaN;
}

/** Levenshtein distance (case-insensitive), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name nearest to `name`, if it is close enough to be a likely typo. */
export function nearestName(name: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** "an unknown key; did you mean 'x'?" or the list of known keys: the one wording for every input. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const near = nearestName(key, known);
  return `a known key (unknown key${near ? `; did you mean '${near}'?` : `; known: ${known.join(', ')}`})`;
}

/** Keys a strict object schema at `path` accepts. */
function knownKeys(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  const out = new Set<string>();
  const visit = (s: z.ZodType, value: unknown, rest: readonly PropertyKey[]): void => {
    const def = (s as unknown as { def: { type: string } }).def;
    if (def.type === 'object') {
      const shape = (s as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
      if (rest.length === 0) Object.keys(shape).forEach((k) => out.add(k));
      else {
        const next = shape[String(rest[0])];
        if (next) visit(next, (value as Record<string, unknown> | undefined)?.[String(rest[0])], rest.slice(1));
      }
    } else if (def.type === 'array' && typeof rest[0] === 'number') {
      visit(
        (s as unknown as z.ZodArray<z.ZodType>).element,
        Array.isArray(value) ? value[rest[0]] : undefined,
        rest.slice(1),
      );
    } else if (def.type === 'union') {
      for (const o of (s as unknown as z.ZodUnion<z.ZodType[]>).options) visit(o, value, rest);
    } else if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      visit((s as unknown as { def: { innerType: z.ZodType } }).def.innerType, value, rest);
    } else if (def.type === 'record' && rest.length > 0) {
      visit(
        (s as unknown as { def: { valueType: z.ZodType } }).def.valueType,
        (value as Record<string, unknown> | undefined)?.[String(rest[0])],
        rest.slice(1),
      );
    } else if (def.type === 'pipe') {
      visit((s as unknown as { def: { in: z.ZodType } }).def.in, value, rest);
    }
  };
  visit(schema, data, path);
  return [...out];
}

/** `sites[3].capacity` from a zod path, with the element's id where there is one. */
function fieldOf(data: unknown, path: readonly PropertyKey[], prefix: string): string {
  let out = prefix;
  let cur: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      cur = Array.isArray(cur) ? cur[key] : undefined;
      const id = typeof cur === 'object' && cur !== null && 'id' in cur ? (cur as { id: unknown }).id : undefined;
      if (typeof id === 'string' || typeof id === 'number') out += ` (${id})`;
    } else {
      out += out === '' ? String(key) : `.${String(key)}`;
      cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path)
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[String(k)] : undefined;
  return cur;
}

/** The most useful single message for a failed validation: where, and what was expected. */
function describeIssue(
  schema: z.ZodType,
  data: unknown,
  issue: z.core.$ZodIssue,
  prefix: string,
  docs: string | undefined,
): { where: string; expected: string } {
  const where = fieldOf(data, issue.path, prefix);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return {
      where: `${where === '(top level)' ? '' : `${where}.`}${key}`,
      expected: unknownKeyMessage(key, knownKeys(schema, data, issue.path)),
    };
  }
  if (issue.code === 'invalid_union') {
    // The branch that got furthest names the deepest field.
    const branches = (issue as unknown as { errors: z.core.$ZodIssue[][] }).errors;
    const deepest = branches.flat().sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest && deepest.path.length > 0)
      return describeIssue(schema, data, { ...deepest, path: [...issue.path, ...deepest.path] }, prefix, docs);
    const got = valueAt(data, issue.path);
    return { where, expected: `a valid value${docs ? ` (see ${docs})` : ''}, got ${JSON.stringify(got)}` };
  }
  const got = valueAt(data, issue.path);
  return {
    where,
    expected: `${expectation(issue)}${got === undefined ? ' (missing)' : `, got ${JSON.stringify(got)}`}`,
  };
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  int: 'an integer',
};

/** What an issue expected, in the words rlnd uses elsewhere ("a number >= 0", "one of a, b"). */
function expectation(issue: z.core.$ZodIssue): string {
  const i = issue as unknown as {
    code: string;
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    values?: unknown[];
    format?: string;
  };
  const what = ARTICLE[i.origin ?? ''] ?? (i.origin === 'array' ? 'a list' : 'a value');
  if (i.code === 'invalid_type') return ARTICLE[i.expected ?? ''] ?? `a ${i.expected}`;
  if (i.code === 'too_small')
    return i.origin === 'array'
      ? `a list of at least ${i.minimum}`
      : i.origin === 'string'
        ? 'a non-empty string'
        : `${what} ${i.inclusive ? '>=' : '>'} ${i.minimum}`;
  if (i.code === 'too_big')
    return i.origin === 'array' ? `a list of at most ${i.maximum}` : `${what} ${i.inclusive ? '<=' : '<'} ${i.maximum}`;
  if (i.code === 'invalid_value') return `one of ${(i.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  if (i.code === 'invalid_format') return `a ${i.format ?? 'well-formed'} value`;
  return issue.message;
}

/** JSON turns 1e999 into Infinity and YAML accepts .inf / .nan: name them before a schema says "got null". */
export function checkFiniteNumbers(value: unknown, file: string, where = ''): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new InputError(file, where || '(top level)', `a finite number, got ${value}`);
  if (Array.isArray(value)) value.forEach((v, i) => checkFiniteNumbers(v, file, `${where}[${i}]`));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) checkFiniteNumbers(v, file, where ? `${where}.${k}` : k);
}

/**
 * Validates `data` with a zod schema (strict objects: unknown keys are errors with the nearest
 * known key suggested) and throws one-line InputErrors `file: where: expected, got ...`.
 * `prefix` is the key path of `data` inside its file (e.g. `methods[0].params`); `docs` names the
 * page that describes the format, for a value no branch of a union accepts.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  prefix = '',
  docs?: string,
): z.output<S> {
  checkFiniteNumbers(data, file, prefix);
  const result = schema.safeParse(data);
  if (!result.success) {
    // A misspelled key also shows as a required key missing: the typo is the cause, so say that first.
    const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
    const { where, expected } = describeIssue(schema, data, issue, prefix, docs);
    throw new InputError(file, where, expected);
  }
  return result.data;
}

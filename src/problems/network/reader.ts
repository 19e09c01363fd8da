import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-fields.js';
import { parseYamlText } from '../../io/yaml-text.js';
import { compileNetwork } from './compile.js';
import type { NetworkInstance } from './instance.js';
import { NetworkDocumentSchema, type NetworkDocument } from './schema.js';
import { nearest } from './values.js';

/** `nodes[3].capacity` from a zod path, with the node's id where there is one. */
function fieldOf(data: unknown, path: readonly PropertyKey[]): string {
  let out = '';
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

/** Keys a strict object schema at `path` accepts (for "did you mean"). */
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

/** The most useful single message for a failed validation. */
function describe(data: unknown, issue: z.core.$ZodIssue): { where: string; expected: string } {
  const where = fieldOf(data, issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(NetworkDocumentSchema, data, issue.path);
    const key = issue.keys[0]!;
    const near = nearest(key, known);
    return {
      where: `${where === '(top level)' ? '' : `${where}.`}${key}`,
      expected: `a known key (unknown key${near ? `; did you mean '${near}'?` : `; known: ${known.join(', ')}`})`,
    };
  }
  if (issue.code === 'invalid_union') {
    // Report the branch that got furthest: its first issue names the deepest field.
    const branches = (issue as unknown as { errors: z.core.$ZodIssue[][] }).errors;
    const deepest = branches.flat().sort((a, b) => b.path.length - a.path.length)[0];
    if (deepest && deepest.path.length > 0)
      return describe(data, { ...deepest, path: [...issue.path, ...deepest.path] });
    const got = valueAt(data, issue.path);
    return { where, expected: `a valid value (see docs/network.md), got ${JSON.stringify(got)}` };
  }
  const got = valueAt(data, issue.path);
  return { where, expected: `${issue.message}${got === undefined ? '' : `, got ${JSON.stringify(got)}`}` };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const k of path)
    cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[String(k)] : undefined;
  return cur;
}

/** Validates a raw network document (from JSON, YAML or a CSV folder); one-line errors. */
export function parseNetworkDocument(data: unknown, file: string): NetworkDocument {
  checkNumbers(data, file, '');
  const result = NetworkDocumentSchema.safeParse(data);
  if (!result.success) {
    const { where, expected } = describe(data, result.error.issues[0]!);
    throw new InputError(file, where, expected);
  }
  return result.data;
}

/** JSON turns 1e999 into Infinity and YAML accepts .inf / .nan: name them before the schema says "got null". */
function checkNumbers(value: unknown, file: string, where: string): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new InputError(file, where || '(top level)', `a finite number, got ${value}`);
  if (Array.isArray(value)) value.forEach((v, i) => checkNumbers(v, file, `${where}[${i}]`));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) checkNumbers(v, file, where ? `${where}.${k}` : k);
}

/** Parses network text: YAML for `.yaml`/`.yml`, JSON otherwise. */
export function parseNetworkText(text: string, file: string): unknown {
  return /\.ya?ml$/i.test(file) ? parseYamlText(text, file) : parseJsonText(text, file);
}

/** A compiled network from file text (JSON or YAML). */
export function networkFromText(text: string, file: string): NetworkInstance {
  return networkFromData(parseNetworkText(text, file), file);
}

/** A compiled network from a raw document. */
export function networkFromData(data: unknown, file: string): NetworkInstance {
  return compileNetwork(parseNetworkDocument(data, file), file);
}

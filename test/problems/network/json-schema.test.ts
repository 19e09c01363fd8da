import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readNetworkFolder } from '../../../src/problems/network/csv-folder.js';
import { NETWORK_SCHEMA_PATH, networkJsonSchemaText } from '../../../src/problems/network/json-schema.js';
import { NetworkDocumentSchema } from '../../../src/problems/network/schema.js';
import { ROOT } from '../../helpers/fixtures.js';

type Schema = Record<string, unknown>;

/*
 * No JSON Schema validator is installed (no ajv in node_modules), so this is a checker of the
 * keywords zod emits, enough to run the published file against documents. An unknown keyword
 * fails the test instead of being ignored, so the checker cannot silently pass a newer output.
 */
const KNOWN = new Set([
  '$schema',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'anyOf',
  'const',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'minLength',
]);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'integer':
      return Number.isInteger(v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      throw new Error(`checker: unknown type ${type}`);
  }
}

/** Errors of `v` against `s` (JSON paths); [] when valid. */
function check(root: Schema, s: Schema, v: unknown, path = '$'): string[] {
  for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`checker: keyword ${k} not supported`);
  if (typeof s.$ref === 'string') {
    const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)![1]!;
    return check(root, (root.$defs as Record<string, Schema>)[name]!, v, path);
  }
  const errs: string[] = [];
  if (s.anyOf) {
    const branches = (s.anyOf as Schema[]).map((b) => check(root, b, v, path));
    if (branches.every((b) => b.length > 0))
      errs.push(`${path}: no anyOf branch matches (${branches.map((b) => b[0]).join(' | ')})`);
  }
  if (s.type !== undefined && !typeOk(s.type as string, v)) return [...errs, `${path}: not ${String(s.type)}`];
  if ('const' in s && v !== s.const) errs.push(`${path}: not ${JSON.stringify(s.const)}`);
  if (s.enum && !(s.enum as unknown[]).includes(v)) errs.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) errs.push(`${path}: < ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) errs.push(`${path}: > ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum)
      errs.push(`${path}: <= ${s.exclusiveMinimum}`);
  }
  if (typeof v === 'string' && typeof s.minLength === 'number' && v.length < s.minLength)
    errs.push(`${path}: too short`);
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if (s.items) v.forEach((x, i) => errs.push(...check(root, s.items as Schema, x, `${path}[${i}]`)));
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const r of (s.required ?? []) as string[]) if (!(r in v)) errs.push(`${path}: missing ${r}`);
    for (const [k, x] of Object.entries(v)) {
      if (props[k]) errs.push(...check(root, props[k]!, x, `${path}.${k}`));
      else if (s.additionalProperties === false) errs.push(`${path}: unknown key ${k}`);
      else if (typeof s.additionalProperties === 'object')
        errs.push(...check(root, s.additionalProperties as Schema, x, `${path}.${k}`));
      if (s.propertyNames) errs.push(...check(root, s.propertyNames as Schema, k, `${path}{${k}}`));
    }
  }
  return errs;
}

// Documents are checked against the committed file, the one editors read.
const schema = JSON.parse(readFileSync(ROOT + NETWORK_SCHEMA_PATH, 'utf8')) as Schema;
const EXAMPLES = `${ROOT}docs/examples/network/`;

/** Every example under docs/examples/network/ as raw data (a folder read as a CSV folder). */
async function examples(): Promise<[string, unknown][]> {
  const out: [string, unknown][] = [];
  for (const name of readdirSync(EXAMPLES).sort()) {
    const path = EXAMPLES + name;
    if (statSync(path).isDirectory()) out.push([name, await readNetworkFolder(path)]);
    else
      out.push([
        name,
        name.endsWith('.json') ? JSON.parse(readFileSync(path, 'utf8')) : parseYaml(readFileSync(path, 'utf8')),
      ]);
  }
  return out;
}

describe('published JSON Schema', () => {
  it(`${NETWORK_SCHEMA_PATH} is the generated schema (regenerate: node dist/problems/network/json-schema.js > ${NETWORK_SCHEMA_PATH})`, () => {
    expect(readFileSync(ROOT + NETWORK_SCHEMA_PATH, 'utf8')).toBe(networkJsonSchemaText());
  });

  it('describes input documents: strict objects, ids as strings or numbers, the schema bounds', () => {
    const defs = schema.$defs as Record<string, Schema & { properties: Record<string, Schema> }>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['problem', 'name', 'products', 'nodes']);
    expect(defs.Node!.additionalProperties).toBe(false);
    expect(defs.Node!.properties.id).toEqual({ anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] });
    expect(defs.Node!.properties.lat).toEqual({ type: 'number', minimum: -90, maximum: 90 });
    expect((defs.PeriodValue!.anyOf as Schema[])[0]).toEqual({ type: 'number', minimum: 0 });
    expect(Object.keys(defs).sort()).toEqual(
      [
        'Arc',
        'ArcRule',
        'Capacity',
        'Conversion',
        'DemandAmount',
        'Group',
        'Inventory',
        'Node',
        'PeriodValue',
        'Product',
        'ProductValue',
        'SupplyAmount',
        'TechOption',
        'Formulation',
      ].sort(),
    );
  });

  it('every example validates against it and against the zod schema', async () => {
    const all = await examples();
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const [name, doc] of all) {
      expect(check(schema, schema, doc), name).toEqual([]);
      expect(NetworkDocumentSchema.safeParse(doc).success, name).toBe(true);
    }
  });

  it('rejects what the reader rejects on shape: unknown keys, negative amounts, a wrong problem, bad ids', async () => {
    const contract = JSON.parse(readFileSync(`${EXAMPLES}contract.json`, 'utf8'));
    const variants: [string, (d: typeof contract) => void][] = [
      ['unknown top-level key', (d) => (d.nodez = [])],
      ['unknown node key', (d) => (d.nodes[1].fixedcost = 1)],
      ['negative capacity', (d) => (d.nodes[1].capacity = -1)],
      ['wrong problem', (d) => (d.problem = 'facility-location')],
      ['empty id', (d) => (d.nodes[0].id = '')],
      ['latitude out of range', (d) => (d.nodes[0].lat = 100)],
      ['empty product list', (d) => (d.products = [])],
      ['demand in words', (d) => (d.nodes[2].demand.u = 'eleven')],
    ];
    for (const [what, change] of variants) {
      const d = structuredClone(contract);
      change(d);
      expect(check(schema, schema, d).length, what).toBeGreaterThan(0);
      expect(NetworkDocumentSchema.safeParse(d).success, what).toBe(false);
    }
  });
});

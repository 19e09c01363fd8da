import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-fields.js';
import { documentFromTablesChecked, type NetworkTables, type TableKey } from './csv-document.js';
import { didYouMean, parseCsvTable } from './csv-table.js';

/** The tables a folder may hold, by manifest key, with their default file names. */
export const TABLE_FILES = {
  products: 'products.csv',
  nodes: 'nodes.csv',
  echelons: 'echelons.csv',
  options: 'options.csv',
  conversions: 'conversions.csv',
  inventory: 'inventory.csv',
  arcs: 'arcs.csv',
  arcRules: 'arc-rules.csv',
  groups: 'groups.csv',
} as const satisfies Record<TableKey, string>;

/** Manifest names, in the order they are looked for. */
export const MANIFEST_FILES = ['network.yaml', 'network.yml', 'network.json'] as const;

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(file, 'file', `a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/** The manifest path of a folder (exactly one of network.yaml / .yml / .json). */
export async function networkManifest(dir: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    throw new InputError(dir, 'folder', `a readable folder (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  const found = MANIFEST_FILES.filter((m) => names.includes(m));
  if (found.length !== 1) {
    throw new InputError(
      dir,
      'manifest',
      found.length === 0
        ? `a manifest file ${MANIFEST_FILES.join(' or ')} in the folder`
        : `one manifest, got ${found.join(' and ')}`,
    );
  }
  return join(dir, found[0]!);
}

/** Which table files to read: the manifest's `tables`, or else every default name present. */
async function tableFiles(dir: string, manifest: string, tables: unknown): Promise<Partial<Record<TableKey, string>>> {
  const known = Object.keys(TABLE_FILES) as TableKey[];
  if (tables !== undefined) {
    if (typeof tables !== 'object' || tables === null || Array.isArray(tables))
      throw new InputError(manifest, 'tables', `an object {table: file}, tables: ${known.join(', ')}`);
    const out: Partial<Record<TableKey, string>> = {};
    for (const [key, file] of Object.entries(tables)) {
      if (!known.includes(key as TableKey))
        throw new InputError(
          manifest,
          `tables.${key}`,
          `a known table${didYouMean(key, known)}; tables: ${known.join(', ')}`,
        );
      if (typeof file !== 'string' || file === '')
        throw new InputError(manifest, `tables.${key}`, 'a file name relative to the folder');
      out[key as TableKey] = join(dir, file);
    }
    return out;
  }
  // Without `tables`, a CSV file with an unknown name is a typo (node.csv), not something to skip.
  const defaults = Object.values(TABLE_FILES) as string[];
  const out: Partial<Record<TableKey, string>> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const key = known.find((k) => TABLE_FILES[k] === name);
    if (!key)
      throw new InputError(
        join(dir, name),
        'file name',
        `a known table name${didYouMean(name, defaults)} (tables: ${defaults.join(', ')}), or list the folder's tables under 'tables' in the manifest`,
      );
    out[key] = join(dir, name);
  }
  return out;
}

/**
 * Reads a CSV folder (a manifest `network.yaml`/`.yml`/`.json` with the scalar fields, and the
 * tables of docs/network.md "CSV folder") into the plain network document a `.json` file would
 * hold, so the same zod schema validates both. Cell errors name file, row and column; where a
 * value from a table fails the schema, the message names its cell too.
 */
export async function readNetworkFolder(dir: string): Promise<unknown> {
  const manifestPath = await networkManifest(dir);
  const text = await readText(manifestPath);
  let data: unknown;
  if (manifestPath.endsWith('.json')) data = parseJsonText(text, manifestPath);
  else {
    try {
      data = parseYaml(text);
    } catch (err) {
      throw new InputError(manifestPath, 'YAML syntax', (err as Error).message.split('\n')[0]!);
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InputError(
      manifestPath,
      '(top level)',
      'an object with the network fields (problem, name, products, ...)',
    );
  const { tables, ...doc } = data as Record<string, unknown>;
  const files = await tableFiles(dir, manifestPath, tables);
  const read: NetworkTables = {};
  for (const [key, file] of Object.entries(files) as [TableKey, string][])
    read[key] = parseCsvTable(await readText(file), file);
  return documentFromTablesChecked(doc, read, manifestPath);
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-fields.js';
import {
  addRefs,
  attachConversions,
  attachInventory,
  attachOptions,
  type NodeData,
  type RefMap,
} from './csv-attach.js';
import { NO_REFS, TableColumns, type ColumnContext } from './csv-columns.js';
import { checkArcs, checkGroups, groupsFrom } from './csv-links.js';
import { ARC_RULES, ARCS, ECHELONS, NODES, PRODUCTS } from './csv-specs.js';
import { cellError, didYouMean, parseCsvTable, type CsvTable } from './csv-table.js';
import { NetworkDocumentSchema } from './schema.js';

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
} as const;
type TableKey = keyof typeof TABLE_FILES;

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

function idsOf(products: unknown): string[] {
  if (!Array.isArray(products)) return [];
  return products.map((p) =>
    typeof p === 'object' && p !== null && 'id' in p ? String((p as { id: unknown }).id) : String(p),
  );
}

/** Reads every row of a table with its column spec, recording where each value came from. */
function readRows(table: CsvTable, cols: TableColumns, refs: RefMap, prefix: string): Record<string, unknown>[] {
  return table.rows.map((row, i) => {
    const { values, refs: rowRefs } = cols.read(row);
    addRefs(refs, `${prefix}.${i}`, rowRefs);
    return values;
  });
}

/**
 * Reads a CSV folder (a manifest `network.yaml`/`.yml`/`.json` with the scalar fields, and the
 * tables of docs/network.md "CSV folder") into the plain network document a `.json` file would
 * hold, so the same zod schema validates both. Cell errors name file, row and column; where a
 * value from a table fails the schema, the message names its cell too.
 */
export async function readNetworkFolder(dir: string): Promise<unknown> {
  const doc = await assemble(dir, NO_REFS);
  if (NetworkDocumentSchema.safeParse(doc).success) return doc;
  // Only a failing folder pays for knowing the cell of every value: read it again, recording them.
  const refs: RefMap = new Map();
  reportAtCell(await assemble(dir, refs), refs);
  return doc;
}

/** The document of a folder; `refs` records the cell of each value unless it is {@link NO_REFS}. */
async function assemble(dir: string, refs: RefMap): Promise<Record<string, unknown>> {
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
  const read: Partial<Record<TableKey, CsvTable>> = {};
  for (const [key, file] of Object.entries(files) as [TableKey, string][])
    read[key] = parseCsvTable(await readText(file), file);

  const fills: Partial<Record<TableKey, string>> = {
    products: 'products',
    nodes: 'nodes',
    echelons: 'echelonDefaults',
    arcs: 'arcs',
    arcRules: 'arcRules',
    groups: 'groups',
  };
  for (const [key, field] of Object.entries(fills) as [TableKey, string][]) {
    if (read[key] && doc[field] !== undefined)
      throw new InputError(
        manifestPath,
        field,
        `no '${field}' here: ${read[key]!.file} gives it (one place per field)`,
      );
  }
  const periods =
    typeof doc.periods === 'number' && Number.isInteger(doc.periods) && doc.periods >= 1 ? doc.periods : 1;
  let ctx: ColumnContext = {
    products: idsOf(doc.products),
    productGroups: Object.keys((doc.productGroups ?? {}) as object),
    periods,
    track: refs !== NO_REFS,
  };

  if (read.products) {
    const rows = readRows(read.products, new TableColumns(read.products, PRODUCTS, ctx), refs, 'products');
    const groups: Record<string, string[]> = {};
    doc.products = rows.map(({ productGroups, ...p }) => {
      for (const g of (productGroups ?? []) as string[]) (groups[g] ??= []).push(String(p.id));
      return Object.keys(p).length === 1 ? p.id : p;
    });
    if (Object.keys(groups).length > 0) {
      if (doc.productGroups !== undefined)
        throw new InputError(
          manifestPath,
          'productGroups',
          `no 'productGroups' here: the productGroups column of ${read.products.file} gives them`,
        );
      doc.productGroups = groups;
    }
    ctx = { ...ctx, products: idsOf(doc.products), productGroups: Object.keys(groups) };
  }
  if (read.nodes) doc.nodes = readRows(read.nodes, new TableColumns(read.nodes, NODES, ctx), refs, 'nodes');
  if (read.echelons) {
    const defaults: Record<string, NodeData> = {};
    const cols = new TableColumns(read.echelons, ECHELONS, ctx);
    for (const row of read.echelons.rows) {
      const { values, refs: rowRefs } = cols.read(row);
      const { echelon, ...fields } = values as { echelon: string } & NodeData;
      if (defaults[echelon])
        throw cellError(cols.where(row, 'echelon'), `one row per echelon (${echelon} is given twice)`);
      defaults[echelon] = fields;
      addRefs(refs, `echelonDefaults.${echelon}`, new Map([...rowRefs].filter(([p]) => p !== 'echelon')));
    }
    doc.echelonDefaults = defaults;
  }
  const nodes = (Array.isArray(doc.nodes) ? doc.nodes : []) as NodeData[];
  const attaching = (['options', 'conversions', 'inventory'] as const).filter((k) => read[k]);
  if (attaching.length > 0 && !Array.isArray(doc.nodes))
    throw new InputError(
      manifestPath,
      'nodes',
      `a node list (nodes.csv or 'nodes' in the manifest) for ${attaching.map((k) => read[k]!.file).join(', ')}`,
    );
  if (read.options) attachOptions(read.options, ctx, nodes, refs);
  if (read.conversions)
    attachConversions(
      read.conversions,
      ctx,
      nodes,
      () => (doc.echelonDefaults ??= {}) as Record<string, NodeData>,
      refs,
    );
  if (read.inventory) attachInventory(read.inventory, ctx, nodes, refs);
  if (read.arcs) {
    doc.arcs = readRows(read.arcs, new TableColumns(read.arcs, ARCS, ctx), refs, 'arcs');
    checkArcs(read.arcs, doc.arcs as NodeData[], nodes, 'node');
  }
  if (read.arcRules) {
    doc.arcRules = readRows(read.arcRules, new TableColumns(read.arcRules, ARC_RULES, ctx), refs, 'arcRules');
    checkArcs(read.arcRules, doc.arcRules as NodeData[], nodes, 'echelon');
  }
  if (read.groups) {
    doc.groups = groupsFrom(read.groups, ctx, refs);
    checkGroups(read.groups, doc.groups as NodeData[], nodes);
  }
  return doc;
}

/**
 * A schema failure inside a value read from a table is reported at its cell; failures in the
 * manifest's own fields are left to the reader (parseNetworkDocument), which names the key.
 */
function reportAtCell(doc: Record<string, unknown>, refs: RefMap): void {
  const result = NetworkDocumentSchema.safeParse(doc);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const parts = issue.path.map(String);
    for (let n = parts.length; n > 0; n--) {
      const ref = refs.get(parts.slice(0, n).join('.'));
      if (ref) throw cellError(ref, issue.message);
    }
  }
}

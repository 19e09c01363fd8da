import { TableColumns, type ColumnContext } from './csv-columns.js';
import { CONVERSIONS, INVENTORY, OPTIONS } from './csv-specs.js';
import { cellError, didYouMean, type CellRef, type CsvRow, type CsvTable } from './csv-table.js';

/** A node of the document being assembled (plain data, validated later by the zod schema). */
export type NodeData = Record<string, unknown>;

/** Source cells of the assembled document by dotted path (`nodes.3.options.0`), for messages. */
export type RefMap = Map<string, CellRef>;

/** Copies a row's cell refs under `prefix`. */
export function addRefs(refs: RefMap, prefix: string, rowRefs: Map<string, CellRef>): void {
  for (const [path, ref] of rowRefs) refs.set(path === '' ? prefix : `${prefix}.${path}`, ref);
}

/** Index of each node by id, for tables that refer to nodes. */
export function nodeIndex(nodes: readonly NodeData[]): Map<string, number> {
  return new Map(nodes.map((n, i) => [String(n.id), i]));
}

function nodeAt(index: Map<string, number>, id: string, ref: CellRef): number {
  const i = index.get(id);
  if (i === undefined) throw cellError(ref, `a node id, got "${id}"${didYouMean(id, index.keys())}`);
  return i;
}

function refuse(node: NodeData, key: string, ref: CellRef, table: string): void {
  if (node[key] !== undefined)
    throw cellError(
      ref,
      `a node whose ${key} is not also given in the manifest (${table} sets node ${String(node.id)}'s ${key})`,
    );
}

/** options.csv: each row is one technology option of a node, in row order. */
export function attachOptions(table: CsvTable, ctx: ColumnContext, nodes: NodeData[], refs: RefMap): void {
  const cols = new TableColumns(table, OPTIONS, ctx);
  const index = nodeIndex(nodes);
  const seen = new Set<string>();
  for (const row of table.rows) {
    const { values, refs: rowRefs } = cols.read(row);
    const { node: id, ...option } = values as { node: string } & Record<string, unknown>;
    const i = nodeAt(index, id, cols.where(row, 'node'));
    const node = nodes[i]!;
    if (!seen.has(id)) refuse(node, 'options', cols.where(row, 'node'), table.file);
    const key = `${id}\u0000${String(option.id)}`;
    if (seen.has(key))
      throw cellError(
        cols.where(row, 'id'),
        `an option id used once per node (node ${id} already has option ${String(option.id)})`,
      );
    seen.add(id).add(key);
    const list = (node.options ??= []) as Record<string, unknown>[];
    addRefs(refs, `nodes.${i}.options.${list.length}`, rowRefs);
    list.push(option);
  }
}

/** Where a conversions.csv row applies: a node, a node's option, or an echelon's defaults. */
type Place =
  | { kind: 'node'; node: number }
  | { kind: 'option'; node: number; option: number }
  | { kind: 'echelon'; echelon: string };

function placeOf(cols: TableColumns, row: CsvRow, nodes: readonly NodeData[], index: Map<string, number>): Place {
  const node = cols.text(row, 'node');
  const echelon = cols.text(row, 'echelon');
  const option = cols.text(row, 'option');
  if ((node === '') === (echelon === ''))
    throw cellError(
      { file: cols.where(row, 'node').file, row: row.row },
      'a node or an echelon (exactly one of the two columns filled)',
    );
  if (echelon !== '') {
    if (option !== '')
      throw cellError(
        cols.where(row, 'option'),
        'no option on an echelon row (an option belongs to a node: fill node instead)',
      );
    const echelons = new Set(nodes.map((n) => String(n.echelon)));
    if (!echelons.has(echelon))
      throw cellError(
        cols.where(row, 'echelon'),
        `an echelon of some node, got "${echelon}"${didYouMean(echelon, echelons)}`,
      );
    return { kind: 'echelon', echelon };
  }
  const i = nodeAt(index, node, cols.where(row, 'node'));
  if (option === '') return { kind: 'node', node: i };
  const options = (nodes[i]!.options ?? []) as Record<string, unknown>[];
  const o = options.findIndex((x) => String(x.id) === option);
  if (o < 0)
    throw cellError(
      cols.where(row, 'option'),
      `an option of node ${node} (options.csv), got "${option}"${didYouMean(
        option,
        options.map((x) => String(x.id)),
      )}`,
    );
  return { kind: 'option', node: i, option: o };
}

/**
 * conversions.csv: rows with the same place and `from` become one conversion
 * `{from, to: {q: rate}, cost?, emission?}`, in order of first appearance. `echelonDefaults`
 * gives the document's defaults object, made only when an echelon row needs it.
 */
export function attachConversions(
  table: CsvTable,
  ctx: ColumnContext,
  nodes: NodeData[],
  echelonDefaults: () => Record<string, NodeData>,
  refs: RefMap,
): void {
  const cols = new TableColumns(table, CONVERSIONS, ctx);
  const index = nodeIndex(nodes);
  const byKey = new Map<string, { conv: Record<string, unknown>; path: string }>();
  const touched = new Set<object>();
  for (const row of table.rows) {
    const place = placeOf(cols, row, nodes, index);
    const { values, refs: rowRefs } = cols.read(row);
    const { from, to, rate, cost, emission } = values as {
      from: string;
      to: string;
      rate: unknown;
      cost?: unknown;
      emission?: unknown;
    };
    const [owner, prefix] =
      place.kind === 'echelon'
        ? [(echelonDefaults()[place.echelon] ??= {}), `echelonDefaults.${place.echelon}`]
        : place.kind === 'node'
          ? [nodes[place.node]!, `nodes.${place.node}`]
          : [(nodes[place.node]!.options as NodeData[])[place.option]!, `nodes.${place.node}.options.${place.option}`];
    if (!touched.has(owner)) {
      refuse(owner, 'conversions', { file: table.file, row: row.row }, table.file);
      touched.add(owner);
    }
    const key = `${prefix}\u0000${from}`;
    let entry = byKey.get(key);
    if (!entry) {
      const list = (owner.conversions ??= []) as Record<string, unknown>[];
      entry = { conv: { from, to: {} }, path: `${prefix}.conversions.${list.length}` };
      list.push(entry.conv);
      byKey.set(key, entry);
      refs.set(entry.path, { file: table.file, row: row.row });
      refs.set(`${entry.path}.from`, cols.where(row, 'from'));
    }
    const out = entry.conv.to as Record<string, unknown>;
    if (out[to] !== undefined)
      throw cellError(
        cols.where(row, 'to'),
        `each output once per conversion (${from} -> ${to} is already given at this place)`,
      );
    out[to] = rate;
    for (const [path, ref] of rowRefs)
      if (path === 'rate' || path.startsWith('rate.')) refs.set(`${entry.path}.to.${to}${path.slice(4)}`, ref);
    for (const [field, v] of [
      ['cost', cost],
      ['emission', emission],
    ] as const) {
      if (v === undefined) continue;
      const prev = entry.conv[field];
      if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(v)) {
        throw cellError(
          cols.where(row, field),
          `the same ${field} on every row of the conversion ${from} (an earlier row gives ${JSON.stringify(prev)})`,
        );
      }
      entry.conv[field] = v;
      refs.set(`${entry.path}.${field}`, cols.where(row, field));
    }
  }
}

/** inventory.csv: each row stocks one product at a node; the node's `inventory` object collects them. */
export function attachInventory(table: CsvTable, ctx: ColumnContext, nodes: NodeData[], refs: RefMap): void {
  const cols = new TableColumns(table, INVENTORY, ctx);
  const index = nodeIndex(nodes);
  const built = new Set<number>();
  for (const row of table.rows) {
    const { values, refs: rowRefs } = cols.read(row);
    const { node: id, product, ...rest } = values as { node: string; product: string } & Record<string, unknown>;
    const i = nodeAt(index, id, cols.where(row, 'node'));
    if (!ctx.products.includes(product))
      throw cellError(cols.where(row, 'product'), `a product id, got "${product}"${didYouMean(product, ctx.products)}`);
    const node = nodes[i]!;
    if (!built.has(i)) {
      refuse(node, 'inventory', cols.where(row, 'node'), table.file);
      node.inventory = { products: [] };
      built.add(i);
      refs.set(`nodes.${i}.inventory`, { file: table.file, row: row.row });
    }
    const inv = node.inventory as { products: string[] } & Record<string, Record<string, unknown>>;
    if (inv.products.includes(product))
      throw cellError(
        cols.where(row, 'product'),
        `one row per node and product (node ${id} already stocks ${product})`,
      );
    refs.set(`nodes.${i}.inventory.products.${inv.products.length}`, cols.where(row, 'product'));
    inv.products.push(product);
    for (const [field, v] of Object.entries(rest)) {
      (inv[field] ??= {})[product] = v;
      for (const [path, ref] of rowRefs)
        if (path === field || path.startsWith(`${field}.`))
          refs.set(`nodes.${i}.inventory.${field}.${product}${path.slice(field.length)}`, ref);
    }
  }
}

import type { TableKey } from './csv-document.js';

/** A cell as written: a number stays a number (a spreadsheet shows it as one), the rest is text. */
export type TableCell = string | number;

/** One table to write: its columns and one row of cells per record ('' = not given). */
export interface TableOut {
  readonly header: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** A network document as tables plus the manifest fields no table holds. */
export interface DocumentTables {
  readonly manifest: Record<string, unknown>;
  readonly tables: Partial<Record<TableKey, TableOut>>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects a table row by row; columns appear in first-use order. */
class TableBuilder {
  private readonly columns: string[] = [];
  private readonly records: Map<string, TableCell>[] = [];

  row(): Map<string, TableCell> {
    const r = new Map<string, TableCell>();
    this.records.push(r);
    return r;
  }

  set(r: Map<string, TableCell>, column: string, value: TableCell): void {
    if (!this.columns.includes(column)) this.columns.push(column);
    r.set(column, value);
  }

  done(): TableOut | undefined {
    if (this.records.length === 0) return undefined;
    return { header: this.columns, rows: this.records.map((r) => this.columns.map((c) => r.get(c) ?? '')) };
  }
}

/** Thrown for a value the table grammar cannot hold (the writer is then not the tool for this file). */
function cannot(where: string, what: unknown): never {
  throw new Error(`rlnd: ${where} cannot be written as table cells: ${JSON.stringify(what)}`);
}

/** A number, or one number per period (columns `col:1` .. `col:T`). */
function putPeriod(t: TableBuilder, r: Map<string, TableCell>, col: string, v: unknown, where: string): void {
  if (typeof v === 'number') t.set(r, col, v);
  else if (Array.isArray(v) && v.every((x) => typeof x === 'number'))
    v.forEach((x, i) => t.set(r, `${col}:${i + 1}`, x));
  else cannot(where, v);
}

/** A product value: a period value for every product, or `{product: period value}` (`col:p`). */
function putProduct(t: TableBuilder, r: Map<string, TableCell>, col: string, v: unknown, where: string): void {
  if (!isObj(v)) return putPeriod(t, r, col, v, where);
  for (const [p, x] of Object.entries(v)) putPeriod(t, r, `${col}:${p}`, x, `${where}.${p}`);
}

/** `supply` / `demand`: per product, a plain amount or one wrapped as {exactly}, {upTo}, {atLeast, atMost}. */
function putKeyed(t: TableBuilder, r: Map<string, TableCell>, field: string, v: unknown, where: string): void {
  if (!isObj(v)) cannot(where, v);
  const cap = (w: string): string => field + w[0]!.toUpperCase() + w.slice(1);
  for (const [p, x] of Object.entries(v)) {
    if (x === 'unlimited' && field === 'supply') t.set(r, `${field}:${p}`, x);
    else if (!isObj(x)) putPeriod(t, r, `${field}:${p}`, x, `${where}.${p}`);
    else for (const [w, y] of Object.entries(x)) putPeriod(t, r, `${cap(w)}:${p}`, y, `${where}.${p}.${w}`);
  }
}

const idCell = (v: unknown, where: string): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : cannot(where, v);
const listCell = (v: unknown, where: string): string =>
  Array.isArray(v) ? v.map((x) => idCell(x, where)).join(';') : cannot(where, v);
const boolCell = (v: unknown, where: string): string => (typeof v === 'boolean' ? String(v) : cannot(where, v));
const numberCell = (v: unknown, where: string): number => (typeof v === 'number' ? v : cannot(where, v));

/** Node fields shared by nodes and echelons (the `nodeCommon` columns of csv-specs.ts). */
function putNodeFields(t: TableBuilder, r: Map<string, TableCell>, n: Obj, where: string, skip: string[]): void {
  for (const [k, v] of Object.entries(n)) {
    if (skip.includes(k)) continue;
    const at = `${where}.${k}`;
    if (k === 'supply' || k === 'demand') putKeyed(t, r, k, v, at);
    else if (k === 'fixedCost') putPeriod(t, r, k, v, at);
    else if (['supplyCost', 'price', 'capacity', 'handlingCost', 'emission'].includes(k)) putProduct(t, r, k, v, at);
    else if (k === 'singleSource') t.set(r, k, boolCell(v, at));
    else if (['id', 'echelon', 'cluster'].includes(k)) t.set(r, k, idCell(v, at));
    else if (k === 'name') t.set(r, k, String(v));
    else if (['lat', 'lon', 'x', 'y'].includes(k)) t.set(r, k, numberCell(v, at));
    else cannot(at, v);
  }
}

/** One row per output of each conversion; cost and emission on the first row of the conversion. */
function putConversions(t: TableBuilder, place: [string, string], convs: unknown, where: string): void {
  if (!Array.isArray(convs)) cannot(where, convs);
  convs.forEach((c: unknown, i) => {
    const at = `${where}.${i}`;
    if (!isObj(c) || !isObj(c.to)) cannot(at, c);
    Object.entries(c.to).forEach(([q, rate], j) => {
      const r = t.row();
      t.set(r, place[0], place[1]);
      t.set(r, 'from', idCell(c.from, at));
      t.set(r, 'to', q);
      putPeriod(t, r, 'rate', rate, `${at}.to.${q}`);
      if (j === 0 && c.cost !== undefined) putPeriod(t, r, 'cost', c.cost, `${at}.cost`);
      if (j === 0 && c.emission !== undefined) t.set(r, 'emission', numberCell(c.emission, `${at}.emission`));
      for (const k of Object.keys(c)) if (!['from', 'to', 'cost', 'emission'].includes(k)) cannot(`${at}.${k}`, c[k]);
    });
  });
}

/** Arcs and arc rules: ids, product values, a product list, `km` / `sameCluster`. */
function putArcs(list: unknown, where: string): TableOut | undefined {
  if (!Array.isArray(list)) cannot(where, list);
  const t = new TableBuilder();
  list.forEach((a: unknown, i) => {
    const at = `${where}.${i}`;
    if (!isObj(a)) cannot(at, a);
    const r = t.row();
    for (const [k, v] of Object.entries(a)) {
      if (k === 'from' || k === 'to') t.set(r, k, idCell(v, `${at}.${k}`));
      else if (k === 'products') t.set(r, k, listCell(v, `${at}.${k}`));
      else if (k === 'sameCluster') t.set(r, k, boolCell(v, `${at}.${k}`));
      else if (k === 'km') t.set(r, k, numberCell(v, `${at}.${k}`));
      else if (['unitCost', 'costPerKm', 'emission', 'emissionPerKm', 'capacity'].includes(k))
        putProduct(t, r, k, v, `${at}.${k}`);
      else cannot(`${at}.${k}`, v);
    }
  });
  return t.done();
}

/**
 * The tables of a network document (the inverse of the CSV/workbook reader, docs/network.md
 * "CSV folder"): products, nodes, echelons, conversions, arcs, arc-rules and groups; every other
 * field stays in the manifest. A value the column grammar cannot hold (technology options,
 * inventory) throws, naming its path, rather than being dropped.
 */
export function documentTables(doc: Readonly<Obj>): DocumentTables {
  const { products, productGroups, nodes, echelonDefaults, arcs, arcRules, groups, ...rest } = doc;
  const manifest: Obj = { ...rest };
  const tables: Partial<Record<TableKey, TableOut>> = {};
  const conv = new TableBuilder();
  if (products !== undefined) {
    if (!Array.isArray(products)) cannot('products', products);
    const memberOf = new Map<string, string[]>();
    if (productGroups !== undefined) {
      if (!isObj(productGroups)) cannot('productGroups', productGroups);
      for (const [g, ids] of Object.entries(productGroups))
        for (const id of Array.isArray(ids) ? ids : cannot(`productGroups.${g}`, ids))
          memberOf.set(String(id), [...(memberOf.get(String(id)) ?? []), g]);
    }
    const t = new TableBuilder();
    products.forEach((p: unknown, i) => {
      const r = t.row();
      const fields: Obj = isObj(p) ? p : { id: p };
      for (const [k, v] of Object.entries(fields)) {
        if (k === 'massKg') t.set(r, k, numberCell(v, `products.${i}.${k}`));
        else if (k === 'id') t.set(r, k, idCell(v, `products.${i}.id`));
        else if (k === 'unit' || k === 'name') t.set(r, k, String(v));
        else cannot(`products.${i}.${k}`, v);
      }
      const gs = memberOf.get(String(fields.id));
      if (gs) t.set(r, 'productGroups', gs.join(';'));
    });
    tables.products = t.done();
  } else if (productGroups !== undefined) manifest.productGroups = productGroups;
  if (nodes !== undefined) {
    if (!Array.isArray(nodes)) cannot('nodes', nodes);
    const t = new TableBuilder();
    nodes.forEach((n: unknown, i) => {
      if (!isObj(n)) cannot(`nodes.${i}`, n);
      putNodeFields(t, t.row(), n, `nodes.${i}`, ['conversions']);
      if (n.conversions !== undefined)
        putConversions(conv, ['node', idCell(n.id, `nodes.${i}.id`)], n.conversions, `nodes.${i}.conversions`);
    });
    tables.nodes = t.done();
  }
  if (echelonDefaults !== undefined) {
    if (!isObj(echelonDefaults)) cannot('echelonDefaults', echelonDefaults);
    const t = new TableBuilder();
    for (const [e, fields] of Object.entries(echelonDefaults)) {
      if (!isObj(fields)) cannot(`echelonDefaults.${e}`, fields);
      const { conversions, ...rest } = fields;
      if (Object.keys(rest).length > 0) {
        const r = t.row();
        t.set(r, 'echelon', e);
        putNodeFields(t, r, rest, `echelonDefaults.${e}`, []);
      }
      if (conversions !== undefined)
        putConversions(conv, ['echelon', e], conversions, `echelonDefaults.${e}.conversions`);
    }
    const out = t.done();
    if (out) tables.echelons = out;
  }
  const convOut = conv.done();
  if (convOut) tables.conversions = convOut;
  if (arcs !== undefined) tables.arcs = putArcs(arcs, 'arcs');
  if (arcRules !== undefined) tables.arcRules = putArcs(arcRules, 'arcRules');
  if (groups !== undefined) {
    if (!Array.isArray(groups)) cannot('groups', groups);
    const t = new TableBuilder();
    groups.forEach((g: unknown, i) => {
      const at = `groups.${i}`;
      if (!isObj(g)) cannot(at, g);
      const r = t.row();
      for (const [k, v] of Object.entries(g)) {
        if (k === 'members') {
          if (Array.isArray(v)) t.set(r, 'members', listCell(v, `${at}.members`));
          else if (isObj(v))
            for (const [s, x] of Object.entries(v))
              if (s === 'echelon' || s === 'cluster') t.set(r, s, idCell(x, `${at}.members.${s}`));
              else cannot(`${at}.members.${s}`, x);
          else cannot(`${at}.members`, v);
        } else if (k === 'perCluster') t.set(r, k, boolCell(v, `${at}.${k}`));
        else if (k === 'count') t.set(r, k, numberCell(v, `${at}.${k}`));
        else if (k === 'rule' || k === 'name') t.set(r, k, String(v));
        else cannot(`${at}.${k}`, v);
      }
    });
    tables.groups = t.done();
  }
  for (const k of Object.keys(tables) as TableKey[]) if (tables[k] === undefined) delete tables[k];
  return { manifest, tables };
}

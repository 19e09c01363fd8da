import { InputError } from '../../core/errors.js';
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
import { cellError, type CsvTable } from './csv-table.js';
import { NetworkDocumentSchema } from './schema.js';

/** The tables a network may be given as (a CSV folder's files, a workbook's sheets), by manifest key. */
export type TableKey =
  'products' | 'nodes' | 'echelons' | 'options' | 'conversions' | 'inventory' | 'arcs' | 'arcRules' | 'groups';

/** Parsed tables by key; each table's `file` is the name its messages use (a file, or a workbook's sheet). */
export type NetworkTables = Partial<Record<TableKey, CsvTable>>;

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
 * The network document of a manifest's fields and the tables (docs/network.md "CSV folder"): the
 * one place tables become the document, whichever source they come from. `manifestPath` names
 * the manifest in messages; `refs` records the cell of each value unless it is NO_REFS.
 */
export function documentFromTables(
  manifest: Record<string, unknown>,
  read: NetworkTables,
  manifestPath: string,
  refs: RefMap,
): Record<string, unknown> {
  const doc: Record<string, unknown> = { ...manifest };
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
 * {@link documentFromTables}, and where a value from a table fails the schema, an error naming its
 * cell. Only a failing source pays for knowing the cell of every value: it is assembled again,
 * recording them (failures in the manifest's own fields are left to the reader, which names the key).
 */
export function documentFromTablesChecked(
  manifest: Record<string, unknown>,
  read: NetworkTables,
  where: string,
): Record<string, unknown> {
  const doc = documentFromTables(manifest, read, where, NO_REFS);
  if (NetworkDocumentSchema.safeParse(doc).success) return doc;
  const refs: RefMap = new Map();
  reportAtCell(documentFromTables(manifest, read, where, refs), refs);
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

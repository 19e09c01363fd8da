import { addRefs, type NodeData, type RefMap } from './csv-attach.js';
import { TableColumns, type ColumnContext } from './csv-columns.js';
import { GROUPS } from './csv-specs.js';
import { cellError, didYouMean, type CsvTable } from './csv-table.js';

/*
 * Checks of the ids a table row names (arc ends, group members), made here so the message names
 * the row and column; the compiler checks the same for JSON files, by field path.
 */

function columnRef(table: CsvTable, i: number, column: string): { file: string; row: number; column?: string } {
  const row = table.rows[i]!.row;
  return table.header.includes(column) ? { file: table.file, row, column } : { file: table.file, row };
}

/** Arc ends are node ids (arcs.csv) or echelons of some node (arc-rules.csv). */
export function checkArcs(
  table: CsvTable,
  arcs: readonly NodeData[],
  nodes: readonly NodeData[],
  ends: 'node' | 'echelon',
): void {
  const known = new Set(nodes.map((n) => String(ends === 'node' ? n.id : n.echelon)));
  arcs.forEach((arc, i) => {
    for (const end of ['from', 'to'] as const) {
      const v = String(arc[end]);
      if (!known.has(v))
        throw cellError(
          columnRef(table, i, end),
          `${ends === 'node' ? 'a node id' : 'an echelon of some node'}, got "${v}"${didYouMean(v, known)}`,
        );
    }
  });
}

/** groups.csv rows as groups: `members` (a list of node ids) or a selection `{echelon, cluster}`. */
export function groupsFrom(table: CsvTable, ctx: ColumnContext, refs: RefMap): NodeData[] {
  const cols = new TableColumns(table, GROUPS, ctx);
  return table.rows.map((row, i) => {
    const { values, refs: rowRefs } = cols.read(row);
    const { members, echelon, cluster, ...rest } = values;
    addRefs(refs, `groups.${i}`, rowRefs);
    const bySelection = echelon !== undefined || cluster !== undefined;
    if ((members !== undefined) === bySelection)
      throw cellError(
        { file: table.file, row: row.row },
        'members (node ids separated by ";") or a selection by echelon and/or cluster, exactly one of the two',
      );
    if (members !== undefined) {
      if (rest.perCluster !== undefined)
        throw cellError(
          cols.where(row, 'perCluster'),
          'perCluster only with a selection by echelon / cluster (not with members)',
        );
      return { ...rest, members };
    }
    const selection: NodeData = {};
    if (echelon !== undefined) selection.echelon = echelon;
    if (cluster !== undefined) selection.cluster = cluster;
    refs.set(`groups.${i}.members`, cols.where(row, echelon !== undefined ? 'echelon' : 'cluster'));
    return { ...rest, members: selection };
  });
}

/** Group members are node ids; a selection names an echelon and a cluster some node has. */
export function checkGroups(table: CsvTable, groups: readonly NodeData[], nodes: readonly NodeData[]): void {
  const ids = new Set(nodes.map((n) => String(n.id)));
  const echelons = new Set(nodes.map((n) => String(n.echelon)));
  const clusters = new Set(nodes.filter((n) => n.cluster !== undefined).map((n) => String(n.cluster)));
  groups.forEach((g, i) => {
    if (Array.isArray(g.members)) {
      for (const m of g.members as string[])
        if (!ids.has(m)) throw cellError(columnRef(table, i, 'members'), `node ids, got "${m}"${didYouMean(m, ids)}`);
      return;
    }
    const sel = g.members as { echelon?: string; cluster?: string };
    if (sel.echelon !== undefined && !echelons.has(sel.echelon))
      throw cellError(
        columnRef(table, i, 'echelon'),
        `an echelon of some node, got "${sel.echelon}"${didYouMean(sel.echelon, echelons)}`,
      );
    if (sel.cluster !== undefined && !clusters.has(sel.cluster))
      throw cellError(
        columnRef(table, i, 'cluster'),
        `a cluster of some node, got "${sel.cluster}"${didYouMean(sel.cluster, clusters)}`,
      );
  });
}

import type { NetworkSelect } from '../problems/network/scenario.js';
import { parseGroup } from '../problems/network/scenario-groups.js';
import type { NetworkDocument } from '../problems/network/schema.js';
import type { SaaParameter } from './config-types.js';
import type { SaaFactor } from './saa.js';

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | null =>
  v === undefined ? null : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/** The nodes a selection reaches by echelon, node id and cluster (an arc field: its to-nodes). */
function selectedNodes(doc: NetworkDocument, s: NetworkSelect | undefined) {
  const ech = asList(s?.echelon);
  const ids = asList(s?.node);
  const cl = asList(s?.cluster);
  return doc.nodes.filter(
    (n) =>
      (!ech || ech.includes(n.echelon)) &&
      (!ids || ids.includes(n.id)) &&
      (!cl || (n.cluster !== undefined && cl.includes(n.cluster))),
  );
}

/**
 * The SAA factors of a network: each parameter group (`supply@dealer`, the stochastic blocks'
 * names) becomes one factor, or with `per: cluster` / `period` / `node` one factor per cluster,
 * period or node the group reaches (sorted ids): one draw per scenario and factor, shared by
 * everything the factor selects, so values within a cluster (or period) move together and
 * clusters move independently. Unknown groups or ids throw the scenario mechanism's error.
 */
export function saaFactors(doc: NetworkDocument, parameters: Readonly<Record<string, SaaParameter>>): SaaFactor[] {
  const out: SaaFactor[] = [];
  for (const [group, p] of Object.entries(parameters)) {
    const change = parseGroup(group, doc);
    const split = (key: 'cluster' | 'node' | 'period', values: readonly (string | number)[]): void => {
      if (values.length === 0) throw new Error(`${group}: per: ${p.per}: the group reaches no ${key}`);
      for (const v of values)
        out.push({ change: { ...change, select: { ...change.select, [key]: v } }, distribution: p.distribution });
    };
    switch (p.per) {
      case 'shared':
        out.push({ change, distribution: p.distribution });
        break;
      case 'cluster': {
        const cs = new Set(
          selectedNodes(doc, change.select).flatMap((n) => (n.cluster !== undefined ? [n.cluster] : [])),
        );
        split('cluster', [...cs].sort(byId));
        break;
      }
      case 'node':
        split(
          'node',
          selectedNodes(doc, change.select)
            .map((n) => n.id)
            .sort(byId),
        );
        break;
      case 'period': {
        const periods = asList(change.select?.period) ?? Array.from({ length: doc.periods ?? 1 }, (_, t) => t + 1);
        split('period', periods);
        break;
      }
    }
  }
  return out;
}

/** Numeric ids in numeric order ('2' before '10'), others as text. */
function byId(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
}

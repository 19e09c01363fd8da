import type { NetworkDocument } from './schema.js';
import { FIELD_PLACES, NETWORK_FIELDS, type NetworkField } from './field-names.js';
import {
  reachedItems,
  ScenarioChangeError,
  type NetworkChange,
  type NetworkSelect,
  type ReachedItem,
} from './scenario.js';

/*
 * Scenario parameter groups of a network, as a config names them: a field, optionally narrowed
 * by `@` qualifiers — `demand`, `fixedCost@CC` (an echelon), `conversionRate@cell-L1` (a product),
 * `supply@dealer@LFP` (both), `transportCost@from:dealer`, `capacity@cluster:3`, `demand@period:2`.
 * A bare qualifier is an echelon or a product; `echelon:`, `product:`, `from:`, `cluster:`, `node:`
 * and `period:` say which explicitly (needed when an id is both).
 */

type Selection = { -readonly [K in keyof NetworkSelect]: string[] | number[] };

const PREFIXES = ['echelon', 'product', 'from', 'cluster', 'node', 'period'] as const;

function idsOf(doc: NetworkDocument): { echelons: Set<string>; products: Set<string> } {
  return {
    echelons: new Set(doc.nodes.map((n) => n.echelon)),
    products: new Set([
      ...doc.products.map((p) => (typeof p === 'object' ? p.id : p)),
      ...Object.keys(doc.productGroups ?? {}),
    ]),
  };
}

/** The field and selection a group name stands for (ids are checked when the change is made). */
export function parseGroup(name: string, doc: NetworkDocument): Omit<NetworkChange, 'scale' | 'set'> {
  const [field, ...quals] = name.split('@');
  if (!NETWORK_FIELDS.includes(field as NetworkField)) {
    throw new ScenarioChangeError(
      `scenario group ${name}: a network field (${NETWORK_FIELDS.join(', ')}), optionally with @qualifiers`,
    );
  }
  const { echelons, products } = idsOf(doc);
  const sel: Selection = {};
  const add = (key: (typeof PREFIXES)[number], value: string): void => {
    if (key === 'period') {
      const t = Number(value);
      (sel.period = (sel.period as number[] | undefined) ?? []).push(t);
    } else (sel[key] = (sel[key] as string[] | undefined) ?? []).push(value);
  };
  for (const q of quals) {
    const m = /^([a-z]+):(.+)$/.exec(q);
    if (m && (PREFIXES as readonly string[]).includes(m[1]!)) add(m[1] as (typeof PREFIXES)[number], m[2]!);
    else if (echelons.has(q) && products.has(q))
      throw new ScenarioChangeError(
        `scenario group ${name}: '${q}' is both an echelon and a product; write echelon:${q} or product:${q}`,
      );
    else if (echelons.has(q)) add('echelon', q);
    else if (products.has(q)) add('product', q);
    else
      throw new ScenarioChangeError(
        `scenario group ${name}: '${q}' is no echelon or product of ${doc.name} (echelons: ${[...echelons].join(', ')}; products: ${[...products].join(', ')})`,
      );
  }
  return Object.keys(sel).length > 0
    ? { field: field as NetworkField, select: sel as NetworkSelect }
    : { field: field as NetworkField };
}

/** A change from a group name and its factor(s). */
export function groupChange(name: string, doc: NetworkDocument, scale: number | readonly number[]): NetworkChange {
  return { ...parseGroup(name, doc), scale };
}

/**
 * Every group name of the forms `field`, `field@echelon`, `field@product`, `field@echelon@product`,
 * `field@from:echelon`, `field@cluster:c` and `field@period:t` that reaches something in this
 * network, with the number of items it reaches (the length of a per-item factor list). One walk
 * per field finds the items and the products each reaches; the qualified groups are counted
 * from those (periods, which can make a change impossible, by a walk each).
 */
export function networkGroupSizes(doc: NetworkDocument): Record<string, number> {
  const { echelons, products } = idsOf(doc);
  const both = new Set([...echelons].filter((e) => products.has(e)));
  const e = (id: string): string => (both.has(id) ? `echelon:${id}` : id);
  const p = (id: string): string => (both.has(id) ? `product:${id}` : id);
  const clusterEchelons = new Map<string, Set<string>>();
  for (const n of doc.nodes)
    if (n.cluster !== undefined)
      clusterEchelons.set(n.cluster, (clusterEchelons.get(n.cluster) ?? new Set()).add(n.echelon));
  const T = doc.periods ?? 1;
  const out: Record<string, number> = {};
  const put = (name: string, count: number): void => {
    if (count > 0) out[name] = count;
  };
  for (const field of NETWORK_FIELDS) {
    const place = FIELD_PLACES[field];
    let items: readonly ReachedItem[];
    try {
      items = reachedItems(doc, { field });
    } catch (err) {
      // A field the network does not have (or cannot be changed here) is simply not offered.
      if (err instanceof ScenarioChangeError) continue;
      throw err;
    }
    put(field, items.length);
    if (place.doc) continue;
    const count = (keep: (i: ReachedItem) => boolean): number => items.reduce((s, i) => s + (keep(i) ? 1 : 0), 0);
    for (const ech of echelons)
      put(
        `${field}@${e(ech)}`,
        count((i) => i.echelon === ech),
      );
    if (place.perProduct) {
      for (const prod of products)
        put(
          `${field}@${p(prod)}`,
          count((i) => i.products.has(prod)),
        );
      for (const ech of echelons)
        for (const prod of products)
          put(
            `${field}@${e(ech)}@${p(prod)}`,
            count((i) => i.echelon === ech && i.products.has(prod)),
          );
    }
    if (place.arc)
      for (const ech of echelons)
        put(
          `${field}@from:${ech}`,
          count((i) => i.from === ech),
        );
    for (const [c, inCluster] of clusterEchelons) {
      // A rule generating arcs into the cluster makes the selection impossible (see applyChanges).
      if (items.some((i) => i.kind === 'rule' && inCluster.has(i.echelon!))) continue;
      put(
        `${field}@cluster:${c}`,
        count((i) => i.cluster === c),
      );
    }
    if (T > 1) {
      for (let t = 1; t <= T; t++) {
        try {
          put(`${field}@period:${t}`, reachedItems(doc, { field, select: { period: t } }).length);
        } catch (err) {
          if (!(err instanceof ScenarioChangeError)) throw err;
        }
      }
    }
  }
  return out;
}

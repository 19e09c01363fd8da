import { nearestName } from '../../core/validation.js';
import type { ArcDoc, ArcRuleDoc, NetworkDocument, NodeDoc } from './schema.js';
import { changeArcFields, changeNodeFields } from './scenario-fields.js';
import { FIELD_PLACES, NETWORK_FIELDS, type NetworkField } from './field-names.js';
import { ScenarioChangeError } from './scenario-error.js';
import { scalarValue, type ValueContext } from './scenario-values.js';

export { ScenarioChangeError } from './scenario-error.js';

type OneOrMany<T> = T | readonly T[];

/**
 * Which parts of a network a change reaches; every key given must match (an AND), a list is any
 * of its ids (an OR). Nodes are selected by their `echelon`, `node` id and `cluster`. An arc
 * belongs to the node it delivers to: `echelon`, `node` and `cluster` select arcs by their
 * **to**-node, `from` by the echelon of their from-node (and only arcs). `product` selects the
 * products (or product groups, for demand) of per-product values; `period` (1-based) the
 * periods of per-period values.
 */
export interface NetworkSelect {
  readonly echelon?: OneOrMany<string>;
  readonly from?: OneOrMany<string>;
  readonly node?: OneOrMany<string>;
  readonly cluster?: OneOrMany<string>;
  readonly product?: OneOrMany<string>;
  readonly period?: OneOrMany<number>;
}

/**
 * One change: multiply the selected values of `field` by `scale` (one number, or one per item of
 * {@link changeItems}, in that order), or replace them by `set`.
 */
export interface NetworkChange {
  readonly field: NetworkField;
  readonly select?: NetworkSelect;
  readonly scale?: number | readonly number[];
  readonly set?: number;
}

function list<T>(v: OneOrMany<T> | undefined): readonly T[] | null {
  return v === undefined ? null : Array.isArray(v) ? v : [v as T];
}

/** `demand {echelon: CC, product: LFP} x 1.1`: how errors name a change. */
export function describeChange(c: NetworkChange): string {
  const sel = Object.entries(c.select ?? {}).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`,
  );
  const what =
    c.set !== undefined
      ? `set ${c.set}`
      : Array.isArray(c.scale)
        ? `x ${c.scale.length} per-item factors`
        : `x ${String(c.scale)}`;
  return `scenario change ${c.field}${sel.length ? ` {${sel.join(', ')}}` : ''} ${what}`;
}

interface Resolved {
  readonly echelons: ReadonlySet<string> | null;
  readonly from: ReadonlySet<string> | null;
  readonly nodes: ReadonlySet<string> | null;
  readonly clusters: ReadonlySet<string> | null;
}

function checkIds(
  label: string,
  key: string,
  ids: readonly string[] | null,
  known: ReadonlySet<string>,
  what: string,
): ReadonlySet<string> | null {
  if (ids === null) return null;
  for (const id of ids) {
    if (!known.has(id)) {
      const near = nearestName(id, known);
      throw new ScenarioChangeError(
        `${label}: select.${key}: ${what}, got '${id}'${near ? ` (did you mean '${near}'?)` : known.size <= 20 ? ` (known: ${[...known].join(', ')})` : ''}`,
      );
    }
  }
  return new Set(ids);
}

/** Checks the change against the document and builds what the value transforms need. */
function resolve(
  doc: NetworkDocument,
  c: NetworkChange,
  label: string,
): { sel: Resolved; ctx: ValueContext; factors: readonly number[] | null } {
  if (!NETWORK_FIELDS.includes(c.field))
    throw new ScenarioChangeError(`${label}: field: one of ${NETWORK_FIELDS.join(', ')}`);
  const place = FIELD_PLACES[c.field];
  if ((c.scale === undefined) === (c.set === undefined))
    throw new ScenarioChangeError(`${label}: exactly one of scale or set`);
  if (c.set !== undefined && place.scaleOnly)
    throw new ScenarioChangeError(
      `${label}: ${c.field} changes several keys at once and can only be scaled; set its keys one by one`,
    );
  const factors = Array.isArray(c.scale) ? (c.scale as readonly number[]) : null;
  for (const f of factors ?? (typeof c.scale === 'number' ? [c.scale] : [])) {
    if (!Number.isFinite(f) || f < 0)
      throw new ScenarioChangeError(`${label}: scale factors are finite numbers >= 0, got ${f}`);
  }
  if (c.set !== undefined && (!Number.isFinite(c.set) || (c.set < 0 && c.field !== 'price')))
    throw new ScenarioChangeError(`${label}: set: a finite number${c.field === 'price' ? '' : ' >= 0'}, got ${c.set}`);
  const s = c.select ?? {};
  const T = doc.periods ?? 1;
  const productIds = doc.products.map((p) => (typeof p === 'object' ? p.id : p));
  const echelons = new Set(doc.nodes.map((n) => n.echelon));
  const products = checkIds(
    label,
    'product',
    list(s.product),
    new Set([...productIds, ...Object.keys(doc.productGroups ?? {})]),
    'a product (or product group) id',
  );
  if (products !== null && !place.perProduct)
    throw new ScenarioChangeError(`${label}: select.product: ${c.field} is not per product`);
  const from = checkIds(label, 'from', list(s.from), echelons, 'an echelon');
  if (from !== null && !place.arc)
    throw new ScenarioChangeError(
      `${label}: select.from picks arcs by their from-node's echelon; ${c.field} is not an arc field`,
    );
  if (place.doc && (s.echelon ?? s.node ?? s.cluster ?? s.from) !== undefined)
    throw new ScenarioChangeError(
      `${label}: ${c.field} is one value for the whole network; it takes no node or arc selection`,
    );
  const periods =
    list(s.period)?.map((t) => {
      if (!Number.isInteger(t) || t < 1 || t > T)
        throw new ScenarioChangeError(`${label}: select.period: an integer in 1..${T}, got ${t}`);
      return t - 1;
    }) ?? null;
  const sel: Resolved = {
    echelons: checkIds(label, 'echelon', list(s.echelon), echelons, 'an echelon'),
    from,
    nodes: checkIds(label, 'node', list(s.node), new Set(doc.nodes.map((n) => n.id)), 'a node id'),
    clusters: checkIds(
      label,
      'cluster',
      list(s.cluster),
      new Set(doc.nodes.flatMap((n) => (n.cluster !== undefined ? [n.cluster] : []))),
      'a cluster',
    ),
  };
  const set = c.set;
  const scale = typeof c.scale === 'number' ? c.scale : 1;
  const ctx: ValueContext = {
    op: set !== undefined ? () => set : (x) => x * scale,
    replaces: set !== undefined,
    products,
    periods,
    T,
    // An exact amount of 37.4 packs has no integer flow: scaled amounts are rounded to whole units.
    roundAmounts: (doc.integerFlows ?? false) && set === undefined,
    label,
    hits: 0,
    tags: null,
  };
  return { sel, ctx, factors };
}

function nodeMatches(n: NodeDoc, sel: Resolved): boolean {
  return (
    (sel.echelons === null || sel.echelons.has(n.echelon)) &&
    (sel.nodes === null || sel.nodes.has(n.id)) &&
    (sel.clusters === null || (n.cluster !== undefined && sel.clusters.has(n.cluster)))
  );
}

/**
 * An item a change reached: a node, a listed arc, an arc rule or the document, with where it sits
 * (an arc's echelon and cluster are its to-node's) and, when asked for, the products it reached.
 */
export interface ReachedItem {
  readonly label: string;
  readonly kind: 'node' | 'arc' | 'rule' | 'doc';
  readonly echelon?: string;
  readonly cluster?: string;
  readonly from?: string;
  readonly products: ReadonlySet<string>;
}

/** The result of one change: the new document and the items it reached, in order. */
interface Applied {
  readonly doc: NetworkDocument;
  readonly items: readonly ReachedItem[];
}

/**
 * Applies one change. Items are what a per-item factor list indexes: each reached node (its
 * options and conversions included), then each reached listed arc, then each reached arc rule
 * (whose generated arcs share one factor), then the document (carbon tax).
 */
function applyOne(doc: NetworkDocument, c: NetworkChange, countItems = false, tagProducts = false): Applied {
  const label = describeChange(c);
  const resolved = resolve(doc, c, label);
  const { sel, ctx } = resolved;
  // Counting items for a per-item list: walk as a per-item change would, every factor 1.
  const factors = countItems ? null : resolved.factors;
  const perItem = countItems || factors !== null;
  const place = FIELD_PLACES[c.field];
  const all = doc.products.map((p) => (typeof p === 'object' ? p.id : p));
  const items: ReachedItem[] = [];
  const none: ReadonlySet<string> = new Set();
  // Each item gets its own factor when there is a list: the op is swapped per item.
  const withItem = <T>(item: Omit<ReachedItem, 'products'>, run: () => T): T | null => {
    const before = ctx.hits;
    if (factors !== null) {
      const f = factors[items.length];
      ctx.op = f === undefined ? () => NaN : (x) => x * f;
    }
    if (tagProducts) ctx.tags = new Set();
    const out = run();
    if (ctx.hits === before) return null;
    items.push({ ...item, products: ctx.tags ?? none });
    return out;
  };

  // Whole echelons (no node, cluster or per-item selection) change in `echelonDefaults` in place;
  // otherwise a reached node inheriting a default gets its own changed copy.
  const wholeEchelons = !perItem && sel.nodes === null && sel.clusters === null;
  let echelonDefaults = doc.echelonDefaults;
  const defaultsChanged = new Set<string>();
  if (place.node && sel.from === null && wholeEchelons && doc.echelonDefaults) {
    echelonDefaults = Object.fromEntries(
      Object.entries(doc.echelonDefaults).map(([e, d]) => {
        if (sel.echelons !== null && !sel.echelons.has(e)) return [e, d];
        const before = ctx.hits;
        const changed = changeNodeFields(d, c.field, ctx, `echelonDefaults.${e}`, all);
        if (ctx.hits === before) return [e, d];
        defaultsChanged.add(e);
        return [e, { ...d, ...changed }];
      }),
    );
  }
  let nodes = doc.nodes;
  if (place.node && sel.from === null) {
    nodes = doc.nodes.map((n, i) => {
      if (!nodeMatches(n, sel)) return n;
      const inherited = defaultsChanged.has(n.echelon) ? {} : (doc.echelonDefaults?.[n.echelon] ?? {});
      const effective: NodeDoc = { ...inherited, ...n };
      const w = `nodes[${i}] (${n.id})`;
      const changed = withItem(
        { label: w, kind: 'node', echelon: n.echelon, ...(n.cluster !== undefined ? { cluster: n.cluster } : {}) },
        () => changeNodeFields(effective, c.field, ctx, w, all),
      );
      return changed === null ? n : { ...n, ...changed };
    });
  }
  const echelonOf = new Map(doc.nodes.map((n) => [n.id, n]));
  let arcs = doc.arcs;
  let arcRules = doc.arcRules;
  if (place.arc) {
    arcs = doc.arcs?.map((a, i): ArcDoc => {
      const to = echelonOf.get(a.to);
      const fromNode = echelonOf.get(a.from);
      if (
        to === undefined ||
        !nodeMatches(to, sel) ||
        (sel.from !== null && (fromNode === undefined || !sel.from.has(fromNode.echelon)))
      )
        return a;
      const w = `arcs[${i}] (${a.from} -> ${a.to})`;
      const at = {
        label: w,
        kind: 'arc' as const,
        echelon: to.echelon,
        ...(to.cluster !== undefined ? { cluster: to.cluster } : {}),
        ...(fromNode ? { from: fromNode.echelon } : {}),
      };
      const changed = withItem(at, () => changeArcFields(a, c.field, ctx, w, all));
      return changed === null ? a : { ...a, ...changed };
    });
    arcRules = doc.arcRules?.map((r, i): ArcRuleDoc => {
      if ((sel.echelons !== null && !sel.echelons.has(r.to)) || (sel.from !== null && !sel.from.has(r.from))) return r;
      const w = `arcRules[${i}] (${r.from} -> ${r.to})`;
      if (sel.nodes !== null || sel.clusters !== null) {
        // A rule's arcs cannot be told apart in the document: changing all of them would reach
        // unselected nodes, changing none would silently miss selected ones.
        const before = ctx.hits;
        changeArcFields(r, c.field, ctx, w, all);
        const hasField = ctx.hits > before;
        ctx.hits = before;
        if (hasField && doc.nodes.some((n) => n.echelon === r.to && nodeMatches(n, sel))) {
          throw new ScenarioChangeError(
            `${label}: ${w} generates arcs into the selected nodes, and a rule's arcs cannot be selected by node or cluster; select by echelon (and from), or list those arcs in arcs`,
          );
        }
        return r;
      }
      const changed = withItem({ label: w, kind: 'rule', echelon: r.to, from: r.from }, () =>
        changeArcFields(r, c.field, ctx, w, all),
      );
      return changed === null ? r : { ...r, ...changed };
    });
  }
  let carbonTax = doc.carbonTax;
  if (place.doc) {
    if (carbonTax === undefined && c.set === undefined)
      throw new ScenarioChangeError(
        `${label}: selects nothing: the network has no carbonTax to scale (set one instead)`,
      );
    carbonTax =
      withItem({ label: 'carbonTax', kind: 'doc' }, () => scalarValue(carbonTax ?? 0, ctx, 'carbonTax')) ?? carbonTax;
  }
  if (ctx.hits === 0)
    throw new ScenarioChangeError(
      `${label}: selects nothing (no ${c.field} value in the selected ${place.arc && !place.node ? 'arcs' : place.node && !place.arc ? 'nodes' : 'nodes or arcs'}); a scenario must change something`,
    );
  if (factors !== null && factors.length !== items.length)
    throw new ScenarioChangeError(
      `${label}: ${items.length} per-item factors expected (one per reached item), got ${factors.length}`,
    );
  const out: NetworkDocument = { ...doc, nodes };
  if (echelonDefaults !== undefined) out.echelonDefaults = echelonDefaults;
  if (arcs !== undefined) out.arcs = arcs;
  if (arcRules !== undefined) out.arcRules = arcRules;
  if (carbonTax !== undefined) out.carbonTax = carbonTax;
  return { doc: out, items };
}

/**
 * A new document with the changes applied in order (the input is never edited; unchanged parts
 * are shared). Scaling an `unlimited` supply leaves it unlimited; with `integerFlows`, scaled
 * supply and demand amounts are rounded to whole units. A change that reaches nothing, names an
 * unknown id or has the wrong number of per-item factors throws a {@link ScenarioChangeError}
 * naming it. The result is a document to compile (and validate) again.
 */
export function applyChanges(doc: NetworkDocument, changes: readonly NetworkChange[]): NetworkDocument {
  return changes.reduce((d, c) => applyOne(d, c).doc, doc);
}

/**
 * The items a change reaches, in the order of a per-item factor list (`nodes[3] (CC-2)`,
 * `arcs[0] (P1 -> D1)`, `arcRules[1] (CC -> RMC)`, `carbonTax`). Throws like {@link applyChanges}.
 */
export function changeItems(doc: NetworkDocument, change: Omit<NetworkChange, 'scale' | 'set'>): readonly string[] {
  return applyOne(doc, { ...change, scale: 1 }, true).items.map((i) => i.label);
}

/** The items a change reaches with where they sit and the products reached (for sizing groups). */
export function reachedItems(
  doc: NetworkDocument,
  change: Omit<NetworkChange, 'scale' | 'set'>,
): readonly ReachedItem[] {
  return applyOne(doc, { ...change, scale: 1 }, true, true).items;
}

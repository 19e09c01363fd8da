import { distance } from '../../io/geo.js';
import type {
  CountRule,
  DesignBitInfo,
  NetArc,
  NetCapacity,
  NetConversion,
  NetDemand,
  NetInventory,
  NetNode,
  NetOption,
  NetProduct,
  NetworkInstance,
  PeriodBounds,
} from './instance.js';
import type { ArcDoc, ArcRuleDoc, ConversionDoc, DemandDoc, NetworkDocument, NodeDoc, SupplyDoc } from './schema.js';
import { nearestName } from '../../core/validation.js';
import { ValueReader } from './values.js';

/**
 * Compiles a validated network document into a {@link NetworkInstance}: resolves ids, expands
 * period values, generates rule arcs (sparsely: a same-cluster rule pairs nodes cluster by
 * cluster) and checks everything the schema alone cannot (ids exist, one value per period,
 * disjoint option products, a candidate's supply is only an upper bound, ...).
 */
export function compileNetwork(doc: NetworkDocument, source: string): NetworkInstance {
  const T = doc.periods ?? 1;
  const products: NetProduct[] = doc.products.map((p) =>
    typeof p === 'string'
      ? { id: p }
      : { id: p.id, ...(p.unit ? { unit: p.unit } : {}), ...(p.massKg ? { massKg: p.massKg } : {}) },
  );
  const productIndex = new Map<string, number>();
  products.forEach((p, i) => {
    if (productIndex.has(p.id))
      throw new ValueReader(source, T, productIndex).fail(`products[${i}]`, `a unique product id, '${p.id}' repeats`);
    productIndex.set(p.id, i);
  });
  const v = new ValueReader(source, T, productIndex);
  const groupsOfProducts = new Map<string, number[]>();
  for (const [gid, members] of Object.entries(doc.productGroups ?? {})) {
    if (productIndex.has(gid)) v.fail(`productGroups.${gid}`, 'a group id that is not also a product id');
    groupsOfProducts.set(
      gid,
      members.map((m, i) => v.product(m, `productGroups.${gid}[${i}]`)),
    );
  }

  const nodeIndex = new Map<string, number>();
  doc.nodes.forEach((n, i) => {
    if (nodeIndex.has(n.id)) v.fail(`nodes[${i}].id`, `a unique node id, '${n.id}' repeats`);
    nodeIndex.set(n.id, i);
  });
  for (const e of Object.keys(doc.echelonDefaults ?? {})) {
    if (!doc.nodes.some((n) => n.echelon === e))
      v.fail(
        `echelonDefaults.${e}`,
        `an echelon of some node (${[...new Set(doc.nodes.map((n) => n.echelon))].join(', ')})`,
      );
  }
  checkScenarios(v, doc, nodeIndex, groupsOfProducts);
  const nodes = doc.nodes.map((raw, i) =>
    compileNode(v, { ...(doc.echelonDefaults?.[raw.echelon] ?? {}), ...raw }, i, groupsOfProducts),
  );
  const arcs = compileArcs(v, doc, nodes, nodeIndex);
  checkNodeProducts(v, nodes, arcs);

  const bits: DesignBitInfo[] = [];
  for (const n of nodes) {
    if (!n.candidate) continue;
    if (n.options.length === 0) bits.push({ node: n.index, option: null, label: n.id, fixedCost: n.fixedCost });
    else
      n.options.forEach((o, k) =>
        bits.push({ node: n.index, option: k, label: `${n.id}:${o.id}`, fixedCost: o.fixedCost + n.fixedCost }),
      );
  }
  const groups = compileGroups(v, doc, nodes, nodeIndex);
  const f = doc.formulation ?? {};
  return Object.freeze({
    kind: 'network' as const,
    name: doc.name,
    source,
    doc,
    periods: T,
    products,
    productIndex,
    nodes,
    nodeIndex,
    arcs,
    bits,
    groups,
    objective: doc.objective ?? 'cost',
    carbonTax: doc.carbonTax ?? 0,
    constantCost: doc.constantCost ?? 0,
    integerFlows: doc.integerFlows ?? false,
    holding: doc.holding ?? 'end-of-period',
    formulation: {
      strongLinking: f.strongLinking ?? true,
      availabilityRows: f.availabilityRows ?? false,
      arcCapacityRows: f.arcCapacityRows ?? false,
      ...(f.bigM !== undefined ? { bigM: f.bigM } : {}),
    },
  });
}

/**
 * `base` with its nodes compiled again from `doc`, a document that differs from `base.doc` in node
 * entries alone (a two-stage scenario's supply and demand values): only the node entries that are
 * not the very objects of `base.doc` are compiled; arcs, design bits and rules are shared, since
 * they do not read supply or demand. Compiling 200 scenarios of a 10,000-arc network in full made
 * 2 million arc objects and spent most of its time collecting garbage.
 */
export function withNodeDocuments(base: NetworkInstance, doc: NetworkDocument, source: string): NetworkInstance {
  if (doc.nodes.length !== base.doc.nodes.length) throw new Error('withNodeDocuments: the node list changed');
  const v = new ValueReader(source, base.periods, base.productIndex);
  const groups = new Map(
    Object.entries(doc.productGroups ?? {}).map(([gid, members]) => [
      gid,
      members.map((m) => base.productIndex.get(m)!),
    ]),
  );
  const nodes = base.nodes.map((n, i) => {
    const raw = doc.nodes[i]!;
    if (raw === base.doc.nodes[i]) return n;
    if (raw.id !== n.id || raw.echelon !== n.echelon)
      throw new Error(`withNodeDocuments: node ${i} is ${raw.id}, was ${n.id}`);
    return compileNode(v, { ...(doc.echelonDefaults?.[raw.echelon] ?? {}), ...raw }, i, groups);
  });
  checkNodeProducts(v, nodes, base.arcs);
  return Object.freeze({ ...base, doc, nodes });
}

/** Probability tolerance: scenario probabilities written with a few decimals still sum to 1. */
const PROBABILITY_TOLERANCE = 1e-6;

/**
 * Two-stage scenarios: unique ids, probabilities summing to 1, listed nodes and products that
 * exist, values with one entry per period. What a scenario's changes select is checked when the
 * scenario is built (src/problems/network/stochastic/), by the scenario mechanism's own errors.
 */
function checkScenarios(
  v: ValueReader,
  doc: NetworkDocument,
  nodeIndex: ReadonlyMap<string, number>,
  groups: ReadonlyMap<string, number[]>,
): void {
  const list = doc.scenarios;
  if (!list) return;
  const ids = new Set<string>();
  let total = 0;
  list.forEach((s, i) => {
    const where = `scenarios[${i}] (${s.id})`;
    if (ids.has(s.id)) v.fail(`scenarios[${i}].id`, `a unique scenario id, '${s.id}' repeats`);
    ids.add(s.id);
    total += s.probability;
    const node = (id: string, w: string): void => {
      if (!nodeIndex.has(id)) {
        const near = nearestName(id, nodeIndex.keys());
        v.fail(w, `a node id, got ${JSON.stringify(id)}${near ? ` (did you mean '${near}'?)` : ''}`);
      }
    };
    for (const [n, values] of Object.entries(s.demand ?? {})) {
      node(n, `${where}.demand.${n}`);
      for (const [key, d] of Object.entries(values)) {
        if (!groups.has(key)) v.product(key, `${where}.demand.${n}.${key}`);
        demandBounds(v, d, `${where}.demand.${n}.${key}`);
      }
    }
    for (const [n, values] of Object.entries(s.supply ?? {})) {
      node(n, `${where}.supply.${n}`);
      for (const [key, x] of Object.entries(values)) {
        v.product(key, `${where}.supply.${n}.${key}`);
        supplyBounds(v, x, `${where}.supply.${n}.${key}`);
      }
    }
  });
  if (Math.abs(total - 1) > PROBABILITY_TOLERANCE) v.fail('scenarios', `probabilities summing to 1, got ${total}`);
}

function supplyBounds(v: ValueReader, s: SupplyDoc, where: string): PeriodBounds {
  const T = v.periods;
  if (s === 'unlimited') return { lower: new Float64Array(T), upper: new Float64Array(T).fill(Infinity) };
  if (typeof s === 'number' || Array.isArray(s)) return { lower: new Float64Array(T), upper: v.periodic(s, where) };
  if ('exactly' in s) {
    const x = v.periodic(s.exactly, `${where}.exactly`);
    return { lower: x, upper: x };
  }
  return { lower: new Float64Array(T), upper: v.periodic(s.upTo, `${where}.upTo`) };
}

function demandBounds(v: ValueReader, d: DemandDoc, where: string): PeriodBounds {
  const T = v.periods;
  if (typeof d === 'number' || Array.isArray(d)) {
    const x = v.periodic(d, where);
    return { lower: x, upper: x };
  }
  if ('exactly' in d) {
    const x = v.periodic(d.exactly, `${where}.exactly`);
    return { lower: x, upper: x };
  }
  if ('atLeast' in d) {
    const lower = v.periodic(d.atLeast, `${where}.atLeast`);
    const upper = d.atMost === undefined ? new Float64Array(T).fill(Infinity) : v.periodic(d.atMost, `${where}.atMost`);
    lower.forEach((l, t) => {
      if (l > upper[t]!) v.fail(`${where}`, `atLeast <= atMost, got ${l} > ${upper[t]} in period ${t + 1}`);
    });
    return { lower, upper };
  }
  return { lower: new Float64Array(T), upper: v.periodic(d.atMost, `${where}.atMost`) };
}

function compileConversions(
  v: ValueReader,
  list: readonly ConversionDoc[] | undefined,
  where: string,
  option: number | null,
): NetConversion[] {
  const seen = new Set<number>();
  return (list ?? []).map((c, i) => {
    const w = `${where}[${i}]`;
    const from = v.product(c.from, `${w}.from`);
    if (seen.has(from)) v.fail(`${w}.from`, `one conversion per input product here, '${c.from}' repeats`);
    seen.add(from);
    const to = Object.entries(c.to).map(([id, rate]) => ({
      product: v.product(id, `${w}.to.${id}`),
      rate: v.periodic(rate, `${w}.to.${id}`),
    }));
    if (to.length === 0) v.fail(`${w}.to`, 'at least one output product');
    return {
      from,
      to,
      cost: c.cost === undefined ? new Float64Array(v.periods) : v.periodic(c.cost, `${w}.cost`),
      emission: c.emission ?? 0,
      option,
    };
  });
}

function compileNode(v: ValueReader, raw: NodeDoc, i: number, productGroups: ReadonlyMap<string, number[]>): NetNode {
  const where = `nodes[${i}] (${raw.id})`;
  const T = v.periods;
  const supply = new Map<number, PeriodBounds>();
  for (const [id, s] of Object.entries(raw.supply ?? {}))
    supply.set(v.product(id, `${where}.supply.${id}`), supplyBounds(v, s, `${where}.supply.${id}`));
  const demand: NetDemand[] = Object.entries(raw.demand ?? {}).map(([key, d]) => {
    const group = productGroups.get(key);
    const products = group ?? [v.product(key, `${where}.demand.${key}`)];
    return { key, products, bounds: demandBounds(v, d, `${where}.demand.${key}`) };
  });
  const demanded = new Set(demand.flatMap((d) => d.products));
  for (const p of supply.keys())
    if (demanded.has(p))
      v.fail(
        `${where}.demand`,
        `a product not also supplied at this node ('${[...v.productIndex.keys()][p]}' is both)`,
      );
  const options: NetOption[] = (raw.options ?? []).map((o, k) => {
    const w = `${where}.options[${k}] (${o.id})`;
    const prods = o.products ? new Set(o.products.map((p, j) => v.product(p, `${w}.products[${j}]`))) : null;
    if ((o.handlingCost !== undefined || o.emission !== undefined) && prods === null)
      v.fail(
        `${w}.products`,
        'a product list: an option with its own handlingCost or emission must name the products it handles',
      );
    return {
      id: o.id,
      fixedCost: v.charge(o.fixedCost, `${w}.fixedCost`),
      capacity: v.capacity(o.capacity, `${w}.capacity`),
      products: prods,
      handlingCost: v.perProduct(o.handlingCost, `${w}.handlingCost`),
      emission: v.perProduct(o.emission, `${w}.emission`),
    };
  });
  const optionIds = new Set<string>();
  options.forEach((o, k) => {
    if (optionIds.has(o.id)) v.fail(`${where}.options[${k}].id`, `a unique option id, '${o.id}' repeats`);
    optionIds.add(o.id);
  });
  const listed = options.filter((o) => o.products !== null);
  if (listed.length > 0 && listed.length < options.length)
    v.fail(`${where}.options`, 'product lists on every option or on none');
  const owner = new Map<number, number>();
  options.forEach((o, k) =>
    o.products?.forEach((p) => {
      if (owner.has(p))
        v.fail(
          `${where}.options[${k}].products`,
          `lists disjoint between options ('${[...v.productIndex.keys()][p]}' is in two)`,
        );
      owner.set(p, k);
    }),
  );
  const conversions = [
    ...compileConversions(v, raw.conversions, `${where}.conversions`, null),
    ...(raw.options ?? []).flatMap((o, k) =>
      compileConversions(v, o.conversions, `${where}.options[${k}].conversions`, k),
    ),
  ];
  const nodeLevel = new Set(conversions.filter((c) => c.option === null).map((c) => c.from));
  conversions.forEach((c) => {
    if (c.option !== null && nodeLevel.has(c.from))
      v.fail(`${where}.options[${c.option}].conversions`, 'an input product not also converted at node level');
  });
  let inventory: NetInventory | null = null;
  if (raw.inventory) {
    const w = `${where}.inventory`;
    const prods = raw.inventory.products.map((p, j) => v.product(p, `${w}.products[${j}]`));
    const P = v.productIndex.size;
    const initialPP = v.perProduct(raw.inventory.initial, `${w}.initial`);
    const initial = new Float64Array(P);
    if (initialPP) for (let p = 0; p < P; p++) initial[p] = initialPP[p * T]!;
    const max = v.perProduct(raw.inventory.max, `${w}.max`) ?? new Float64Array(P * T).fill(Infinity);
    inventory = {
      products: prods,
      initial,
      holdingCost: v.perProduct(raw.inventory.holdingCost, `${w}.holdingCost`) ?? new Float64Array(P * T),
      max,
    };
  }
  const candidate = raw.fixedCost !== undefined || options.length > 0;
  if (candidate) {
    for (const [p, b] of supply)
      if (b.lower.some((x) => x > 0))
        v.fail(
          `${where}.supply.${[...v.productIndex.keys()][p]}`,
          'an upper bound only (a candidate node supplies only when open): use a number or {upTo}',
        );
    demand.forEach((d) => {
      if (d.bounds.lower.some((x) => x > 0))
        v.fail(
          `${where}.demand.${d.key}`,
          'a lower bound of 0 (a candidate node absorbs only when open): use {atLeast: 0, atMost: ...}',
        );
    });
  }
  if (raw.singleSource) {
    if (demand.length === 0) v.fail(`${where}.singleSource`, 'a node with demand');
    demand.forEach((d) => {
      if (d.bounds.lower.some((x, t) => x !== d.bounds.upper[t]))
        v.fail(`${where}.demand.${d.key}`, 'an exact demand (single sourcing ships the whole demand on one arc)');
    });
  }
  return {
    index: i,
    id: raw.id,
    echelon: raw.echelon,
    ...(raw.name !== undefined ? { name: raw.name } : {}),
    ...(raw.cluster !== undefined ? { cluster: raw.cluster } : {}),
    ...(raw.lat !== undefined ? { lat: raw.lat } : {}),
    ...(raw.lon !== undefined ? { lon: raw.lon } : {}),
    ...(raw.x !== undefined ? { x: raw.x } : {}),
    ...(raw.y !== undefined ? { y: raw.y } : {}),
    supply,
    supplyCost: v.perProduct(raw.supplyCost, `${where}.supplyCost`),
    demand,
    price: perProductSigned(v, raw.price, `${where}.price`),
    handlingCost: v.perProduct(raw.handlingCost, `${where}.handlingCost`),
    emission: v.perProduct(raw.emission, `${where}.emission`),
    capacity: v.capacity(raw.capacity, `${where}.capacity`),
    conversions,
    inventory,
    options,
    candidate,
    fixedCost: v.charge(raw.fixedCost, `${where}.fixedCost`),
    singleSource: raw.singleSource ?? false,
    throughputIsOutflow: supply.size > 0,
  };
}

function perProductSigned(v: ValueReader, value: NodeDoc['price'], where: string): Float64Array | null {
  if (value === undefined) return null;
  const T = v.periods;
  const P = v.productIndex.size;
  const out = new Float64Array(P * T);
  const expand = (x: number | number[], w: string): Float64Array => {
    if (typeof x === 'number') return new Float64Array(T).fill(x);
    if (x.length !== T) v.fail(w, `one value per period (${T}), got ${x.length}`);
    return Float64Array.from(x);
  };
  if (typeof value === 'number' || Array.isArray(value)) {
    const e = expand(value, where);
    for (let p = 0; p < P; p++) out.set(e, p * T);
  } else
    for (const [id, x] of Object.entries(value))
      out.set(expand(x, `${where}.${id}`), v.product(id, `${where}.${id}`) * T);
  return out;
}

/** Products an arc carries: its list, else the keys of a per-product unit cost, else all. */
function arcProducts(v: ValueReader, a: ArcDoc | ArcRuleDoc, where: string): number[] {
  if (a.products) return a.products.map((p, i) => v.product(p, `${where}.products[${i}]`));
  for (const key of ['unitCost', 'costPerKm'] as const) {
    const val = a[key];
    if (val !== undefined && typeof val === 'object' && !Array.isArray(val))
      return Object.keys(val).map((p) => v.product(p, `${where}.${key}.${p}`));
  }
  return [...v.productIndex.values()];
}

interface ArcTemplate {
  readonly products: readonly number[];
  readonly unit: Float64Array | null;
  readonly perKm: Float64Array | null;
  readonly emission: Float64Array | null;
  readonly emissionPerKm: Float64Array | null;
  readonly capacity: NetCapacity | null;
}

function template(v: ValueReader, a: ArcDoc | ArcRuleDoc, where: string): ArcTemplate {
  return {
    products: arcProducts(v, a, where),
    unit: v.perProduct(a.unitCost, `${where}.unitCost`),
    perKm: v.perProduct(a.costPerKm, `${where}.costPerKm`),
    emission: v.perProduct(a.emission, `${where}.emission`),
    emissionPerKm: v.perProduct(a.emissionPerKm, `${where}.emissionPerKm`),
    capacity: v.capacity(a.capacity, `${where}.capacity`),
  };
}

function makeArc(
  v: ValueReader,
  index: number,
  from: number,
  to: number,
  km: number | undefined,
  tp: ArcTemplate,
): NetArc {
  const T = v.periods;
  const K = tp.products.length;
  const cost = new Float64Array(K * T);
  const emission = new Float64Array(K * T);
  const d = km ?? 0;
  tp.products.forEach((p, k) => {
    for (let t = 0; t < T; t++) {
      const j = p * T + t;
      cost[k * T + t] = (tp.unit?.[j] ?? 0) + d * (tp.perKm?.[j] ?? 0);
      emission[k * T + t] = (tp.emission?.[j] ?? 0) + d * (tp.emissionPerKm?.[j] ?? 0);
    }
  });
  return {
    index,
    from,
    to,
    products: tp.products,
    cost,
    emission,
    capacity: tp.capacity,
    ...(km !== undefined ? { km } : {}),
  };
}

function compileArcs(
  v: ValueReader,
  doc: NetworkDocument,
  nodes: readonly NetNode[],
  nodeIndex: ReadonlyMap<string, number>,
): NetArc[] {
  const arcs: NetArc[] = [];
  const seen = new Set<string>();
  const add = (from: number, to: number, km: number | undefined, tp: ArcTemplate, where: string): void => {
    if (from === to) v.fail(where, `an arc between two different nodes, got ${nodes[from]!.id} -> itself`);
    const key = `${from}>${to}`;
    if (seen.has(key)) v.fail(where, `one arc per node pair, ${nodes[from]!.id} -> ${nodes[to]!.id} repeats`);
    seen.add(key);
    arcs.push(makeArc(v, arcs.length, from, to, km, tp));
  };
  const node = (id: string, where: string): number => {
    const i = nodeIndex.get(id);
    if (i === undefined) v.fail(where, `a node id, got ${JSON.stringify(id)}`);
    return i;
  };
  (doc.arcs ?? []).forEach((a, i) => {
    const where = `arcs[${i}] (${a.from} -> ${a.to})`;
    if (a.costPerKm !== undefined && a.km === undefined)
      v.fail(`${where}.km`, 'a distance in km (the arc has a costPerKm)');
    if (a.emissionPerKm !== undefined && a.km === undefined)
      v.fail(`${where}.km`, 'a distance in km (the arc has an emissionPerKm)');
    add(node(a.from, `${where}.from`), node(a.to, `${where}.to`), a.km, template(v, a, where), where);
  });
  const echelons = new Set(nodes.map((n) => n.echelon));
  (doc.arcRules ?? []).forEach((r, i) => {
    const where = `arcRules[${i}] (${r.from} -> ${r.to})`;
    for (const e of [r.from, r.to])
      if (!echelons.has(e)) v.fail(where, `echelons of some nodes (${[...echelons].join(', ')}), got '${e}'`);
    const tp = template(v, r, where);
    const needsKm = r.costPerKm !== undefined || r.emissionPerKm !== undefined;
    const metric = doc.distance?.metric;
    if (needsKm && metric === undefined)
      v.fail('distance', `a distance rule ({metric: haversine | euclidean}) for ${where}`);
    const circuity = doc.distance?.circuity ?? 1;
    const kmOf = (a: NetNode, b: NetNode): number | undefined => {
      if (!needsKm) return undefined;
      const [x1, y1, x2, y2] = metric === 'haversine' ? [a.lon, a.lat, b.lon, b.lat] : [a.x, a.y, b.x, b.y];
      if (x1 === undefined || y1 === undefined)
        v.fail(
          `nodes[${a.index}] (${a.id})`,
          `coordinates (${metric === 'haversine' ? 'lat, lon' : 'x, y'}) for ${where}`,
        );
      if (x2 === undefined || y2 === undefined)
        v.fail(
          `nodes[${b.index}] (${b.id})`,
          `coordinates (${metric === 'haversine' ? 'lat, lon' : 'x, y'}) for ${where}`,
        );
      return circuity * distance(metric!, x1, y1, x2, y2);
    };
    const froms = nodes.filter((n) => n.echelon === r.from);
    const tos = nodes.filter((n) => n.echelon === r.to);
    if (r.sameCluster) {
      const byCluster = new Map<string, NetNode[]>();
      for (const b of tos) {
        if (b.cluster === undefined)
          v.fail(`nodes[${b.index}] (${b.id}).cluster`, `a cluster (${where} is same-cluster)`);
        byCluster.set(b.cluster, [...(byCluster.get(b.cluster) ?? []), b]);
      }
      for (const a of froms) {
        if (a.cluster === undefined)
          v.fail(`nodes[${a.index}] (${a.id}).cluster`, `a cluster (${where} is same-cluster)`);
        for (const b of byCluster.get(a.cluster) ?? []) add(a.index, b.index, kmOf(a, b), tp, where);
      }
    } else for (const a of froms) for (const b of tos) add(a.index, b.index, kmOf(a, b), tp, where);
  });
  return arcs;
}

/** Product references that only make sense with arcs: every demanded product can arrive somewhere. */
function checkNodeProducts(v: ValueReader, nodes: readonly NetNode[], arcs: readonly NetArc[]): void {
  const arrives = nodes.map(() => new Set<number>());
  for (const a of arcs) for (const p of a.products) arrives[a.to]!.add(p);
  for (const n of nodes) {
    for (const d of n.demand) {
      const produced = new Set(n.conversions.flatMap((c) => c.to.map((o) => o.product)));
      const can = d.products.some(
        (p) => arrives[n.index]!.has(p) || produced.has(p) || n.inventory?.products.includes(p),
      );
      if (!can && d.bounds.lower.some((x) => x > 0))
        v.fail(
          `nodes[${n.index}] (${n.id}).demand.${d.key}`,
          'an arc into the node carrying the product (none does, so the demand cannot be met)',
        );
    }
  }
}

function compileGroups(
  v: ValueReader,
  doc: NetworkDocument,
  nodes: readonly NetNode[],
  nodeIndex: ReadonlyMap<string, number>,
): CountRule[] {
  const out: CountRule[] = [];
  (doc.groups ?? []).forEach((g, i) => {
    const where = `groups[${i}]`;
    const name = g.name ?? `group ${i + 1}`;
    let members: NetNode[];
    if (Array.isArray(g.members)) {
      members = g.members.map((id, j) => {
        const k = nodeIndex.get(id);
        if (k === undefined) v.fail(`${where}.members[${j}]`, `a node id, got ${JSON.stringify(id)}`);
        return nodes[k]!;
      });
    } else {
      const sel = g.members;
      members = nodes.filter(
        (n) =>
          n.candidate &&
          (sel.echelon === undefined || n.echelon === sel.echelon) &&
          (sel.cluster === undefined || n.cluster === sel.cluster),
      );
      if (members.length === 0)
        v.fail(`${where}.members`, `a selection matching some candidate node, ${JSON.stringify(sel)} matches none`);
    }
    members.forEach((n) => {
      if (!n.candidate)
        v.fail(`${where}.members`, `candidate nodes only (with fixedCost or options), '${n.id}' is not one`);
    });
    if (g.perCluster) {
      const byCluster = new Map<string, number[]>();
      for (const n of members) {
        if (n.cluster === undefined)
          v.fail(`nodes[${n.index}] (${n.id}).cluster`, `a cluster (${where} is per cluster)`);
        byCluster.set(n.cluster, [...(byCluster.get(n.cluster) ?? []), n.index]);
      }
      for (const [c, list] of byCluster)
        out.push({ name: `${name} (cluster ${c})`, nodes: list, rule: g.rule, count: g.count });
    } else out.push({ name, nodes: members.map((n) => n.index), rule: g.rule, count: g.count });
  });
  const candidates = nodes.filter((n) => n.candidate).map((n) => n.index);
  if (doc.minOpen !== undefined) out.push({ name: 'minOpen', nodes: candidates, rule: 'atLeast', count: doc.minOpen });
  if (doc.maxOpen !== undefined) out.push({ name: 'maxOpen', nodes: candidates, rule: 'atMost', count: doc.maxOpen });
  return out;
}

import { distance, type DistanceMetric } from '../../../io/geo.js';
import { JsonFields } from '../../../io/json-fields.js';
import {
  ccRmcKm,
  ccWdcKm,
  dealerCcKm,
  QUALITIES,
  rmcWdcKm,
  type JakartaInstance,
  type Quality,
} from './legacy/jakarta/instance.js';
import { parseJakartaJson } from './legacy/jakarta/json-reader.js';
import type { ArcDoc, ArcRuleDoc, ConversionDoc, NetworkDocument, NodeDoc } from '../schema.js';
import { withProvenance } from './provenance.js';
import type { Converter } from './types.js';

/** Echelon labels of a converted Jakarta network. */
export const JAKARTA_ECHELONS = { dealer: 'dealer', cc: 'CC', rmc: 'RMC', wdc: 'WDC' } as const;

/** Product id of a pack of battery type `type`. */
export const packId = (type: string): string => `pack-${type}`;
/** Product id of a cell of battery type `type` and quality class `q`. */
export const cellId = (type: string, q: Quality): string => `cell-${type}-${q}`;
/** Product id of a kg of RMC solid waste from battery type `type`. */
export const wasteId = (type: string): string => `waste-${type}`;

/** How a jakarta-rln file turns coordinates into road km: circuity x metric distance. */
export interface DistanceRule {
  readonly metric: DistanceMetric;
  readonly circuity: number;
}

/** Options of {@link jakartaToNetwork}. */
export interface JakartaToNetworkOptions {
  /**
   * The file's distance rule. When it reproduces every distance of the instance, arcs are written
   * as rules over coordinates (O(nodes) file); otherwise, or without it, each arc is listed with its km.
   */
  readonly distance?: DistanceRule;
  /** The source's provenance block, kept whole. */
  readonly provenance?: unknown;
}

const CONVERSION_NOTE =
  'rlnd convert (src/problems/network/convert/from-jakarta.ts): dealers supply exactly their packs at the ' +
  'quality-weighted acquisition cost per pack; each CC converts a pack of type b into alpha_u x S_b cells of ' +
  "class u (its cluster's shares) at the CC processing cost and emission per pack; RMCs take L1/L2 cells " +
  '(processing cost and emission per cell) and turn each into wasteRatio x cell mass kg of waste; WDCs absorb ' +
  'L3 cells (disposal cost and emission per cell) and waste; arcs cost km x per-km rate and emit km x per-km ' +
  'emission; one CC per cluster, one RMC, one WDC; carbon tax on all emissions.';

/**
 * The Jakarta network (Bafadal et al. 2025) as a network document, the same model as
 * jakarta-rln/network-model.ts: products are packs per battery type, cells per type and quality
 * class, and waste kg per type. Per-CC cell balances (the bespoke model's reading of (7)-(10))
 * are the CC's conversion, processed on arrival since packs cannot leave a CC; per-RMC waste
 * balances (11) are the RMC's conversion. Acquisition is charged on supply, which equals packs
 * received since every pack is collected.
 */
export function jakartaToNetwork(inst: JakartaInstance, options: JakartaToNetworkOptions = {}): NetworkDocument {
  const { types } = inst;
  const E = JAKARTA_ECHELONS;
  const rule =
    options.distance !== undefined && reproducesDistances(inst, options.distance) ? options.distance : undefined;
  const perType = (id: (t: string) => string, value: (b: number) => number): Record<string, number> =>
    Object.fromEntries(types.map((t, b) => [id(t.id), value(b)]));
  const perCell = (qs: readonly Quality[], value: (b: number, q: Quality) => number): Record<string, number> =>
    Object.fromEntries(types.flatMap((t, b) => qs.map((q) => [cellId(t.id, q), value(b, q)])));

  // Cluster-specific data (shares alpha_k) go to echelonDefaults when every cluster has the same shares.
  const supplyCost = (k: number): Record<string, number> =>
    perType(packId, (b) => inst.alpha[k]![b]!.reduce((s, a, u) => s + a * inst.acquisition[b]![u]!, 0));
  const ccConversions = (k: number): ConversionDoc[] =>
    types.map((t, b) => ({
      from: packId(t.id),
      to: Object.fromEntries(QUALITIES.map((q, u) => [cellId(t.id, q), inst.alpha[k]![b]![u]! * t.cellsPerPack])),
    }));
  const uniform = inst.alpha.every((a) => JSON.stringify(a) === JSON.stringify(inst.alpha[0]));

  const pc = inst.processingCost;
  const pe = inst.processingEmission;
  const rmcRate = (rates: typeof pc) =>
    perCell(['L1', 'L2'], (b, q) => (q === 'L1' ? rates.rmcL1PerCell[b]! : rates.rmcL2PerCell[b]!));
  const echelonDefaults: NonNullable<NetworkDocument['echelonDefaults']> = {
    ...(uniform && inst.dealers.length > 0 ? { [E.dealer]: { supplyCost: supplyCost(0) } } : {}),
    [E.cc]: {
      handlingCost: perType(packId, (b) => pc.ccPerPack[b]!),
      emission: perType(packId, (b) => pe.ccPerPack[b]!),
      ...(uniform ? { conversions: ccConversions(0) } : {}),
    },
    [E.rmc]: {
      handlingCost: rmcRate(pc),
      emission: rmcRate(pe),
      conversions: types.flatMap((t) =>
        (['L1', 'L2'] as const).map((q) => ({
          from: cellId(t.id, q),
          to: { [wasteId(t.id)]: inst.wasteRatio * t.cellMassKg },
        })),
      ),
    },
    [E.wdc]: {
      handlingCost: perCell(['L3'], (b) => pc.wdcL3PerCell[b]!),
      emission: perCell(['L3'], (b) => pe.wdcL3PerCell[b]!),
      demand: Object.fromEntries(
        types.flatMap((t) => [
          [cellId(t.id, 'L3'), { atLeast: 0 }],
          [wasteId(t.id), { atLeast: 0 }],
        ]),
      ),
    },
  };

  const place = placeFor(rule);
  const clusterId = (k: number): string => inst.clusters[k]!.id;
  const dealers: NodeDoc[] = inst.dealers.map((d) => ({
    id: d.id,
    echelon: E.dealer,
    cluster: clusterId(d.cluster),
    ...place(d),
    supply: Object.fromEntries(
      types.flatMap((t, b) => (d.packs[b]! > 0 ? [[packId(t.id), { exactly: d.packs[b]! }]] : [])),
    ),
    ...(uniform ? {} : { supplyCost: supplyCost(d.cluster) }),
  }));
  const ccs: NodeDoc[] = inst.ccs.map((c) => ({
    id: c.id,
    echelon: E.cc,
    cluster: clusterId(c.cluster),
    ...place(c),
    fixedCost: c.fixedCost,
    ...(uniform ? {} : { conversions: ccConversions(c.cluster) }),
  }));
  const hubs = (list: JakartaInstance['rmcs'], echelon: string): NodeDoc[] =>
    list.map((s) => ({ id: s.id, echelon, ...place(s), fixedCost: s.fixedCost }));

  const tc = inst.transportCost;
  const te = inst.transportEmission;
  const packs = types.map((t) => packId(t.id));
  const rmcCells = types.flatMap((t) => [cellId(t.id, 'L1'), cellId(t.id, 'L2')]);
  const wdcCells = types.map((t) => cellId(t.id, 'L3'));
  const waste = types.map((t) => wasteId(t.id));
  const lane = (products: string[], costPerKm: Record<string, number>, emissionPerKm: Record<string, number>) => ({
    products,
    costPerKm,
    emissionPerKm,
  });
  const lanes = {
    dealerCc: lane(
      packs,
      perType(packId, (b) => tc.perPackKm[b]!),
      perType(packId, (b) => te.perPackKm[b]!),
    ),
    ccRmc: lane(
      rmcCells,
      perCell(['L1', 'L2'], (b) => tc.perCellKm[b]!),
      perCell(['L1', 'L2'], (b) => te.perCellKm[b]!),
    ),
    ccWdc: lane(
      wdcCells,
      perCell(['L3'], (b) => tc.perCellKm[b]!),
      perCell(['L3'], (b) => te.perCellKm[b]!),
    ),
    rmcWdc: lane(
      waste,
      perType(wasteId, (b) => tc.wastePerKgKm[b]!),
      perType(wasteId, (b) => te.wastePerKgKm[b]!),
    ),
  };

  const doc: NetworkDocument = {
    problem: 'network',
    name: inst.name,
    description:
      'Jakarta-style EV-battery reverse-logistics network (Bafadal et al. 2025): dealers -> one CC per cluster -> RMC (L1, L2 cells) / WDC (L3 cells, RMC waste), carbon tax',
    provenance: withProvenance(options.provenance, 'conversion', CONVERSION_NOTE),
    products: [
      ...types.map((t) => ({ id: packId(t.id), unit: 'pack', massKg: t.cellsPerPack * t.cellMassKg })),
      ...types.flatMap((t) => QUALITIES.map((q) => ({ id: cellId(t.id, q), unit: 'cell', massKg: t.cellMassKg }))),
      ...types.map((t) => ({ id: wasteId(t.id), unit: 'kg', massKg: 1 })),
    ],
    carbonTax: inst.carbonTax,
    ...(rule ? { distance: { metric: rule.metric, circuity: rule.circuity } } : {}),
    echelonDefaults,
    nodes: [...dealers, ...ccs, ...hubs(inst.rmcs, E.rmc), ...hubs(inst.wdcs, E.wdc)],
    ...(rule
      ? {
          arcRules: [
            { from: E.dealer, to: E.cc, sameCluster: true, ...lanes.dealerCc },
            { from: E.cc, to: E.rmc, ...lanes.ccRmc },
            { from: E.cc, to: E.wdc, ...lanes.ccWdc },
            { from: E.rmc, to: E.wdc, ...lanes.rmcWdc },
          ] satisfies ArcRuleDoc[],
        }
      : { arcs: listedArcs(inst, lanes) }),
    groups: [
      { name: 'one CC per cluster', members: { echelon: E.cc }, perCluster: true, rule: 'exactly', count: 1 },
      { name: 'one RMC', members: { echelon: E.rmc }, rule: 'exactly', count: 1 },
      { name: 'one WDC', members: { echelon: E.wdc }, rule: 'exactly', count: 1 },
    ],
  };
  return doc;
}

type Lane = Pick<ArcDoc, 'products' | 'costPerKm' | 'emissionPerKm'>;

/** Every arc of the bespoke model with its km (dealers to the CCs of their own cluster only). */
function listedArcs(inst: JakartaInstance, lanes: Record<'dealerCc' | 'ccRmc' | 'ccWdc' | 'rmcWdc', Lane>): ArcDoc[] {
  const arcs: ArcDoc[] = [];
  inst.dealers.forEach((d, di) =>
    inst.ccs.forEach((c, i) => {
      if (c.cluster === d.cluster) arcs.push({ from: d.id, to: c.id, km: dealerCcKm(inst, di, i), ...lanes.dealerCc });
    }),
  );
  inst.ccs.forEach((c, i) => {
    inst.rmcs.forEach((r, j) => arcs.push({ from: c.id, to: r.id, km: ccRmcKm(inst, i, j), ...lanes.ccRmc }));
    inst.wdcs.forEach((w, k) => arcs.push({ from: c.id, to: w.id, km: ccWdcKm(inst, i, k), ...lanes.ccWdc }));
  });
  inst.rmcs.forEach((r, j) =>
    inst.wdcs.forEach((w, k) => arcs.push({ from: r.id, to: w.id, km: rmcWdcKm(inst, j, k), ...lanes.rmcWdc })),
  );
  return arcs;
}

type Located = { readonly lat?: number; readonly lon?: number };

/**
 * Coordinates as the network reads them: euclidean distances are on x/y (the jakarta-rln reader
 * takes x = lon, y = lat), haversine on lat/lon. Without a rule they are kept for maps only.
 */
function placeFor(rule: DistanceRule | undefined): (p: Located) => Pick<NodeDoc, 'lat' | 'lon' | 'x' | 'y'> {
  return (p) => {
    if (p.lat === undefined || p.lon === undefined) return {};
    const geographic = rule ? rule.metric === 'haversine' : Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
    return geographic ? { lat: p.lat, lon: p.lon } : { x: p.lon, y: p.lat };
  };
}

/** True when `rule` over the sites' coordinates gives every distance of the instance (to round-off). */
function reproducesDistances(inst: JakartaInstance, rule: DistanceRule): boolean {
  const km = (a: Located, b: Located): number =>
    a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined
      ? NaN
      : rule.circuity * distance(rule.metric, a.lon, a.lat, b.lon, b.lat);
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
  const { dealers, ccs, rmcs, wdcs } = inst;
  for (let d = 0; d < dealers.length; d++) {
    for (let i = 0; i < ccs.length; i++) {
      if (ccs[i]!.cluster === dealers[d]!.cluster && !same(km(dealers[d]!, ccs[i]!), dealerCcKm(inst, d, i)))
        return false;
    }
  }
  for (let i = 0; i < ccs.length; i++) {
    for (let j = 0; j < rmcs.length; j++) if (!same(km(ccs[i]!, rmcs[j]!), ccRmcKm(inst, i, j))) return false;
    for (let w = 0; w < wdcs.length; w++) if (!same(km(ccs[i]!, wdcs[w]!), ccWdcKm(inst, i, w))) return false;
  }
  for (let j = 0; j < rmcs.length; j++)
    for (let w = 0; w < wdcs.length; w++) if (!same(km(rmcs[j]!, wdcs[w]!), rmcWdcKm(inst, j, w))) return false;
  return true;
}

/** jakarta-rln JSON (bundled or generated by `rlnd generate jakarta-rln`) -> network. */
export const jakartaConverter: Converter = {
  description: 'Jakarta network (Bafadal et al. 2025) in the jakarta-rln JSON format',
  options: [],
  convert({ data, file }) {
    const inst = parseJakartaJson(data, file);
    const f = new JsonFields(file);
    const root = f.object(data, '(top level)');
    const dist = f.object(root.distance, 'distance');
    const rule: DistanceRule = {
      metric: f.oneOf(dist.metric, 'distance.metric', ['haversine', 'euclidean'] as const),
      circuity: f.number(dist.circuity ?? 1, 'distance.circuity', { min: 1 }),
    };
    return jakartaToNetwork(inst, { distance: rule, provenance: root.provenance });
  },
};

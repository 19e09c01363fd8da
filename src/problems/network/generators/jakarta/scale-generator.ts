import { InputError } from '../../../../core/errors.js';
import { haversineKm } from '../../../../io/geo.js';
import { jakartaConverter, JAKARTA_ECHELONS, packId } from '../../convert/from-jakarta.js';
import type { NetworkDocument, NodeDoc } from '../../schema.js';
import { makeRng, type Rng } from '../../../../search/rng.js';
import { ASSUMPTIONS, generateJakartaInstance } from './generate-instance.js';
import { largestRemainder } from './rounding.js';

/** Dealer layouts: around cluster centres ("cities"), or uniform over the box. */
export type JrlnLayout = 'uniform' | 'clustered';

/** Parameters of a generated Jakarta-style network (the CLI options of `rlnd generate jakarta-rln`). */
export interface JakartaScaleParams {
  readonly dealers: number;
  readonly clusters: number;
  /** CC candidates in every cluster (the paper has 4). */
  readonly ccPerCluster: number;
  readonly rmc: number;
  readonly wdc: number;
  readonly layout: JrlnLayout;
  readonly seed: number;
  readonly name?: string;
}

/**
 * Assumptions of the generator beyond what it copies from the reconstructed Jakarta instance.
 * Rates, battery types, quality shares, waste ratio, carbon tax, circuity, dealer scatter
 * (`sigmaFraction`) and dealer size range are Jakarta's own (generate-instance.ts ASSUMPTIONS).
 */
export const SCALE_ASSUMPTIONS = {
  /** Each site's fixed cost = Jakarta's cost of its facility type x U(1 - s, 1 + s): sites differ, so fixed cost matters. */
  fixedCostSpread: 0.2,
  /** Cluster ("city") weight U(lo, hi); clustered layout: dealers per cluster = 1 + share of the rest by weight. */
  clusterWeight: [0.5, 1.5] as const,
} as const;

const KM_PER_DEG = 111.32;
const SOURCE = 'generate jakarta-rln';

/** Checks generator parameters; errors name the CLI option. */
export function checkJakartaScaleParams(p: JakartaScaleParams): void {
  const bad = (option: string, expected: string): never => {
    throw new InputError(SOURCE, `--${option}`, expected);
  };
  const positive = (option: string, v: number): void => {
    if (!Number.isInteger(v) || v < 1) bad(option, `a positive integer, got ${v}`);
  };
  positive('dealers', p.dealers);
  positive('clusters', p.clusters);
  positive('cc-per-cluster', p.ccPerCluster);
  positive('rmc', p.rmc);
  positive('wdc', p.wdc);
  if (p.dealers < p.clusters)
    bad('dealers', `at least --clusters (${p.clusters}) so every cluster can hold a dealer, got ${p.dealers}`);
  if (!['uniform', 'clustered'].includes(p.layout)) bad('layout', `uniform or clustered, got ${p.layout}`);
  if (!Number.isInteger(p.seed)) bad('seed', `an integer, got ${p.seed}`);
}

interface Point {
  lat: number;
  lon: number;
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const pad = (n: number, count: number): string => String(n).padStart(String(count).length, '0');
const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.next();
const gauss = (rng: Rng): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/** Point `dy`, `dx` km north and east of `c` (local flat-earth offset; fine at city scale). */
function offset(c: Point, dy: number, dx: number): Point {
  return {
    lat: round6(c.lat + dy / KM_PER_DEG),
    lon: round6(c.lon + dx / (KM_PER_DEG * Math.cos((c.lat * Math.PI) / 180))),
  };
}

/** What the generator takes from the reconstructed Jakarta instance (instances/jakarta-rln/jakarta.json). */
interface JakartaBase {
  readonly centre: Point;
  /** km^2 of Jakarta's bounding box (all dealers and sites) per cluster. */
  readonly areaPerCluster: number;
  readonly packsPerDealer: number;
  /** Share of each battery type in each Jakarta cluster: the pack mixes a generated cluster copies. */
  readonly mixes: readonly (readonly number[])[];
  readonly typeIds: readonly string[];
  readonly fixed: { readonly cc: number; readonly rmc: number; readonly wdc: number };
  /** The reconstructed Jakarta network: products, rates, arc rules and groups every generated network shares. */
  readonly network: NetworkDocument;
}

let cached: JakartaBase | null = null;

function jakartaBase(): JakartaBase {
  if (cached) return cached;
  // The generator's output is byte-for-byte instances/jakarta-rln/jakarta.json (checked by the tests),
  // so this reads the same numbers without depending on the working directory; its network is what
  // `rlnd convert` writes for it (instances/network/jakarta-rln.json).
  const data = generateJakartaInstance();
  const network = jakartaConverter.convert({ file: SOURCE, text: '', data, options: {} });
  type Site = Point & { fixedCost: number; cluster?: string };
  type Dealer = Point & { cluster: string; packs: Record<string, number> };
  const dealers = data.dealers as Dealer[];
  const ccs = data.ccCandidates as Site[];
  const rmcs = data.rmcCandidates as Site[];
  const wdcs = data.wdcCandidates as Site[];
  const clusters = data.clusters as { id: string }[];
  const typeIds = (data.batteryTypes as { id: string }[]).map((t) => t.id);
  const all: Point[] = [...dealers, ...ccs, ...rmcs, ...wdcs];
  const lats = all.map((p) => p.lat);
  const lons = all.map((p) => p.lon);
  const centre = { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lon: (Math.min(...lons) + Math.max(...lons)) / 2 };
  const heightKm = (Math.max(...lats) - Math.min(...lats)) * KM_PER_DEG;
  const widthKm = (Math.max(...lons) - Math.min(...lons)) * KM_PER_DEG * Math.cos((centre.lat * Math.PI) / 180);
  const mixes = clusters.map((c) => {
    const mine = dealers.filter((d) => d.cluster === c.id);
    const perType = typeIds.map((t) => mine.reduce((s, d) => s + d.packs[t]!, 0));
    const total = perType.reduce((s, v) => s + v, 0);
    return perType.map((v) => v / total);
  });
  const totalPacks = dealers.reduce((s, d) => s + typeIds.reduce((a, t) => a + d.packs[t]!, 0), 0);
  cached = {
    network,
    centre,
    areaPerCluster: (heightKm * widthKm) / clusters.length,
    packsPerDealer: totalPacks / dealers.length,
    mixes,
    typeIds,
    fixed: { cc: ccs[0]!.fixedCost, rmc: rmcs[0]!.fixedCost, wdc: wdcs[0]!.fixedCost },
  };
  return cached;
}

/**
 * A seeded Jakarta-style network of any size, as a network document (its provenance records the
 * parameters under `generator`). Sites and dealers carry coordinates only and arcs are rules (same
 * cluster for dealer -> CC), so the file is O(dealers + candidates). Economics, arc rules and count
 * rules are those of the reconstructed Jakarta network (see {@link SCALE_ASSUMPTIONS} for the two
 * additions); the map is a square box around Jakarta with Jakarta's area per cluster, so cluster
 * density stays Jakarta-like as the network grows.
 */
export function generateJakartaScale(p: JakartaScaleParams): NetworkDocument {
  checkJakartaScaleParams(p);
  const base = jakartaBase();
  const A = ASSUMPTIONS;
  const S = SCALE_ASSUMPTIONS;
  const K = p.clusters;
  const sideKm = Math.sqrt(K * base.areaPerCluster);
  // Independent streams: e.g. adding dealers does not move the sites.
  const rngCentres = makeRng(p.seed, 'jrln-scale:centres');
  const rngSites = makeRng(p.seed, 'jrln-scale:sites');
  const rngDealers = makeRng(p.seed, 'jrln-scale:dealers');
  const inBox = (rng: Rng): Point => offset(base.centre, (rng.next() - 0.5) * sideKm, (rng.next() - 0.5) * sideKm);

  const centres = Array.from({ length: K }, () => inBox(rngCentres));
  const weights = centres.map(() => uniform(rngCentres, ...S.clusterWeight));
  const mixOf = centres.map(() => base.mixes[rngCentres.int(base.mixes.length)]!);
  // Jakarta's scatter rule: sigma_k = 0.3 x km to the nearest other centre (the box side if alone).
  const sigma = centres.map((c, k) => {
    const nearest = Math.min(
      sideKm,
      ...centres.filter((_, o) => o !== k).map((o) => haversineKm(c.lon, c.lat, o.lon, o.lat)),
    );
    return A.sigmaFraction * nearest;
  });
  const clusterId = (k: number): string => `K${pad(k + 1, K)}`;
  const clusters = centres.map((c, k) => ({ id: clusterId(k), centroid: { lat: c.lat, lon: c.lon } }));

  const fixed = (level: number): number =>
    Math.round(level * uniform(rngSites, 1 - S.fixedCostSpread, 1 + S.fixedCostSpread));
  const ccCandidates = centres.flatMap((c, k) =>
    Array.from({ length: p.ccPerCluster }, (_, i) => ({
      id: `CC${pad(k + 1, K)}-${pad(i + 1, p.ccPerCluster)}`,
      cluster: clusterId(k),
      ...offset(c, sigma[k]! * gauss(rngSites), sigma[k]! * gauss(rngSites)),
      fixedCost: fixed(base.fixed.cc),
    })),
  );
  const hub = (prefix: string, count: number, level: number) =>
    Array.from({ length: count }, (_, j) => ({
      id: `${prefix}-${pad(j + 1, count)}`,
      ...inBox(rngSites),
      fixedCost: fixed(level),
    }));
  const rmcCandidates = hub('RMC', p.rmc, base.fixed.rmc);
  const wdcCandidates = hub('WDC', p.wdc, base.fixed.wdc);

  // Dealer positions and clusters.
  const placed: { k: number; at: Point }[] = [];
  if (p.layout === 'clustered') {
    const counts = largestRemainder(p.dealers - K, weights).map((n) => n + 1);
    counts.forEach((n, k) => {
      for (let d = 0; d < n; d++)
        placed.push({ k, at: offset(centres[k]!, sigma[k]! * gauss(rngDealers), sigma[k]! * gauss(rngDealers)) });
    });
  } else {
    for (let d = 0; d < p.dealers; d++) {
      const at = inBox(rngDealers);
      let k = 0;
      let bestKm = Infinity;
      centres.forEach((c, o) => {
        const km = haversineKm(at.lon, at.lat, c.lon, c.lat);
        if (km < bestKm) [k, bestKm] = [o, km];
      });
      placed.push({ k, at });
    }
  }
  const E = JAKARTA_ECHELONS;
  const dealers: NodeDoc[] = placed.map(({ k, at }, d) => {
    const total = Math.max(1, Math.round(base.packsPerDealer * uniform(rngDealers, ...A.dealerSize)));
    const split = largestRemainder(total, mixOf[k]!);
    const supply = Object.fromEntries(
      base.typeIds.flatMap((t, b) => (split[b]! > 0 ? [[packId(t), { exactly: split[b]! }]] : [])),
    );
    return { id: `D${pad(d + 1, p.dealers)}`, echelon: E.dealer, cluster: clusterId(k), ...at, supply };
  });
  const site =
    (echelon: string) =>
    (s: { id: string; cluster?: string; lat: number; lon: number; fixedCost: number }): NodeDoc => ({
      id: s.id,
      echelon,
      ...(s.cluster ? { cluster: s.cluster } : {}),
      lat: s.lat,
      lon: s.lon,
      fixedCost: s.fixedCost,
    });

  const j = base.network;
  const { name: _name, ...params } = p;
  const generator = {
    ...params,
    note: 'rlnd generate jakarta-rln (src/problems/network/generators/jakarta/scale-generator.ts)',
    boxKm: Number(sideKm.toFixed(3)),
    centre: { lat: round6(base.centre.lat), lon: round6(base.centre.lon) },
    clusterCentres: clusters.map((c) => ({ id: c.id, ...c.centroid })),
  };
  return {
    problem: 'network',
    name: p.name ?? `jrln-${p.layout}-d${p.dealers}-k${K}x${p.ccPerCluster}-r${p.rmc}-w${p.wdc}-s${p.seed}`,
    ...(j.description ? { description: j.description } : {}),
    provenance: { generator, ...provenance(base, sideKm), model: (j.provenance as { conversion?: string }).conversion },
    products: j.products,
    carbonTax: j.carbonTax!,
    distance: j.distance!,
    echelonDefaults: j.echelonDefaults!,
    nodes: [
      ...dealers,
      ...ccCandidates.map(site(E.cc)),
      ...rmcCandidates.map(site(E.rmc)),
      ...wdcCandidates.map(site(E.wdc)),
    ],
    arcRules: j.arcRules!,
    groups: j.groups!,
  };
}

function provenance(base: JakartaBase, sideKm: number): Record<string, unknown> {
  const A = ASSUMPTIONS;
  const S = SCALE_ASSUMPTIONS;
  return {
    reused:
      'batteryTypes, qualityShares, wasteRatio, carbonTaxPerKg, distance (haversine x circuity), costs and emissions: copied from the reconstructed Jakarta instance (instances/jakarta-rln/jakarta.json, generate-instance.ts seed 1).',
    map: `A square of ${sideKm.toFixed(1)} km around the centre of Jakarta's bounding box: clusters x ${base.areaPerCluster.toFixed(1)} km^2 (Jakarta's box area per cluster). Cluster centres, RMC and WDC candidates uniform in the box.`,
    dealers: `clustered: 1 dealer per cluster plus the rest split by cluster weight U(${S.clusterWeight.join(', ')}) (largest remainder); positions normal around the centre with sigma_k = ${A.sigmaFraction} x km to the nearest other centre (Jakarta's rule). uniform: positions uniform in the box, cluster = nearest centre (a cluster may then have no dealer).`,
    ccCandidates: `per cluster, normal around its centre with the same sigma_k.`,
    packs: `per dealer: round(${base.packsPerDealer.toFixed(3)} (Jakarta's packs per dealer) x size), size U(${A.dealerSize.join(', ')}) (Jakarta's dealer size), at least 1; split over battery types by the pack mix of a Jakarta cluster drawn per generated cluster (largest remainder).`,
    fixedCost: `Jakarta's fixed cost of the facility type (CC ${base.fixed.cc}, RMC ${base.fixed.rmc}, WDC ${base.fixed.wdc} IDR) x U(${1 - S.fixedCostSpread}, ${1 + S.fixedCostSpread}) per site.`,
  };
}

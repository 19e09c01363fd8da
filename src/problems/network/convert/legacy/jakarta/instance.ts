import { InputError } from '../../../../../core/errors.js';

/*
 * The retired jakarta-rln instance type, kept only for `rlnd convert` (from-jakarta.ts, which the
 * Jakarta generators of src/problems/network/generators/jakarta/ also use): a validated view of a jakarta-rln JSON file.
 */

/** Cell quality classes of the paper: L1 remanufacture (to RMC), L2 recycle (to RMC), L3 dispose (to WDC). */
export const QUALITIES = ['L1', 'L2', 'L3'] as const;
/** One of the three quality classes. */
export type Quality = (typeof QUALITIES)[number];

/** A dealer cluster (the paper's K, found by K-means). */
export interface JrlnCluster {
  readonly id: string;
  readonly centroid?: { readonly lat: number; readonly lon: number };
}

/** A candidate facility (CC, RMC or WDC). */
export interface JrlnSite {
  readonly id: string;
  readonly fixedCost: number;
  readonly lat?: number;
  readonly lon?: number;
}

/** A CC candidate belongs to one cluster; only that cluster's dealers may ship to it. */
export interface JrlnCc extends JrlnSite {
  readonly cluster: number;
}

/** A dealer: its cluster and its end-of-life packs per battery type. */
export interface JrlnDealer {
  readonly id: string;
  readonly cluster: number;
  /** Packs per battery type (index = type). */
  readonly packs: readonly number[];
  readonly lat?: number;
  readonly lon?: number;
}

/** A battery chemistry: S_b cells per pack, omega_b kg per cell. */
export interface BatteryType {
  readonly id: string;
  readonly cellsPerPack: number;
  readonly cellMassKg: number;
}

/** Per-battery-type values (index = type). */
export type PerType = readonly number[];

/** Processing cost or emission per facility step (paper Table 5). */
export interface ProcessingRates {
  /** CC disassembly and sorting, per pack received (C_pc,i^b, E_pc,i^b). */
  readonly ccPerPack: PerType;
  /** RMC remanufacturing of L1 cells, per cell. */
  readonly rmcL1PerCell: PerType;
  /** RMC recycling of L2 cells, per cell. */
  readonly rmcL2PerCell: PerType;
  /** WDC disposal of L3 cells, per cell. */
  readonly wdcL3PerCell: PerType;
}

/** Transport cost or emission per unit and km (paper Table 5). */
export interface TransportRates {
  /** Dealer -> CC, per pack and km. */
  readonly perPackKm: PerType;
  /** CC -> RMC and CC -> WDC, per cell and km. */
  readonly perCellKm: PerType;
  /** RMC -> WDC solid waste, per kg and km. */
  readonly wastePerKgKm: PerType;
}

/** Road distances in km (read them with {@link dealerCcKm} and the other accessors below). */
export interface JrlnDistances {
  /**
   * Dealer by dealer, the distances to the CCs of the dealer's own cluster (the only CCs it can
   * ship to), in CC order: O(dealers x CCs per cluster), not dealers x all CCs (640 MB at
   * 20,000 x 4,000). Built by {@link clusterDistances}.
   */
  readonly dealerCc: Float64Array;
  readonly ccRmc: Float64Array;
  readonly ccWdc: Float64Array;
  readonly rmcWdc: Float64Array;
}

/**
 * One read-only instance of the Jakarta reverse-logistics network (Bafadal et al. 2025):
 * dealers -> CC (one per cluster) -> RMC (L1, L2 cells) / WDC (L3 cells), RMC waste -> WDC.
 */
export interface JakartaInstance {
  readonly kind: 'jakarta-rln';
  readonly name: string;
  readonly source: string;
  readonly clusters: readonly JrlnCluster[];
  readonly dealers: readonly JrlnDealer[];
  readonly ccs: readonly JrlnCc[];
  readonly rmcs: readonly JrlnSite[];
  readonly wdcs: readonly JrlnSite[];
  readonly types: readonly BatteryType[];
  /** alpha[k][b][u]: share of quality u among cells of type b in cluster k (sums to 1 over u). */
  readonly alpha: readonly (readonly (readonly number[])[])[];
  /** phi: kg of solid waste per kg of cells processed at the RMC. */
  readonly wasteRatio: number;
  /** C_tax: IDR per kg CO2. */
  readonly carbonTax: number;
  /** C_ac[b][u]: acquisition cost per pack of type b, weighted by quality share (eq. 6). */
  readonly acquisition: readonly (readonly number[])[];
  readonly processingCost: ProcessingRates;
  readonly transportCost: TransportRates;
  readonly processingEmission: ProcessingRates;
  readonly transportEmission: TransportRates;
  readonly distances: JrlnDistances;
}

const SHARE_TOL = 1e-9;

function checkNonNeg(source: string, where: string, v: number): void {
  if (!Number.isFinite(v) || v < 0) throw new InputError(source, where, `a number >= 0, got ${v}`);
}

function checkPerType(source: string, where: string, values: PerType, types: readonly BatteryType[]): void {
  if (values.length !== types.length)
    throw new InputError(source, where, `one value per battery type (${types.length}), got ${values.length}`);
  values.forEach((v, b) => checkNonNeg(source, `${where}.${types[b]!.id}`, v));
}

function checkRates(
  source: string,
  where: string,
  rates: ProcessingRates | TransportRates,
  types: readonly BatteryType[],
): void {
  for (const [key, values] of Object.entries(rates) as [string, PerType][])
    checkPerType(source, `${where}.${key}`, values, types);
}

/** Validates and freezes an instance; errors name the source file and the field. */
export function makeJakartaInstance(data: Omit<JakartaInstance, 'kind'>): JakartaInstance {
  const { source, types } = data;
  const K = data.clusters.length;
  if (K === 0) throw new InputError(source, 'clusters', 'at least one cluster');
  if (types.length === 0) throw new InputError(source, 'batteryTypes', 'at least one battery type');
  if (data.rmcs.length === 0) throw new InputError(source, 'rmcCandidates', 'at least one RMC candidate');
  if (data.wdcs.length === 0) throw new InputError(source, 'wdcCandidates', 'at least one WDC candidate');
  types.forEach((t, b) => {
    if (!(t.cellsPerPack > 0) || !Number.isFinite(t.cellsPerPack))
      throw new InputError(source, `batteryTypes[${b}].cellsPerPack`, `a number > 0, got ${t.cellsPerPack}`);
    if (!(t.cellMassKg > 0) || !Number.isFinite(t.cellMassKg))
      throw new InputError(source, `batteryTypes[${b}].cellMassKg`, `a number > 0, got ${t.cellMassKg}`);
  });
  const ids = new Set<string>();
  const sites: [string, readonly JrlnSite[]][] = [
    ['ccCandidates', data.ccs],
    ['rmcCandidates', data.rmcs],
    ['wdcCandidates', data.wdcs],
  ];
  for (const [field, list] of sites) {
    list.forEach((s, i) => {
      if (ids.has(s.id))
        throw new InputError(source, `${field}[${i}].id`, `a site id unique among all candidates, '${s.id}' repeats`);
      ids.add(s.id);
      checkNonNeg(source, `${field}[${i}] (${s.id}).fixedCost`, s.fixedCost);
    });
  }
  const ccsPerCluster = new Array<number>(K).fill(0);
  data.ccs.forEach((c, i) => {
    if (!Number.isInteger(c.cluster) || c.cluster < 0 || c.cluster >= K)
      throw new InputError(source, `ccCandidates[${i}] (${c.id}).cluster`, 'a cluster id from clusters');
    ccsPerCluster[c.cluster]!++;
  });
  data.dealers.forEach((d, i) => {
    const where = `dealers[${i}] (${d.id})`;
    if (!Number.isInteger(d.cluster) || d.cluster < 0 || d.cluster >= K)
      throw new InputError(source, `${where}.cluster`, 'a cluster id from clusters');
    if (ccsPerCluster[d.cluster] === 0) {
      throw new InputError(
        source,
        `${where}.cluster`,
        `a cluster with at least one CC candidate; cluster ${data.clusters[d.cluster]!.id} has none, so its packs cannot be collected`,
      );
    }
    if (d.packs.length !== types.length)
      throw new InputError(source, `${where}.packs`, `one count per battery type (${types.length})`);
    d.packs.forEach((p, b) => checkNonNeg(source, `${where}.packs.${types[b]!.id}`, p));
  });
  ccsPerCluster.forEach((n, k) => {
    if (n === 0)
      throw new InputError(
        source,
        `clusters[${k}] (${data.clusters[k]!.id})`,
        'at least one CC candidate (constraint (12) opens exactly one CC per cluster)',
      );
  });
  if (data.alpha.length !== K) throw new InputError(source, 'qualityShares', `shares for each of the ${K} clusters`);
  data.alpha.forEach((perType, k) => {
    if (perType.length !== types.length)
      throw new InputError(source, `qualityShares (cluster ${data.clusters[k]!.id})`, 'shares for every battery type');
    perType.forEach((shares, b) => {
      const where = `qualityShares.${types[b]!.id} (cluster ${data.clusters[k]!.id})`;
      if (shares.length !== QUALITIES.length) throw new InputError(source, where, 'shares for L1, L2 and L3');
      shares.forEach((s, u) => {
        if (!Number.isFinite(s) || s < 0 || s > 1)
          throw new InputError(source, `${where}.${QUALITIES[u]}`, `a share in [0, 1], got ${s}`);
      });
      const total = shares.reduce((a, c) => a + c, 0);
      if (Math.abs(total - 1) > SHARE_TOL)
        throw new InputError(source, where, `L1 + L2 + L3 shares summing to 1, got ${total}`);
    });
  });
  if (!Number.isFinite(data.wasteRatio) || data.wasteRatio < 0 || data.wasteRatio > 1)
    throw new InputError(source, 'wasteRatio', `a ratio in [0, 1], got ${data.wasteRatio}`);
  checkNonNeg(source, 'carbonTaxPerKg', data.carbonTax);
  if (data.acquisition.length !== types.length)
    throw new InputError(source, 'costs.acquisitionPerPack', 'costs for every battery type');
  data.acquisition.forEach((row, b) => {
    if (row.length !== QUALITIES.length)
      throw new InputError(source, `costs.acquisitionPerPack.${types[b]!.id}`, 'costs for L1, L2 and L3');
    row.forEach((v, u) => checkNonNeg(source, `costs.acquisitionPerPack.${types[b]!.id}.${QUALITIES[u]}`, v));
  });
  checkRates(source, 'costs.processing', data.processingCost, types);
  checkRates(source, 'costs.transport', data.transportCost, types);
  checkRates(source, 'emissions.processing', data.processingEmission, types);
  checkRates(source, 'emissions.transport', data.transportEmission, types);
  checkDistances(data);
  return Object.freeze({ kind: 'jakarta-rln' as const, ...data });
}

function checkDistances(data: Omit<JakartaInstance, 'kind'>): void {
  const { source, distances: dist, dealers, ccs, rmcs, wdcs } = data;
  const byCluster = ccsByCluster(data.clusters.length, ccs);
  const expected = dealers.reduce((n, d) => n + (byCluster[d.cluster]?.length ?? 0), 0);
  if (dist.dealerCc.length !== expected)
    throw new InputError(
      source,
      'distances.dealerCc',
      `${expected} values (each dealer's distances to the CCs of its own cluster), got ${dist.dealerCc.length}`,
    );
  let k = 0;
  for (const d of dealers)
    for (const i of byCluster[d.cluster] ?? [])
      checkNonNeg(source, `distance ${d.id} -> ${ccs[i]!.id}`, dist.dealerCc[k++]!);
  const grids: [string, Float64Array, readonly JrlnSite[], readonly JrlnSite[]][] = [
    ['ccRmc', dist.ccRmc, ccs, rmcs],
    ['ccWdc', dist.ccWdc, ccs, wdcs],
    ['rmcWdc', dist.rmcWdc, rmcs, wdcs],
  ];
  for (const [name, values, from, to] of grids) {
    if (values.length !== from.length * to.length)
      throw new InputError(source, `distances.${name}`, `${from.length} x ${to.length} values`);
    values.forEach((v, k) =>
      checkNonNeg(source, `distance ${from[Math.floor(k / to.length)]!.id} -> ${to[k % to.length]!.id}`, v),
    );
  }
}

/** Indices of the CC candidates of cluster k. */
export function ccsOf(inst: JakartaInstance, k: number): number[] {
  return inst.ccs.flatMap((c, i) => (c.cluster === k ? [i] : []));
}

/** CC indices per cluster, ascending. */
function ccsByCluster(clusters: number, ccs: readonly { readonly cluster: number }[]): number[][] {
  const out = Array.from({ length: clusters }, (): number[] => []);
  ccs.forEach((c, i) => out[c.cluster]?.push(i));
  return out;
}

/**
 * The `distances.dealerCc` layout: each dealer's distances to the CCs of its own cluster, in CC
 * order. `km` is called only for those pairs.
 */
export function clusterDistances<D extends { readonly cluster: number }, C extends { readonly cluster: number }>(
  clusters: number,
  dealers: readonly D[],
  ccs: readonly C[],
  km: (d: D, c: C) => number,
): Float64Array {
  const byCluster = ccsByCluster(clusters, ccs);
  const out = new Float64Array(dealers.reduce((n, d) => n + (byCluster[d.cluster]?.length ?? 0), 0));
  let k = 0;
  for (const d of dealers) for (const i of byCluster[d.cluster] ?? []) out[k++] = km(d, ccs[i]!);
  return out;
}

/** Where each dealer's block starts in `dealerCc`, and each CC's position within its cluster. */
const layouts = new WeakMap<JakartaInstance, { readonly start: Int32Array; readonly rank: Int32Array }>();

function layoutOf(inst: JakartaInstance): { readonly start: Int32Array; readonly rank: Int32Array } {
  let layout = layouts.get(inst);
  if (!layout) {
    const byCluster = ccsByCluster(inst.clusters.length, inst.ccs);
    const rank = new Int32Array(inst.ccs.length);
    for (const list of byCluster) list.forEach((i, r) => (rank[i] = r));
    const start = new Int32Array(inst.dealers.length);
    let k = 0;
    inst.dealers.forEach((d, di) => {
      start[di] = k;
      k += byCluster[d.cluster]!.length;
    });
    layout = { start, rank };
    layouts.set(inst, layout);
  }
  return layout;
}

/** Distance in km from dealer d to CC i; NaN when i is not in d's cluster (no such arc). */
export function dealerCcKm(inst: JakartaInstance, d: number, i: number): number {
  if (inst.ccs[i]!.cluster !== inst.dealers[d]!.cluster) return NaN;
  const { start, rank } = layoutOf(inst);
  return inst.distances.dealerCc[start[d]! + rank[i]!]!;
}

/** Distance in km from CC i to RMC j. */
export const ccRmcKm = (inst: JakartaInstance, i: number, j: number): number =>
  inst.distances.ccRmc[i * inst.rmcs.length + j]!;
/** Distance in km from CC i to WDC w. */
export const ccWdcKm = (inst: JakartaInstance, i: number, w: number): number =>
  inst.distances.ccWdc[i * inst.wdcs.length + w]!;
/** Distance in km from RMC j to WDC w. */
export const rmcWdcKm = (inst: JakartaInstance, j: number, w: number): number =>
  inst.distances.rmcWdc[j * inst.wdcs.length + w]!;

import { InputError } from '../../../../../core/errors.js';
import { distance, type DistanceMetric } from '../../../../../io/geo.js';
import { JsonFields } from '../../../../../io/json-fields.js';
import {
  clusterDistances,
  makeJakartaInstance,
  QUALITIES,
  type BatteryType,
  type JakartaInstance,
  type JrlnCc,
  type JrlnCluster,
  type JrlnDealer,
  type JrlnSite,
  type PerType,
  type ProcessingRates,
  type TransportRates,
} from './instance.js';

type Obj = Record<string, unknown>;

/**
 * Reads the rlnd JSON format of the Jakarta network (docs/problems/jakarta-rln.md). Sites and
 * dealers carry `lat`/`lon`; road distances are `circuity x` great-circle (or planar) distance.
 * Per-type values are objects keyed by battery type id, per-quality values by `L1`/`L2`/`L3`.
 * A `provenance` block is free text for people and is not read.
 */
export function parseJakartaJson(data: unknown, file: string): JakartaInstance {
  const f = new JsonFields(file);
  const root = f.object(data, '(top level)');
  const types: BatteryType[] = f.array(root.batteryTypes, 'batteryTypes').map((raw, b) => {
    const t = f.object(raw, `batteryTypes[${b}]`);
    return {
      id: f.string(t.id, `batteryTypes[${b}].id`),
      cellsPerPack: f.number(t.cellsPerPack, `batteryTypes[${b}].cellsPerPack`, { min: 0 }),
      cellMassKg: f.number(t.cellMassKg, `batteryTypes[${b}].cellMassKg`, { min: 0 }),
    };
  });
  const perType = (value: unknown, path: string): PerType => {
    const o = f.object(value, path);
    return types.map((t) => f.number(o[t.id], `${path}.${t.id}`, { min: 0 }));
  };
  const perQuality = (value: unknown, path: string, min?: number): number[] => {
    const o = f.object(value, path);
    return QUALITIES.map((q) => f.number(o[q], `${path}.${q}`, min === undefined ? {} : { min }));
  };
  const shares = (value: unknown, path: string): number[][] => {
    const o = f.object(value, path);
    return types.map((t) => perQuality(o[t.id], `${path}.${t.id}`));
  };

  const defaultShares = root.qualityShares === undefined ? null : shares(root.qualityShares, 'qualityShares');
  const clusterRaw = f.array(root.clusters, 'clusters').map((raw, k) => f.object(raw, `clusters[${k}]`));
  const clusters: JrlnCluster[] = clusterRaw.map((c, k) => {
    const id = f.string(c.id, `clusters[${k}].id`);
    if (c.centroid === undefined) return { id };
    const cen = f.object(c.centroid, `clusters[${k}].centroid`);
    return {
      id,
      centroid: {
        lat: f.number(cen.lat, `clusters[${k}].centroid.lat`),
        lon: f.number(cen.lon, `clusters[${k}].centroid.lon`),
      },
    };
  });
  const alpha = clusterRaw.map((c, k) => {
    if (c.qualityShares !== undefined) return shares(c.qualityShares, `clusters[${k}].qualityShares`);
    if (defaultShares === null)
      throw new InputError(file, `clusters[${k}].qualityShares`, 'quality shares here or a top-level qualityShares');
    return defaultShares;
  });
  const clusterIndex = new Map(clusters.map((c, k) => [c.id, k]));
  const clusterOf = (value: unknown, path: string): number => {
    const id = f.string(value, path);
    const k = clusterIndex.get(id);
    if (k === undefined)
      throw new InputError(
        file,
        path,
        `a cluster id from clusters (${[...clusterIndex.keys()].join(', ')}), got '${id}'`,
      );
    return k;
  };
  const site = (raw: unknown, path: string): JrlnSite & Obj => {
    const s = f.object(raw, path);
    return {
      ...s,
      id: f.string(s.id, `${path}.id`),
      fixedCost: f.number(s.fixedCost, `${path}.fixedCost`, { min: 0 }),
      ...coords(f, s, path),
    };
  };
  const ccs: JrlnCc[] = f.array(root.ccCandidates, 'ccCandidates').map((raw, i) => {
    const s = site(raw, `ccCandidates[${i}]`);
    return {
      id: s.id,
      fixedCost: s.fixedCost,
      cluster: clusterOf(s.cluster, `ccCandidates[${i}].cluster`),
      ...coords(f, s, `ccCandidates[${i}]`),
    };
  });
  const plain = (s: JrlnSite & Obj, path: string): JrlnSite => ({
    id: s.id,
    fixedCost: s.fixedCost,
    ...coords(f, s, path),
  });
  const rmcs = f
    .array(root.rmcCandidates, 'rmcCandidates')
    .map((raw, j) => plain(site(raw, `rmcCandidates[${j}]`), `rmcCandidates[${j}]`));
  const wdcs = f
    .array(root.wdcCandidates, 'wdcCandidates')
    .map((raw, w) => plain(site(raw, `wdcCandidates[${w}]`), `wdcCandidates[${w}]`));
  const dealers: JrlnDealer[] = f.array(root.dealers, 'dealers').map((raw, d) => {
    const o = f.object(raw, `dealers[${d}]`);
    const id = f.string(o.id, `dealers[${d}].id`);
    return {
      id,
      cluster: clusterOf(o.cluster, `dealers[${d}].cluster`),
      packs: perType(o.packs, `dealers[${d}].packs`),
      ...coords(f, o, `dealers[${d}]`),
    };
  });

  const costs = f.object(root.costs, 'costs');
  const acqRaw = f.object(costs.acquisitionPerPack, 'costs.acquisitionPerPack');
  const acquisition = types.map((t) => perQuality(acqRaw[t.id], `costs.acquisitionPerPack.${t.id}`, 0));
  const processing = (value: unknown, path: string): ProcessingRates => {
    const o = f.object(value, path);
    return {
      ccPerPack: perType(o.ccPerPack, `${path}.ccPerPack`),
      rmcL1PerCell: perType(o.rmcL1PerCell, `${path}.rmcL1PerCell`),
      rmcL2PerCell: perType(o.rmcL2PerCell, `${path}.rmcL2PerCell`),
      wdcL3PerCell: perType(o.wdcL3PerCell, `${path}.wdcL3PerCell`),
    };
  };
  const transport = (value: unknown, path: string): TransportRates => {
    const o = f.object(value, path);
    return {
      perPackKm: perType(o.perPackKm, `${path}.perPackKm`),
      perCellKm: perType(o.perCellKm, `${path}.perCellKm`),
      wastePerKgKm: perType(o.wastePerKgKm, `${path}.wastePerKgKm`),
    };
  };
  const emissions = f.object(root.emissions, 'emissions');

  const dist = f.object(root.distance, 'distance');
  const metric: DistanceMetric = f.oneOf(dist.metric, 'distance.metric', ['haversine', 'euclidean'] as const);
  const circuity = f.number(dist.circuity ?? 1, 'distance.circuity', { min: 1 });
  const km = (a: { lat?: number; lon?: number; id: string }, b: { lat?: number; lon?: number; id: string }): number => {
    if (a.lat === undefined || a.lon === undefined)
      throw new InputError(file, a.id, 'lat and lon (distances are computed from coordinates)');
    if (b.lat === undefined || b.lon === undefined)
      throw new InputError(file, b.id, 'lat and lon (distances are computed from coordinates)');
    return circuity * distance(metric, a.lon, a.lat, b.lon, b.lat);
  };
  const grid = <A extends { id: string }, B extends { id: string }>(
    from: readonly A[],
    to: readonly B[],
  ): Float64Array => Float64Array.from(from.flatMap((a) => to.map((b) => km(a, b))));

  const name =
    root.name === undefined
      ? file
          .split('/')
          .pop()!
          .replace(/\.json$/, '')
      : f.string(root.name, 'name');
  return makeJakartaInstance({
    name,
    source: file,
    clusters,
    dealers,
    ccs,
    rmcs,
    wdcs,
    types,
    alpha,
    wasteRatio: f.number(root.wasteRatio, 'wasteRatio', { min: 0 }),
    carbonTax: f.number(root.carbonTaxPerKg, 'carbonTaxPerKg', { min: 0 }),
    acquisition,
    processingCost: processing(costs.processing, 'costs.processing'),
    transportCost: transport(costs.transport, 'costs.transport'),
    processingEmission: processing(emissions.processing, 'emissions.processing'),
    transportEmission: transport(emissions.transport, 'emissions.transport'),
    distances: {
      dealerCc: clusterDistances(clusters.length, dealers, ccs, km),
      ccRmc: grid(ccs, rmcs),
      ccWdc: grid(ccs, wdcs),
      rmcWdc: grid(rmcs, wdcs),
    },
  });
}

function coords(f: JsonFields, o: Obj, path: string): { lat?: number; lon?: number } {
  if (o.lat === undefined && o.lon === undefined) return {};
  return { lat: f.number(o.lat, `${path}.lat`), lon: f.number(o.lon, `${path}.lon`) };
}

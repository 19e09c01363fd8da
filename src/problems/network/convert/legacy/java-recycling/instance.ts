/*
 * The old java-recycling instance, kept only as what `rlnd convert` reads (../../from-java-recycling.ts):
 * rlnd solves these papers as network instances (instances/network/, docs/problems/java-recycling.md).
 */
import { InputError } from '../../../../../core/errors.js';
import type { DistanceMetric } from '../../../../../io/geo.js';

/** A point given as latitude/longitude in degrees (the paper's Table 3 order). */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A collection centre c with its battery-waste supply LB_ct (kg) in each period. */
export interface CollectionCentre extends LatLon {
  readonly id: string;
  /** Optional region used by the load-distance method (the paper's Area 1 / Area 2). */
  readonly area?: string;
  readonly supply: readonly number[];
}

/** A recycling-facility candidate r: open/close, capacity K_rt (kg battery per period), investment IC_r. */
export interface FacilityCandidate extends LatLon {
  readonly id: string;
  readonly city: string;
  readonly capacity: readonly number[];
  readonly investmentCost: number;
}

/** A battery manufacturer m: demand per metal per period (kg) and an optional capacity K_mt. */
export interface Manufacturer extends LatLon {
  readonly id: string;
  /** `demand[k][t]`: kg of metal k (in {@link JavaInstance.metals} order) in period t. */
  readonly demand: readonly (readonly number[])[];
  /** Capacity K_mt for all metals together; absent = unconstrained (the paper gives no value). */
  readonly capacity?: readonly number[];
}

/** A landfill w that takes the recycling residue. */
export interface Landfill extends LatLon {
  readonly id: string;
}

/** A recovered metal: conversion factor (kg metal per kg battery), selling price and recycle cost (IDR/kg). */
export interface Metal {
  readonly id: string;
  readonly conversion: number;
  readonly price: number;
  readonly recycleCost: number;
}

/**
 * How the Table 2 fixed cost FC is charged. The paper writes `Σ_r FC_rt` without saying over which
 * periods or whether per open facility:
 * - `network-period`: FC once per period for the operating network (not per facility);
 * - `facility-period`: FC per open facility per period;
 * - `facility`: FC once per open facility.
 * Only `network-period` is consistent with the paper's totals (2 x IC + 4 x FC + recycle + waste
 * leaves IDR 133.7 million, the size of transport and inventory; see docs/problems/java-recycling.md).
 */
export type FixedCostBasis = 'network-period' | 'facility-period' | 'facility';

export const FIXED_COST_BASES: readonly FixedCostBasis[] = ['network-period', 'facility-period', 'facility'];

/** One read-only instance of the Kasy et al. (2025) multi-period recycling network. */
export interface JavaInstance {
  readonly kind: 'java-recycling';
  readonly name: string;
  readonly source: string;
  readonly periods: number;
  readonly metals: readonly Metal[];
  /** ConvW: kg of residue per kg battery, sent to a landfill. */
  readonly wasteConversion: number;
  /** W: waste-treatment cost (IDR per kg residue). */
  readonly wasteTreatmentCost: number;
  /** IVC: inventory holding cost (IDR per kg of metal held at the end of a period). */
  readonly inventoryCost: number;
  /** Transport cost (IDR per kg per km), the same on every leg (Table 2). */
  readonly transportCostPerKgKm: number;
  readonly fixedCost: { readonly amount: number; readonly basis: FixedCostBasis };
  readonly distanceMetric: DistanceMetric;
  /** Road distance / great-circle distance; 1 means plain haversine. */
  readonly circuity: number;
  readonly centres: readonly CollectionCentre[];
  readonly facilities: readonly FacilityCandidate[];
  readonly manufacturers: readonly Manufacturer[];
  readonly landfills: readonly Landfill[];
}

/** The input fields of an instance. */
export type JavaInstanceData = Omit<JavaInstance, 'kind'>;

/** Validates and freezes an instance; errors name the source file and the field. */
export function makeJavaInstance(data: JavaInstanceData): JavaInstance {
  const { source, periods: T } = data;
  const err = (where: string, expected: string): InputError => new InputError(source, where, expected);
  const nonNeg = (v: number, where: string): void => {
    if (!Number.isFinite(v) || v < 0) throw err(where, `a number >= 0, got ${v}`);
  };
  const perPeriod = (values: readonly number[], where: string): void => {
    if (values.length !== T) throw err(where, `${T} values (one per period), got ${values.length}`);
    values.forEach((v, t) => nonNeg(v, `${where}[${t}]`));
  };
  if (!Number.isInteger(T) || T < 1) throw err('periods', `a positive integer, got ${T}`);
  if (data.metals.length === 0) throw err('metals', 'at least one metal');
  const unique = (ids: readonly string[], where: string): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw err(`${where}[${i}].id`, `a unique id, '${id}' repeats`);
      seen.add(id);
    });
  };
  unique(
    data.metals.map((k) => k.id),
    'metals',
  );
  let convSum = data.wasteConversion;
  data.metals.forEach((k, i) => {
    if (!(k.conversion > 0 && k.conversion <= 1))
      throw err(`metals[${i}].conversion`, `a fraction in (0, 1], got ${k.conversion}`);
    nonNeg(k.price, `metals[${i}].price`);
    nonNeg(k.recycleCost, `metals[${i}].recycleCost`);
    convSum += k.conversion;
  });
  if (!(data.wasteConversion >= 0 && data.wasteConversion <= 1))
    throw err('wasteConversion', `a fraction in [0, 1], got ${data.wasteConversion}`);
  if (convSum > 1 + 1e-9)
    throw err('metals[*].conversion + wasteConversion', `a total <= 1 (mass cannot grow), got ${convSum}`);
  nonNeg(data.wasteTreatmentCost, 'wasteTreatmentCost');
  nonNeg(data.inventoryCost, 'inventoryCost');
  nonNeg(data.transportCostPerKgKm, 'transportCostPerKgKm');
  nonNeg(data.fixedCost.amount, 'fixedCost.amount');
  if (!FIXED_COST_BASES.includes(data.fixedCost.basis))
    throw err('fixedCost.basis', `one of ${FIXED_COST_BASES.join(', ')}`);
  if (!(data.circuity >= 1)) throw err('distance.circuity', `a number >= 1, got ${data.circuity}`);
  for (const [list, where] of [
    [data.centres, 'collectionCentres'],
    [data.facilities, 'facilities'],
    [data.manufacturers, 'manufacturers'],
    [data.landfills, 'landfills'],
  ] as const) {
    if (list.length === 0) throw err(where, 'at least one entry');
    unique(
      list.map((x) => x.id),
      where,
    );
    list.forEach((x: LatLon, i) => {
      if (!(Math.abs(x.lat) <= 90)) throw err(`${where}[${i}].lat`, `a latitude in [-90, 90], got ${x.lat}`);
      if (!(Math.abs(x.lon) <= 180)) throw err(`${where}[${i}].lon`, `a longitude in [-180, 180], got ${x.lon}`);
    });
  }
  data.centres.forEach((c, i) => perPeriod(c.supply, `collectionCentres[${i}].supply`));
  data.facilities.forEach((r, i) => {
    perPeriod(r.capacity, `facilities[${i}].capacity`);
    nonNeg(r.investmentCost, `facilities[${i}].investmentCost`);
  });
  data.manufacturers.forEach((m, i) => {
    if (m.demand.length !== data.metals.length)
      throw err(`manufacturers[${i}].demand`, `one row per metal (${data.metals.map((k) => k.id).join(', ')})`);
    m.demand.forEach((row, k) => perPeriod(row, `manufacturers[${i}].demand.${data.metals[k]!.id}`));
    if (m.capacity) perPeriod(m.capacity, `manufacturers[${i}].capacity`);
  });
  if (data.landfills.length === 0 && data.wasteConversion > 0) throw err('landfills', 'a landfill for the residue');
  return Object.freeze({ kind: 'java-recycling' as const, ...data });
}

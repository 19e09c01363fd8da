import { InputError } from '../../../core/errors.js';
import { preciseSum } from '../../../core/numeric.js';
import type { JavaInstance, LatLon } from './legacy/java-recycling/instance.js';
import { parseJavaJson } from './legacy/java-recycling/json-reader.js';
import type { NetworkDocument, NodeDoc, PeriodValueDoc } from '../schema.js';
import { withProvenance } from './provenance.js';
import type { Converter } from './types.js';

/** Product ids of the converted network: battery kg in, one product per metal, residue out. */
export const JAVA_BATTERY = 'battery';
export const JAVA_RESIDUE = 'residue';

/** Echelon labels of the converted network, in flow order. */
export const JAVA_ECHELONS = {
  centre: 'collection',
  facility: 'recycling',
  manufacturer: 'manufacturer',
  landfill: 'landfill',
} as const;

/** Options of {@link javaToNetwork}. */
export interface JavaConvertOptions {
  /** The source file's provenance block, kept whole (its keys gain `conversion` and `conversionTerms`). */
  readonly provenance?: unknown;
}

const CONVERSION_NOTE =
  'rlnd convert (src/problems/network/convert/from-java-recycling.ts): collection centres supply battery kg up to LB_ct; ' +
  'each facility candidate (investment IC as fixed cost, capacity K_rt on inflow) converts battery on arrival into metals ' +
  '(conv_k) and residue (conv_W) at the recycle cost per kg battery, stocks metals (IVC at the end of each period, from 0); ' +
  'manufacturers take their demand exactly at the selling prices (objective profit); landfills absorb residue at the ' +
  'treatment cost; every arc costs the transport rate per kg-km on coordinate km x circuity. Details in conversionTerms.';

/**
 * Writes a Kasy et al. (2025) Java NMC recycling instance as a network document with the same
 * optimum (the reading of each term is in the `provenance.conversion` block of the result):
 * collection centres supply battery kg up to LB_ct; each facility candidate converts the battery it
 * receives into Ni/Mn/Co (conv_k) and residue (conv_W) on arrival, within K_rt, at the recycle cost
 * Σ_k conv_k rc_k per kg battery; metals may be stocked (end-of-period holding IVC, start 0);
 * manufacturers take their demand exactly at the selling prices (objective: profit); landfills take
 * any residue at the treatment cost W; every arc costs 0.2 IDR/kg-km on haversine (or euclidean)
 * km x circuity. A pure function: the instance is not changed.
 */
export function javaToNetwork(inst: JavaInstance, options: JavaConvertOptions = {}): NetworkDocument {
  const T = inst.periods;
  const metals = inst.metals.map((k) => k.id);
  checkIds(inst);
  const euclid = inst.distanceMetric === 'euclidean';
  // The bespoke code measures euclidean km on (lon, lat) as (x, y); haversine reads lat/lon.
  const at = (p: LatLon): Pick<NodeDoc, 'lat' | 'lon' | 'x' | 'y'> =>
    euclid ? { x: p.lon, y: p.lat } : { lat: p.lat, lon: p.lon };
  const perPeriod = (values: readonly number[]): PeriodValueDoc =>
    values.every((v) => v === values[0]) ? values[0]! : [...values];
  const { amount, basis } = inst.fixedCost;
  // FC per open facility goes into its fixed cost; per network period it is design-independent.
  const perFacility = basis === 'facility-period' ? amount * T : basis === 'facility' ? amount : 0;
  const recycleCostPerKgBattery = preciseSum(inst.metals.map((k) => k.conversion * k.recycleCost));

  const centres: NodeDoc[] = inst.centres.map((c) => ({
    id: c.id,
    echelon: JAVA_ECHELONS.centre,
    ...(c.area !== undefined ? { cluster: c.area } : {}),
    ...at(c),
    supply: { [JAVA_BATTERY]: { upTo: perPeriod(c.supply) } },
  }));
  const facilities: NodeDoc[] = inst.facilities.map((f) => ({
    id: f.id,
    echelon: JAVA_ECHELONS.facility,
    name: f.city,
    ...at(f),
    fixedCost: f.investmentCost + perFacility,
    capacity: perPeriod(f.capacity),
    conversions: [
      {
        from: JAVA_BATTERY,
        to: {
          ...Object.fromEntries(inst.metals.map((k) => [k.id, k.conversion])),
          [JAVA_RESIDUE]: inst.wasteConversion,
        },
        cost: recycleCostPerKgBattery,
      },
    ],
    inventory: { products: metals, initial: 0, holdingCost: inst.inventoryCost },
  }));
  const manufacturers: NodeDoc[] = inst.manufacturers.map((m) => ({
    id: m.id,
    echelon: JAVA_ECHELONS.manufacturer,
    ...at(m),
    demand: Object.fromEntries(inst.metals.map((k, ki) => [k.id, { exactly: perPeriod(m.demand[ki]!) }])),
    price: Object.fromEntries(inst.metals.map((k) => [k.id, k.price])),
    ...(m.capacity ? { capacity: perPeriod(m.capacity) } : {}),
  }));
  const landfills: NodeDoc[] = inst.landfills.map((w) => ({
    id: w.id,
    echelon: JAVA_ECHELONS.landfill,
    ...at(w),
    demand: { [JAVA_RESIDUE]: { atLeast: 0 } },
    handlingCost: { [JAVA_RESIDUE]: inst.wasteTreatmentCost },
  }));
  const tc = inst.transportCostPerKgKm;
  const constant = basis === 'network-period' ? amount * T : 0;

  return {
    problem: 'network',
    name: inst.name,
    description: `Kasy et al. (2025) Java NMC recycling network '${inst.name}', converted from the java-recycling instance.`,
    provenance: {
      ...withProvenance(options.provenance, 'conversion', CONVERSION_NOTE),
      conversionTerms: {
        recycleCost: `The bespoke model charges rc_k per kg of metal k produced (P_rkt = conv_k x battery in). Here it is one conversion cost per kg battery processed: sum_k conv_k x rc_k = ${recycleCostPerKgBattery} IDR/kg, the same total.`,
        fixedCost: `fixedCost.basis '${basis}' (FC = ${amount} IDR): ${basis === 'network-period' ? `design-independent, constantCost = FC x ${T} periods` : basis === 'facility-period' ? `FC x ${T} periods added to each facility's fixedCost` : "FC once added to each facility's fixedCost"}; the investment IC_r is the rest of a facility's fixedCost (charged once).`,
        capacity: 'K_rt bounds the battery a facility receives per period (its inflow).',
        conversion:
          'Battery arriving at a facility is converted on arrival (it cannot leave otherwise): metals at conv_k, residue at conv_W; residue has no stock, so it goes to a landfill in the same period (10).',
        inventory: 'Metal stock at facilities from 0, IVC per kg held at the end of each period (11)-(13).',
        manufacturers:
          'Demand met exactly per metal and period (14)-(16), revenue at the selling price; a capacity K_mt, where given, bounds the total metal received (17).',
        landfills:
          'Demand {atLeast: 0} on residue: a free sink, with the waste-treatment cost W as handling cost per kg.',
        transport: `costPerKm ${tc} IDR/kg-km on every arc, km from the coordinates (${inst.distanceMetric}${euclid ? ' on x = lon, y = lat, as the bespoke code measures it' : ''}) x circuity ${inst.circuity}, as the bespoke model computes dCR, dRM, dRW.`,
        areas: "A collection centre's area (Table 4 West/East) is its cluster.",
      },
    },
    objective: 'profit',
    periods: T,
    products: [
      { id: JAVA_BATTERY, unit: 'kg', name: 'end-of-life NMC battery' },
      ...inst.metals.map((k) => ({ id: k.id, unit: 'kg', name: `recovered ${k.id}` })),
      { id: JAVA_RESIDUE, unit: 'kg', name: 'recycling residue' },
    ],
    holding: 'end-of-period',
    ...(constant !== 0 ? { constantCost: constant } : {}),
    distance: { metric: inst.distanceMetric, circuity: inst.circuity },
    nodes: [...centres, ...facilities, ...manufacturers, ...landfills],
    arcRules: [
      { from: JAVA_ECHELONS.centre, to: JAVA_ECHELONS.facility, costPerKm: tc, products: [JAVA_BATTERY] },
      { from: JAVA_ECHELONS.facility, to: JAVA_ECHELONS.manufacturer, costPerKm: tc, products: metals },
      { from: JAVA_ECHELONS.facility, to: JAVA_ECHELONS.landfill, costPerKm: tc, products: [JAVA_RESIDUE] },
    ],
  };
}

/** Node ids must be unique across the four lists once they share one network. */
function checkIds(inst: JavaInstance): void {
  const seen = new Map<string, string>();
  const lists = [
    ['collectionCentres', inst.centres],
    ['facilities', inst.facilities],
    ['manufacturers', inst.manufacturers],
    ['landfills', inst.landfills],
  ] as const;
  for (const [where, list] of lists) {
    list.forEach((x, i) => {
      const other = seen.get(x.id);
      if (other !== undefined)
        throw new InputError(
          inst.source,
          `${where}[${i}].id`,
          `an id unused by the other sites (a network has one node list), '${x.id}' is also in ${other}`,
        );
      seen.set(x.id, where);
    });
  }
  const products = new Set([JAVA_BATTERY, JAVA_RESIDUE]);
  inst.metals.forEach((k, i) => {
    if (products.has(k.id))
      throw new InputError(
        inst.source,
        `metals[${i}].id`,
        `a metal id other than '${JAVA_BATTERY}' and '${JAVA_RESIDUE}' (product ids of the network)`,
      );
  });
}

/** java-recycling JSON (`instances/java-recycling/`) -> network. */
export const javaRecyclingConverter: Converter = {
  description: 'Java NMC recycling network (Kasy et al. 2025) in the java-recycling JSON format',
  options: [],
  convert({ data, file }) {
    return javaToNetwork(parseJavaJson(data, file), { provenance: (data as { provenance?: unknown }).provenance });
  },
};

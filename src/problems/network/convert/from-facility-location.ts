import { InputError } from '../../../core/errors.js';
import type { DistanceMetric } from '../../../io/geo.js';
import { JsonFields } from '../../../io/json-fields.js';
import {
  FL_VARIANTS,
  withChanges,
  type FacilityLocationInstance,
  type FlVariant,
} from '../../facility-location/instance.js';
import { parseFlJson } from '../../facility-location/json-reader.js';
import { parseOrlib } from '../../facility-location/orlib-reader.js';
import type { ArcDoc, NetworkDocument, NodeDoc } from '../schema.js';
import { withProvenance } from './provenance.js';
import type { ConvertOptions, Converter } from './types.js';

/** Echelon labels of a converted facility-location network. */
export const FL_ECHELONS = { site: 'site', customer: 'customer' } as const;
/** The one product of a facility-location network. */
export const FL_PRODUCT = 'u';

/** A facility-location cost given by coordinates: per unit of demand, `perUnitDistance` x circuity x distance. */
export interface FlDistanceCost {
  readonly metric: DistanceMetric;
  readonly perUnitDistance: number;
  readonly circuity: number;
}

/** Options of {@link flToNetwork}. */
export interface FlToNetworkOptions {
  /** The JSON file's distance cost: arcs are then written as one rule over coordinates. */
  readonly distanceCost?: FlDistanceCost;
  /** Coordinates are longitude (x) and latitude (y): written as lon/lat. Implied by a haversine cost. */
  readonly geographic?: boolean;
  /** Display names by node id (the JSON file's `name` fields). */
  readonly names?: ReadonlyMap<string, string>;
  /** The source's provenance block, kept whole. */
  readonly provenance?: unknown;
}

/**
 * A facility-location instance as a network document: each site a candidate node supplying up to
 * its capacity (unlimited for uflp) with its fixed cost, each customer a demand node (single
 * source for sscflp), one arc per site-customer pair at unit cost = allocation cost / demand (the
 * OR-Library cost is for all of a customer's demand). Ids are kept; if a customer id equals a site
 * id (OR-Library numbers both from 1) customers get the prefix `c`.
 */
export function flToNetwork(inst: FacilityLocationInstance, options: FlToNetworkOptions = {}): NetworkDocument {
  const E = FL_ECHELONS;
  const u = FL_PRODUCT;
  const siteIds = new Set(inst.sites.map((s) => s.id));
  const clash = inst.customers.some((c) => siteIds.has(c.id));
  const customerId = (id: string): string => (clash ? `c${id}` : id);
  if (clash && inst.customers.some((c) => siteIds.has(customerId(c.id)))) {
    throw new InputError(inst.source, 'customers', 'customer ids distinct from site ids, also with the prefix c');
  }
  const geographic = options.geographic ?? options.distanceCost?.metric === 'haversine';
  const place = (p: { readonly x?: number; readonly y?: number }): Pick<NodeDoc, 'lat' | 'lon' | 'x' | 'y'> =>
    p.x === undefined || p.y === undefined ? {} : geographic ? { lat: p.y, lon: p.x } : { x: p.x, y: p.y };
  const named = (id: string): Pick<NodeDoc, 'name'> => {
    const name = options.names?.get(id);
    return name === undefined ? {} : { name };
  };
  const uflp = inst.variant === 'uflp';
  const sites: NodeDoc[] = inst.sites.map((s) => ({
    id: s.id,
    echelon: E.site,
    ...named(s.id),
    ...place(s),
    supply: { [u]: uflp ? 'unlimited' : s.capacity },
    fixedCost: s.fixedCost,
    ...(uflp ? {} : { capacity: s.capacity }),
  }));
  const customers: NodeDoc[] = inst.customers.map((c) => ({
    id: customerId(c.id),
    echelon: E.customer,
    ...named(c.id),
    ...place(c),
    demand: { [u]: c.demand },
    ...(inst.variant === 'sscflp' ? { singleSource: true } : {}),
  }));
  const cost = options.distanceCost;
  const arcs = cost ? {} : { arcs: listedArcs(inst, customerId) };
  return {
    problem: 'network',
    name: inst.name,
    description: `facility location (${inst.variant}): sites supply customers; fixed cost per open site${uflp ? '' : ', site capacity'}${inst.variant === 'sscflp' ? ', each customer served by one site' : ''}`,
    provenance: withProvenance(
      options.provenance,
      'conversion',
      conversionNote(inst.variant, cost !== undefined, clash),
    ),
    products: [u],
    ...(cost ? { distance: { metric: cost.metric, circuity: cost.circuity } } : {}),
    nodes: [...sites, ...customers],
    ...arcs,
    ...(cost ? { arcRules: [{ from: E.site, to: E.customer, costPerKm: cost.perUnitDistance }] } : {}),
    ...(inst.maxOpen !== undefined ? { maxOpen: inst.maxOpen } : {}),
  };
}

/**
 * One arc per pair. A customer without demand gets unit cost 0: it receives nothing, where the
 * facility-location model (assignment fractions) would still pay its cheapest allocation cost.
 */
function listedArcs(inst: FacilityLocationInstance, customerId: (id: string) => string): ArcDoc[] {
  const n = inst.customers.length;
  return inst.sites.flatMap((s, i) =>
    inst.customers.map((c, j) => ({
      from: s.id,
      to: customerId(c.id),
      unitCost: c.demand > 0 ? inst.allocCost[i * n + j]! / c.demand : 0,
    })),
  );
}

function conversionNote(variant: FlVariant, rule: boolean, prefixed: boolean): string {
  return (
    `rlnd convert (src/problems/network/convert/from-facility-location.ts), variant ${variant}: sites -> candidate nodes ` +
    `(echelon site, ${variant === 'uflp' ? 'unlimited supply' : 'supply and capacity = site capacity'}, fixedCost), customers -> demand nodes` +
    `${variant === 'sscflp' ? ' (singleSource)' : ''}${prefixed ? ' with ids prefixed c' : ''}; ` +
    (rule
      ? "arcs by one rule: unit cost = perUnitDistance x circuity x distance (the source's cost per unit of demand)."
      : 'arc unit cost = allocation cost / demand.')
  );
}

function variantOf(options: ConvertOptions): FlVariant | undefined {
  if (options.variant === undefined) return undefined;
  if (!FL_VARIANTS.includes(options.variant as FlVariant))
    throw new InputError('--variant', options.variant, `one of ${FL_VARIANTS.join(', ')}`);
  return options.variant as FlVariant;
}

/** OR-Library capacitated warehouse location text (cap41, capa with --capacity) -> network. */
export const orlibConverter: Converter = {
  description: 'OR-Library capacitated warehouse location file (Beasley 1988)',
  options: ['variant', 'capacity'],
  convert({ text, file, options }) {
    const variant = variantOf(options);
    const inst = parseOrlib(text, file, {
      ...(variant ? { variant } : {}),
      ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    });
    const capacity = options.capacity !== undefined ? ` with every capacity = ${options.capacity}` : '';
    const source =
      `OR-Library capacitated warehouse location (J.E. Beasley 1988), read from ${file}${capacity}; ` +
      'sites and customers numbered from 1 in file order';
    return flToNetwork(inst, { provenance: { source } });
  },
};

/** rlnd facility-location JSON (matrix or distance costs; West Java) -> network. */
export const flJsonConverter: Converter = {
  description: 'facility location in the rlnd JSON format (cflp, sscflp, uflp)',
  options: ['variant', 'capacity'],
  convert({ data, file, options }) {
    const variant = variantOf(options);
    const read = parseFlJson(data, file, variant ? { variant } : {});
    const capacity = options.capacity;
    const inst =
      capacity === undefined ? read : withChanges(read, { sites: read.sites.map((s) => ({ ...s, capacity })) });
    const f = new JsonFields(file);
    const root = f.object(data, '(top level)');
    const cost = f.object(root.cost, 'cost');
    // parseFlJson has checked these fields; read again only to carry them over.
    const distanceCost: FlDistanceCost | undefined =
      cost.matrix === undefined
        ? {
            metric: f.oneOf(cost.distance, 'cost.distance', ['euclidean', 'haversine'] as const),
            perUnitDistance: f.number(cost.perUnitDistance, 'cost.perUnitDistance', { min: 0 }),
            circuity: f.number(cost.circuity ?? 1, 'cost.circuity', { min: 1 }),
          }
        : undefined;
    const raw = [...f.array(root.sites, 'sites'), ...f.array(root.customers, 'customers')].map((r, i) =>
      f.object(r, `node ${i}`),
    );
    const names = new Map(
      raw.flatMap((r) => (typeof r.name === 'string' ? [[f.string(r.id, 'id'), r.name] as const] : [])),
    );
    // A distance cost fixes how coordinates are read; with a matrix, raw lat/lon keys mean geographic ones.
    const geographic = distanceCost
      ? distanceCost.metric === 'haversine'
      : raw.some((r) => r.lat !== undefined || r.lon !== undefined);
    return flToNetwork(inst, {
      ...(distanceCost ? { distanceCost } : {}),
      geographic,
      names,
      provenance: root.provenance,
    });
  },
};

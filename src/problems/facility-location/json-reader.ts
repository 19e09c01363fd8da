import { InputError } from '../../core/errors.js';
import { distance, type DistanceMetric } from '../../io/geo.js';
import { z } from 'zod';
import { validate } from '../../core/validation.js';
import { JsonFields } from '../../io/json-fields.js';
import {
  FL_VARIANTS,
  makeFlInstance,
  type Customer,
  type FacilityLocationInstance,
  type FlVariant,
  type Site,
} from './instance.js';

/**
 * Reads the rlnd JSON facility-location format (documented in docs/instance-formats.md):
 *
 * ```json
 * { "problem": "facility-location", "name": "demo", "variant": "cflp", "maxOpen": 3,
 *   "sites": [{ "id": "S1", "x": 106.8, "y": -6.2, "capacity": 500, "fixedCost": 1000 }],
 *   "customers": [{ "id": "C1", "x": 106.9, "y": -6.3, "demand": 40 }],
 *   "cost": { "distance": "haversine", "perUnitDistance": 0.5, "circuity": 1.3 } }
 * ```
 * or `"cost": { "matrix": { "S1": { "C1": 12.5 } }, "per": "unit" | "total" }` (rows keyed by
 * site id; each row an object keyed by customer id or an array in customer order). With
 * `"per": "unit"` (default) a matrix entry is the cost per unit of demand, multiplied by the
 * customer's demand; `"total"` is the OR-Library convention (cost of all of the demand).
 */
export function parseFlJson(
  data: unknown,
  file: string,
  override: { variant?: FlVariant } = {},
): FacilityLocationInstance {
  const doc = validate(FL_DOCUMENT, data, file);
  const f = new JsonFields(file);
  const variant = override.variant ?? doc.variant ?? 'cflp';
  const haversine = 'distance' in doc.cost && doc.cost.distance === 'haversine';
  const totalDemand = doc.customers.reduce((a, c) => a + c.demand, 0);
  const sites: Site[] = doc.sites.map((s, i) => {
    // An uncapacitated site can serve all of the demand: the same model, with a finite number.
    if (s.capacity === undefined && variant !== 'uflp')
      throw new InputError(
        file,
        `sites[${i}] (${s.id}).capacity`,
        `a number >= 0 (required unless the variant is uflp) (missing)`,
      );
    return {
      id: String(s.id),
      capacity: s.capacity ?? totalDemand,
      fixedCost: s.fixedCost,
      ...coords(file, s, `sites[${i}] (${s.id})`, haversine),
    };
  });
  const customers: Customer[] = doc.customers.map((c, j) => ({
    id: String(c.id),
    demand: c.demand,
    ...coords(file, c, `customers[${j}] (${c.id})`, haversine),
  }));
  const allocCost =
    'matrix' in doc.cost
      ? matrixCosts(f, doc.cost as Record<string, unknown>, sites, customers)
      : distanceCosts(f, doc.cost as Record<string, unknown>, sites, customers);
  const name =
    doc.name ??
    file
      .split('/')
      .pop()!
      .replace(/\.json$/, '');
  return makeFlInstance({
    name,
    source: file,
    variant,
    sites,
    customers,
    allocCost,
    ...(doc.maxOpen !== undefined ? { maxOpen: doc.maxOpen } : {}),
  });
}

const id = z.union([z.string().min(1), z.number()]);
const nonNegative = z.number().min(0);
// Coordinates: x/y (planar or lon/lat degrees), or lon/lat, range-checked where they are degrees.
const POINT = {
  x: z.number().optional(),
  y: z.number().optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
};
// Descriptive fields the bundled instances carry; they do not change the model.
const LABELS = { name: z.string().optional(), region: z.string().optional(), notes: z.string().optional() };

/** The facility-location JSON document (docs/instance-formats.md): unknown keys are errors. */
export const FL_DOCUMENT = z.strictObject({
  $schema: z.string().optional(),
  problem: z.literal('facility-location').optional(),
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  notes: z.union([z.string(), z.array(z.string())]).optional(),
  provenance: z.unknown().optional(),
  // The parameters rlnd generate facility-location wrote the file with.
  generator: z.unknown().optional(),
  variant: z.enum(FL_VARIANTS).optional(),
  maxOpen: z.number().int().min(1).optional(),
  sites: z
    .array(z.strictObject({ id, capacity: nonNegative.optional(), fixedCost: nonNegative, ...POINT, ...LABELS }))
    .min(1),
  customers: z
    .array(
      z.strictObject({
        id,
        demand: nonNegative,
        population: nonNegative.optional(),
        seat: z.string().optional(),
        ...POINT,
        ...LABELS,
      }),
    )
    .min(1),
  cost: z.union([
    z.strictObject({
      distance: z.enum(['euclidean', 'haversine']),
      perUnitDistance: nonNegative,
      circuity: z.number().min(1).optional(),
    }),
    z.strictObject({
      matrix: z.record(z.string(), z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())])),
      per: z.enum(['unit', 'total']).optional(),
    }),
  ]),
});

function coords(
  file: string,
  o: { x?: number | undefined; y?: number | undefined; lon?: number | undefined; lat?: number | undefined },
  path: string,
  degrees: boolean,
): { x?: number; y?: number } {
  // lon/lat are an alias of x/y, since geographic data usually comes that way.
  const x = o.x ?? o.lon;
  const y = o.y ?? o.lat;
  if (x === undefined && y === undefined) return {};
  if (x === undefined || y === undefined)
    throw new InputError(file, path, 'both coordinates, x and y (or lon and lat)');
  // With haversine distances x and y are degrees: a latitude of 200 is a typo, not a place.
  if (degrees && (x < -180 || x > 180))
    throw new InputError(file, `${path}.x`, `a longitude in [-180, 180] (cost.distance is haversine), got ${x}`);
  if (degrees && (y < -90 || y > 90))
    throw new InputError(file, `${path}.y`, `a latitude in [-90, 90] (cost.distance is haversine), got ${y}`);
  return { x, y };
}

function matrixCosts(f: JsonFields, cost: Record<string, unknown>, sites: Site[], customers: Customer[]): Float64Array {
  const per = cost.per === undefined ? 'unit' : f.oneOf(cost.per, 'cost.per', ['unit', 'total'] as const);
  const rows = f.object(cost.matrix, 'cost.matrix');
  const n = customers.length;
  const siteIndex = new Map(sites.map((s, i) => [s.id, i]));
  const custIndex = new Map(customers.map((c, j) => [c.id, j]));
  const out = new Float64Array(sites.length * n).fill(NaN);
  for (const [sid, row] of Object.entries(rows)) {
    const i = siteIndex.get(sid);
    if (i === undefined)
      throw new InputError(
        f.file,
        `cost.matrix.${sid}`,
        `a site id from 'sites' (${[...siteIndex.keys()].slice(0, 5).join(', ')}...), got unknown site '${sid}'`,
      );
    if (Array.isArray(row)) {
      if (row.length !== n)
        throw new InputError(f.file, `cost.matrix.${sid}`, `${n} costs (one per customer), got ${row.length}`);
      row.forEach((v, j) => (out[i * n + j] = f.number(v, `cost.matrix.${sid}[${j}]`, { min: 0 })));
    } else {
      for (const [cid, v] of Object.entries(f.object(row, `cost.matrix.${sid}`))) {
        const j = custIndex.get(cid);
        if (j === undefined)
          throw new InputError(
            f.file,
            `cost.matrix.${sid}.${cid}`,
            `a customer id from 'customers', got unknown customer '${cid}'`,
          );
        out[i * n + j] = f.number(v, `cost.matrix.${sid}.${cid}`, { min: 0 });
      }
    }
  }
  for (let k = 0; k < out.length; k++) {
    if (Number.isNaN(out[k]!)) {
      throw new InputError(
        f.file,
        `cost.matrix.${sites[Math.floor(k / n)]!.id}`,
        `a cost for customer ${customers[k % n]!.id} (missing)`,
      );
    }
    if (per === 'unit') out[k]! *= customers[k % n]!.demand;
  }
  return out;
}

function distanceCosts(
  f: JsonFields,
  cost: Record<string, unknown>,
  sites: Site[],
  customers: Customer[],
): Float64Array {
  const metric: DistanceMetric = f.oneOf(cost.distance, 'cost.distance', ['euclidean', 'haversine'] as const);
  const perUnit = f.number(cost.perUnitDistance, 'cost.perUnitDistance', { min: 0 });
  const circuity = f.number(cost.circuity ?? 1, 'cost.circuity', { min: 1 });
  const need = (p: { x?: number; y?: number }, what: string): [number, number] => {
    if (p.x === undefined || p.y === undefined)
      throw new InputError(f.file, what, 'coordinates x and y (or lon and lat) when cost.distance is used');
    return [p.x, p.y];
  };
  const n = customers.length;
  const out = new Float64Array(sites.length * n);
  sites.forEach((s, i) => {
    const [sx, sy] = need(s, `sites[${i}]`);
    customers.forEach((c, j) => {
      const [cx, cy] = need(c, `customers[${j}]`);
      out[i * n + j] = c.demand * perUnit * circuity * distance(metric, sx, sy, cx, cy);
    });
  });
  return out;
}

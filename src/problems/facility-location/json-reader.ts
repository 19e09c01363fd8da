import { InputError } from '../../core/errors.js';
import { distance, type DistanceMetric } from '../../io/geo.js';
import { JsonFields } from '../../io/json-fields.js';
import { FL_VARIANTS, makeFlInstance, type Customer, type FacilityLocationInstance, type FlVariant, type Site } from './instance.js';

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
export function parseFlJson(data: unknown, file: string, override: { variant?: FlVariant } = {}): FacilityLocationInstance {
  const f = new JsonFields(file);
  const root = f.object(data, '(top level)');
  const variant = override.variant ?? (root.variant === undefined ? 'cflp' : f.oneOf(root.variant, 'variant', FL_VARIANTS));
  const sites: Site[] = f.array(root.sites, 'sites').map((raw, i) => {
    const s = f.object(raw, `sites[${i}]`);
    const capacity = s.capacity === undefined && variant === 'uflp' ? Infinity : f.number(s.capacity, `sites[${i}].capacity`, { min: 0 });
    return {
      id: f.string(s.id, `sites[${i}].id`),
      capacity,
      fixedCost: f.number(s.fixedCost ?? 0, `sites[${i}].fixedCost`, { min: 0 }),
      ...coords(f, s, `sites[${i}]`),
    };
  });
  const customers: Customer[] = f.array(root.customers, 'customers').map((raw, j) => {
    const c = f.object(raw, `customers[${j}]`);
    return { id: f.string(c.id, `customers[${j}].id`), demand: f.number(c.demand, `customers[${j}].demand`, { min: 0 }), ...coords(f, c, `customers[${j}]`) };
  });
  const cost = f.object(root.cost, 'cost');
  const allocCost = cost.matrix !== undefined ? matrixCosts(f, cost, sites, customers) : distanceCosts(f, cost, sites, customers);
  const maxOpen = f.optionalNumber(root.maxOpen, 'maxOpen', { min: 1, integer: true });
  const name = root.name === undefined ? file.split('/').pop()!.replace(/\.json$/, '') : f.string(root.name, 'name');
  return makeFlInstance({ name, source: file, variant, sites, customers, allocCost, ...(maxOpen !== undefined ? { maxOpen } : {}) });
}

function coords(f: JsonFields, o: Record<string, unknown>, path: string): { x?: number; y?: number } {
  // Accept lon/lat as an alias of x/y, since geographic data usually comes that way.
  const x = o.x ?? o.lon;
  const y = o.y ?? o.lat;
  if (x === undefined && y === undefined) return {};
  return { x: f.number(x, `${path}.x`), y: f.number(y, `${path}.y`) };
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
    if (i === undefined) throw new InputError(f.file, `cost.matrix.${sid}`, `a site id from 'sites' (${[...siteIndex.keys()].slice(0, 5).join(', ')}...), got unknown site '${sid}'`);
    if (Array.isArray(row)) {
      if (row.length !== n) throw new InputError(f.file, `cost.matrix.${sid}`, `${n} costs (one per customer), got ${row.length}`);
      row.forEach((v, j) => (out[i * n + j] = f.number(v, `cost.matrix.${sid}[${j}]`, { min: 0 })));
    } else {
      for (const [cid, v] of Object.entries(f.object(row, `cost.matrix.${sid}`))) {
        const j = custIndex.get(cid);
        if (j === undefined) throw new InputError(f.file, `cost.matrix.${sid}.${cid}`, `a customer id from 'customers', got unknown customer '${cid}'`);
        out[i * n + j] = f.number(v, `cost.matrix.${sid}.${cid}`, { min: 0 });
      }
    }
  }
  for (let k = 0; k < out.length; k++) {
    if (Number.isNaN(out[k]!)) {
      throw new InputError(f.file, `cost.matrix.${sites[Math.floor(k / n)]!.id}`, `a cost for customer ${customers[k % n]!.id} (missing)`);
    }
    if (per === 'unit') out[k]! *= customers[k % n]!.demand;
  }
  return out;
}

function distanceCosts(f: JsonFields, cost: Record<string, unknown>, sites: Site[], customers: Customer[]): Float64Array {
  const metric: DistanceMetric = f.oneOf(cost.distance, 'cost.distance', ['euclidean', 'haversine'] as const);
  const perUnit = f.number(cost.perUnitDistance, 'cost.perUnitDistance', { min: 0 });
  const circuity = f.number(cost.circuity ?? 1, 'cost.circuity', { min: 1 });
  const need = (p: { x?: number; y?: number }, what: string): [number, number] => {
    if (p.x === undefined || p.y === undefined) throw new InputError(f.file, what, 'coordinates x and y (or lon and lat) when cost.distance is used');
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

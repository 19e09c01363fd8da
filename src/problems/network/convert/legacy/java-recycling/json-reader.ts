import { InputError } from '../../../../../core/errors.js';
import { JsonFields } from '../../../../../io/json-fields.js';
import {
  FIXED_COST_BASES,
  makeJavaInstance,
  type CollectionCentre,
  type FacilityCandidate,
  type JavaInstance,
  type LatLon,
  type Manufacturer,
  type Metal,
} from './instance.js';

/**
 * Reads the old java-recycling JSON format of the Java recycling network (kept for `rlnd convert`; docs/problems/java-recycling.md):
 *
 * ```json
 * { "problem": "java-recycling", "name": "java-option2", "periods": 4,
 *   "metals": [{ "id": "Ni", "conversion": 0.22, "price": 208000, "recycleCost": 24000 }],
 *   "waste": { "conversion": 0.36, "treatmentCost": 1000 },
 *   "inventoryCost": 1000, "transportCostPerKgKm": 0.2,
 *   "fixedCost": { "amount": 15298763112, "basis": "network-period" },
 *   "investmentCost": 24758020980, "capacity": 365000,
 *   "distance": { "metric": "haversine", "circuity": 1 },
 *   "collectionCentres": [{ "id": "Jakarta", "lat": -6.1807, "lon": 106.81098, "area": "West", "supply": [1, 2, 3, 4] }],
 *   "facilities": [{ "id": "RF2", "city": "Jakarta" }],
 *   "manufacturers": [{ "id": "Surakarta", "lat": -7.57, "lon": 110.82, "demand": { "Ni": [1, 2, 3, 4] } }],
 *   "landfills": [{ "id": "Lamongan", "lat": -7.12, "lon": 112.42 }],
 *   "provenance": { "...": "free text, ignored by the reader" } }
 * ```
 * A facility without coordinates takes those of the collection centre named by `city`;
 * `capacity` (a number or one value per period) and `investmentCost` default to the top-level ones.
 */
export function parseJavaJson(data: unknown, file: string): JavaInstance {
  const f = new JsonFields(file);
  const root = f.object(data, '(top level)');
  const T = f.number(root.periods, 'periods', { min: 1, integer: true });
  const perPeriod = (v: unknown, path: string): number[] => {
    if (typeof v === 'number') return new Array<number>(T).fill(f.number(v, path, { min: 0 }));
    const arr = f.array(v, path);
    if (arr.length !== T)
      throw new InputError(file, path, `${T} values (one per period) or one number, got ${arr.length}`);
    return arr.map((x, t) => f.number(x, `${path}[${t}]`, { min: 0 }));
  };
  const point = (o: Record<string, unknown>, path: string): LatLon => ({
    lat: f.number(o.lat, `${path}.lat`),
    lon: f.number(o.lon, `${path}.lon`),
  });

  const metals: Metal[] = f.array(root.metals, 'metals').map((raw, i) => {
    const k = f.object(raw, `metals[${i}]`);
    return {
      id: f.string(k.id, `metals[${i}].id`),
      conversion: f.number(k.conversion, `metals[${i}].conversion`, { min: 0 }),
      price: f.number(k.price, `metals[${i}].price`, { min: 0 }),
      recycleCost: f.number(k.recycleCost, `metals[${i}].recycleCost`, { min: 0 }),
    };
  });
  const waste = f.object(root.waste, 'waste');
  const fixed = f.object(root.fixedCost, 'fixedCost');
  const dist = root.distance === undefined ? {} : f.object(root.distance, 'distance');

  const centres: CollectionCentre[] = f.array(root.collectionCentres, 'collectionCentres').map((raw, i) => {
    const c = f.object(raw, `collectionCentres[${i}]`);
    const path = `collectionCentres[${i}]`;
    return {
      id: f.string(c.id, `${path}.id`),
      ...point(c, path),
      ...(c.area !== undefined ? { area: f.string(c.area, `${path}.area`) } : {}),
      supply: perPeriod(c.supply, `${path}.supply`),
    };
  });
  const byId = new Map(centres.map((c) => [c.id, c]));
  const facilities: FacilityCandidate[] = f.array(root.facilities, 'facilities').map((raw, i) => {
    const r = f.object(raw, `facilities[${i}]`);
    const path = `facilities[${i}]`;
    const city = f.string(r.city ?? r.id, `${path}.city`);
    let at: LatLon;
    if (r.lat !== undefined || r.lon !== undefined) at = point(r, path);
    else {
      const c = byId.get(city);
      if (!c)
        throw new InputError(
          file,
          `${path}.city`,
          `coordinates (lat, lon) or the id of a collection centre, got '${city}'`,
        );
      at = { lat: c.lat, lon: c.lon };
    }
    return {
      id: f.string(r.id, `${path}.id`),
      city,
      ...at,
      capacity: perPeriod(r.capacity ?? root.capacity, `${path}.capacity`),
      investmentCost: f.number(r.investmentCost ?? root.investmentCost, `${path}.investmentCost`, { min: 0 }),
    };
  });
  const manufacturers: Manufacturer[] = f.array(root.manufacturers, 'manufacturers').map((raw, i) => {
    const m = f.object(raw, `manufacturers[${i}]`);
    const path = `manufacturers[${i}]`;
    const demand = f.object(m.demand, `${path}.demand`);
    for (const key of Object.keys(demand)) {
      if (!metals.some((k) => k.id === key))
        throw new InputError(file, `${path}.demand.${key}`, `a metal id among ${metals.map((k) => k.id).join(', ')}`);
    }
    return {
      id: f.string(m.id, `${path}.id`),
      ...point(m, path),
      demand: metals.map((k) => perPeriod(demand[k.id] ?? 0, `${path}.demand.${k.id}`)),
      ...(m.capacity !== undefined && m.capacity !== null
        ? { capacity: perPeriod(m.capacity, `${path}.capacity`) }
        : {}),
    };
  });
  const landfills = f.array(root.landfills, 'landfills').map((raw, i) => {
    const w = f.object(raw, `landfills[${i}]`);
    return { id: f.string(w.id, `landfills[${i}].id`), ...point(w, `landfills[${i}]`) };
  });
  const name =
    root.name === undefined
      ? file
          .split('/')
          .pop()!
          .replace(/\.json$/, '')
      : f.string(root.name, 'name');
  return makeJavaInstance({
    name,
    source: file,
    periods: T,
    metals,
    wasteConversion: f.number(waste.conversion, 'waste.conversion', { min: 0 }),
    wasteTreatmentCost: f.number(waste.treatmentCost, 'waste.treatmentCost', { min: 0 }),
    inventoryCost: f.number(root.inventoryCost, 'inventoryCost', { min: 0 }),
    transportCostPerKgKm: f.number(root.transportCostPerKgKm, 'transportCostPerKgKm', { min: 0 }),
    fixedCost: {
      amount: f.number(fixed.amount, 'fixedCost.amount', { min: 0 }),
      basis: fixed.basis === undefined ? 'network-period' : f.oneOf(fixed.basis, 'fixedCost.basis', FIXED_COST_BASES),
    },
    distanceMetric:
      dist.metric === undefined
        ? 'haversine'
        : f.oneOf(dist.metric, 'distance.metric', ['haversine', 'euclidean'] as const),
    circuity: dist.circuity === undefined ? 1 : f.number(dist.circuity, 'distance.circuity', { min: 1 }),
    centres,
    facilities,
    manufacturers,
    landfills,
  });
}

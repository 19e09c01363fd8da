import { InputError } from '../../core/errors.js';

/**
 * Facility-location variants: split demand (CFLP), single-source with binary assignment
 * (SSCFLP), and uncapacitated (UFLP, capacities ignored).
 */
export type FlVariant = 'cflp' | 'sscflp' | 'uflp';

export const FL_VARIANTS: readonly FlVariant[] = ['cflp', 'sscflp', 'uflp'];

/** A candidate site. Coordinates are (x, y), or (longitude, latitude) for haversine costs. */
export interface Site {
  readonly id: string;
  readonly capacity: number;
  readonly fixedCost: number;
  readonly x?: number;
  readonly y?: number;
}

/** A customer (dealer, region) whose demand must be served. */
export interface Customer {
  readonly id: string;
  readonly demand: number;
  readonly x?: number;
  readonly y?: number;
}

/**
 * One read-only facility-location instance. `allocCost[i * n + j]` is the cost of serving
 * *all* of customer j's demand from site i (OR-Library convention), so a fraction x_ij costs
 * `allocCost * x_ij`.
 */
export interface FacilityLocationInstance {
  readonly kind: 'facility-location';
  readonly name: string;
  /** File it was read from (for error messages and provenance). */
  readonly source: string;
  readonly variant: FlVariant;
  readonly sites: readonly Site[];
  readonly customers: readonly Customer[];
  readonly allocCost: Float64Array;
  /** Optional cap on the number of open sites. */
  readonly maxOpen?: number;
}

/** Fields a variant (scenario, sensitivity step, CLI flag) may replace. */
export type FlChanges = Partial<Omit<FacilityLocationInstance, 'kind'>>;

/** Validates and freezes an instance; errors name the source file and the field. */
export function makeFlInstance(data: Omit<FacilityLocationInstance, 'kind'>): FacilityLocationInstance {
  const { source } = data;
  const m = data.sites.length;
  const n = data.customers.length;
  if (m === 0) throw new InputError(source, 'sites', 'at least one site');
  if (n === 0) throw new InputError(source, 'customers', 'at least one customer');
  if (!FL_VARIANTS.includes(data.variant)) throw new InputError(source, 'variant', `one of ${FL_VARIANTS.join(', ')}`);
  const ids = new Set<string>();
  data.sites.forEach((s, i) => {
    const where = `sites[${i}] (id ${s.id})`;
    if (ids.has(s.id)) throw new InputError(source, `${where}.id`, 'a unique site id');
    ids.add(s.id);
    if (!Number.isFinite(s.capacity) || s.capacity < 0)
      throw new InputError(source, `${where}.capacity`, `a number >= 0, got ${s.capacity}`);
    if (!Number.isFinite(s.fixedCost) || s.fixedCost < 0)
      throw new InputError(source, `${where}.fixedCost`, `a number >= 0, got ${s.fixedCost}`);
  });
  const cids = new Set<string>();
  data.customers.forEach((c, j) => {
    const where = `customers[${j}] (id ${c.id})`;
    if (cids.has(c.id)) throw new InputError(source, `${where}.id`, 'a unique customer id');
    cids.add(c.id);
    if (!Number.isFinite(c.demand) || c.demand < 0)
      throw new InputError(source, `${where}.demand`, `a number >= 0, got ${c.demand}`);
  });
  if (data.allocCost.length !== m * n)
    throw new InputError(source, 'cost', `${m} x ${n} costs, got ${data.allocCost.length}`);
  for (let k = 0; k < data.allocCost.length; k++) {
    const c = data.allocCost[k]!;
    if (!Number.isFinite(c) || c < 0) {
      const i = Math.floor(k / n);
      const j = k % n;
      throw new InputError(
        source,
        `cost of site ${data.sites[i]!.id} -> customer ${data.customers[j]!.id}`,
        `a number >= 0, got ${c}`,
      );
    }
  }
  if (data.maxOpen !== undefined && (!Number.isInteger(data.maxOpen) || data.maxOpen < 1)) {
    throw new InputError(source, 'maxOpen', `a positive integer, got ${data.maxOpen}`);
  }
  return Object.freeze({ kind: 'facility-location' as const, ...data });
}

/** A new instance with some fields replaced (the original is untouched). */
export function withChanges(inst: FacilityLocationInstance, changes: FlChanges): FacilityLocationInstance {
  const { kind: _kind, ...rest } = inst;
  return makeFlInstance({ ...rest, ...changes });
}

/** Total demand of all customers. */
export function totalDemand(inst: FacilityLocationInstance): number {
  return inst.customers.reduce((s, c) => s + c.demand, 0);
}

/** Cost of serving all of customer j from site i. */
export function allocCost(inst: FacilityLocationInstance, i: number, j: number): number {
  return inst.allocCost[i * inst.customers.length + j]!;
}

/**
 * Why the instance cannot be feasible, if that is visible without solving: total capacity below
 * total demand, or (single-source) a customer larger than every site.
 */
export function flInstanceInfeasibility(inst: FacilityLocationInstance): string | null {
  if (inst.variant === 'uflp') return null;
  const demand = totalDemand(inst);
  const caps = inst.sites.map((s) => s.capacity).sort((a, b) => b - a);
  const usable = inst.maxOpen !== undefined ? caps.slice(0, inst.maxOpen) : caps;
  const capacity = usable.reduce((s, c) => s + c, 0);
  if (capacity < demand - 1e-9) {
    const which = inst.maxOpen !== undefined ? `capacity of the ${inst.maxOpen} largest sites` : 'total capacity';
    return `${which} ${capacity} is below total demand ${demand}`;
  }
  if (inst.variant === 'sscflp') {
    const biggest = caps[0] ?? 0;
    const big = inst.customers.find((c) => c.demand > biggest + 1e-9);
    if (big)
      return `single-source: customer ${big.id} demands ${big.demand}, more than the largest site capacity ${biggest}`;
  }
  return null;
}

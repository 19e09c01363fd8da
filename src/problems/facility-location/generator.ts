import { InputError } from '../../core/errors.js';
import { makeRng } from '../../search/rng.js';

/** Spatial layouts: uniform over the square, or customers clustered around "cities". */
export type FlLayout = 'uniform' | 'clustered';

/** Parameters of a generated facility-location instance. */
export interface FlGeneratorParams {
  readonly sites: number;
  readonly customers: number;
  readonly layout: FlLayout;
  /** Number of cities for the clustered layout. */
  readonly clusters: number;
  /** Total capacity / total demand (> 1; 1.5 is tight, 5 is loose). */
  readonly tightness: number;
  readonly seed: number;
  readonly variant?: 'cflp' | 'sscflp' | 'uflp';
  readonly name?: string;
}

const SIDE = 1000; // the square is [0, SIDE]^2; cost per unit distance is 1 per unit of demand

/** Checks generator parameters with messages naming the option. */
export function checkFlGeneratorParams(p: FlGeneratorParams): void {
  const bad = (field: string, expected: string): never => {
    throw new InputError('generate facility-location', `--${field}`, expected);
  };
  if (!Number.isInteger(p.sites) || p.sites < 1) bad('sites', `a positive integer, got ${p.sites}`);
  if (!Number.isInteger(p.customers) || p.customers < 1) bad('customers', `a positive integer, got ${p.customers}`);
  if (!['uniform', 'clustered'].includes(p.layout)) bad('layout', `uniform or clustered, got ${p.layout}`);
  if (!Number.isInteger(p.clusters) || p.clusters < 1) bad('clusters', `a positive integer, got ${p.clusters}`);
  if (!Number.isFinite(p.tightness) || p.tightness <= 1)
    bad('tightness', `a number > 1 (total capacity / total demand), got ${p.tightness}`);
  if (!Number.isInteger(p.seed)) bad('seed', `an integer, got ${p.seed}`);
}

/**
 * A seeded random instance in rlnd's JSON format, with coordinates and a distance-based cost
 * (euclidean x demand), so the file stays small (O(sites + customers)) whatever the size; the
 * cost matrix is computed when the file is loaded (8 bytes per site-customer pair).
 * Demand ~ U{5..35}; capacities ~ U(0.5, 1.5) x (tightness x demand / sites); fixed cost grows
 * with capacity (economies of scale: 300 x capacity^0.8) times U(0.8, 1.2). Coordinates are
 * rounded to 0.01 so the file is byte-stable.
 */
export function generateFlInstance(p: FlGeneratorParams): Record<string, unknown> {
  checkFlGeneratorParams(p);
  const rng = makeRng(p.seed, 'fl-generator');
  const r2 = (v: number): number => Math.round(v * 100) / 100;
  const centres = Array.from({ length: p.clusters }, () => [rng.next() * SIDE, rng.next() * SIDE] as const);
  const point = (): [number, number] => {
    if (p.layout === 'uniform') return [r2(rng.next() * SIDE), r2(rng.next() * SIDE)];
    const [cx, cy] = centres[rng.int(centres.length)]!;
    // Box-Muller normal around the city, sd = 4% of the side, clipped to the square.
    const rad = Math.sqrt(-2 * Math.log(1 - rng.next())) * 0.04 * SIDE;
    const ang = 2 * Math.PI * rng.next();
    const clip = (v: number): number => Math.min(SIDE, Math.max(0, v));
    return [r2(clip(cx + rad * Math.cos(ang))), r2(clip(cy + rad * Math.sin(ang)))];
  };
  const customers = Array.from({ length: p.customers }, (_, j) => {
    const [x, y] = point();
    return { id: `c${j + 1}`, x, y, demand: 5 + rng.int(31) };
  });
  const demand = customers.reduce((a, c) => a + c.demand, 0);
  const meanCap = (p.tightness * demand) / p.sites;
  const sites = Array.from({ length: p.sites }, (_, i) => {
    const [x, y] = point();
    const capacity = Math.max(35, Math.round(meanCap * (0.5 + rng.next())));
    const fixedCost = Math.round(300 * capacity ** 0.8 * (0.8 + 0.4 * rng.next()));
    return { id: `s${i + 1}`, x, y, capacity, fixedCost };
  });
  // The random capacities can fall short of the target; scale them back up deterministically.
  const total = sites.reduce((a, s) => a + s.capacity, 0);
  if (total < p.tightness * demand) {
    const f = (p.tightness * demand) / total;
    for (const s of sites) s.capacity = Math.ceil(s.capacity * f);
  }
  return {
    problem: 'facility-location',
    name: p.name ?? `gen-${p.layout}-${p.sites}x${p.customers}-t${p.tightness}-s${p.seed}`,
    variant: p.variant ?? 'cflp',
    generator: { ...p, note: 'rlnd generate facility-location (src/problems/facility-location/generator.ts)' },
    sites,
    customers,
    cost: { distance: 'euclidean', perUnitDistance: 1 },
  };
}

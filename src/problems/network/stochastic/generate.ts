import seedrandom from 'seedrandom';
import type { NetworkDocumentInput } from '../schema.js';

/** Options of {@link stochasticFacilityLocation}. */
export interface StochasticFlOptions {
  readonly sites: number;
  readonly customers: number;
  readonly scenarios: number;
  readonly seed: number;
  /** Cost per unit of unmet demand; null: every scenario served in full (then capacity covers the largest scenario). */
  readonly penalty?: number | null;
  /** Open capacity over mean total demand if every site opened (default 3). */
  readonly capacityRatio?: number;
}

/**
 * A seeded two-stage capacitated facility-location network: sites and customers uniform in a
 * 100 x 100 square, unit transport cost = euclidean km, nominal demand 5-35 per customer, and
 * equally likely demand scenarios scaling each customer's demand by a shared factor (0.7-1.3,
 * e.g. the year's return volume) times its own (0.8-1.2), rounded. Benchmarks and tests of the
 * decomposition use it; `rlnd generate` does not (yet).
 */
export function stochasticFacilityLocation(o: StochasticFlOptions): NetworkDocumentInput {
  const rng = seedrandom(`stochastic-fl:${o.seed}`);
  const u = (lo: number, hi: number): number => lo + (hi - lo) * rng();
  const round2 = (v: number): number => Math.round(v * 100) / 100;
  const demand = Array.from({ length: o.customers }, () => Math.round(u(5, 35)));
  const total = demand.reduce((t, d) => t + d, 0);
  const perSite = Math.ceil(((o.capacityRatio ?? 3) * total) / o.sites);
  const sites = Array.from({ length: o.sites }, (_, i) => ({
    id: `F${i + 1}`,
    echelon: 'site',
    x: round2(u(0, 100)),
    y: round2(u(0, 100)),
    supply: { u: 'unlimited' as const },
    fixedCost: Math.round(u(0.5, 1.5) * 30 * (total / o.sites)),
    capacity: perSite,
  }));
  const customers = demand.map((d, j) => ({
    id: `C${j + 1}`,
    echelon: 'customer',
    x: round2(u(0, 100)),
    y: round2(u(0, 100)),
    demand: { u: d },
  }));
  const scenarios = Array.from({ length: o.scenarios }, (_, s) => {
    const shared = u(0.7, 1.3);
    return {
      id: `s${s + 1}`,
      probability: 1 / o.scenarios,
      demand: Object.fromEntries(demand.map((d, j) => [`C${j + 1}`, { u: Math.round(d * shared * u(0.8, 1.2)) }])),
    };
  });
  return {
    problem: 'network',
    name: `stochastic-fl-${o.sites}x${o.customers}-${o.scenarios}s-seed${o.seed}`,
    products: ['u'],
    distance: { metric: 'euclidean' },
    nodes: [...sites, ...customers],
    arcRules: [{ from: 'site', to: 'customer', costPerKm: 1 }],
    scenarios,
    ...(o.penalty !== null && o.penalty !== undefined ? { recourse: { unmetDemandPenalty: o.penalty } } : {}),
  };
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { PUBLISHED_TOTAL_POPULATION, REGIONS, type Region } from './regions.js';
import { formatInstanceJson } from '../../io/instance-json.js';

/**
 * Assumptions of the West Java reconstruction. The abstract publishes only the region count (27),
 * the demand total (23,772 batteries) and the number of points chosen (18); everything below is a
 * stated guess, fixed before solving and never tuned towards 18.
 */
export const ASSUMPTIONS = {
  seed: 1,
  /** Batteries to collect (abstract). */
  totalDemand: 23_772,
  /** Road km = circuity x great-circle km (Java road networks: 1.2-1.4; same as the Jakarta study). */
  circuity: 1.3,
  /**
   * IDR per battery per one-way road km. Consumers bring batteries themselves (abstract): a private
   * car at ~IDR 1,250 per vehicle-km (Pertalite ~IDR 10,000/l at ~10 km/l, plus ~IDR 250/km wear)
   * driven there and back (x 2), one battery per trip.
   */
  costPerBatteryKm: 2_500,
  /** Dealers per region: 2, plus one per full 1.5 million inhabitants, at most 4. */
  dealersBase: 2,
  dealersPerPopulation: 1_500_000,
  dealersMax: 4,
  /** Dealer distance from the seat in km, uniform in [lo, hi], at a uniform random bearing. */
  scatterKm: { kota: [1, 4], kabupaten: [2, 10] } as const,
  /**
   * Capacity in batteries, as a multiple of the region's demand: the region's first (main) dealer
   * 1.5, the others uniform in [0.4, 1.2]; rounded up to a multiple of 10. 1.5 keeps every region
   * servable by its own main dealer over the whole sensitivity range (x 0.7 capacity, x 1.3 demand).
   */
  mainCapacityFactor: 1.5,
  otherCapacityFactor: [0.4, 1.2] as const,
  capacityStep: 10,
  /**
   * Optional fixed cost per opened point, IDR (variant file only): fitting out a small licensed
   * temporary store for hazardous waste (TPS B3: shelving, fire protection, permit, handling).
   * An order of magnitude, not a quote; the abstract's model has no fixed cost.
   */
  fixedCost: 50_000_000,
  /** The abstract's number of points, used only for the capped variant's `maxOpen`. */
  abstractOpenPoints: 18,
} as const;

/** Splits `total` in proportion to `weights` into integers (largest remainder, ties by index). */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** Demand per region: 23,772 split in proportion to 2020 census population. */
export function regionDemands(): number[] {
  return largestRemainder(
    ASSUMPTIONS.totalDemand,
    REGIONS.map((r) => r.population),
  );
}

const KM_PER_DEG = 111.32;
const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** A candidate dealer as written to the instance file. */
export interface DealerRecord {
  id: string;
  region: string;
  lat: number;
  lon: number;
  capacity: number;
  fixedCost: number;
}

function dealerCount(r: Region): number {
  const A = ASSUMPTIONS;
  return Math.min(A.dealersMax, A.dealersBase + Math.floor(r.population / A.dealersPerPopulation));
}

/** Candidate dealers around each seat, drawn from one seeded stream in region order. */
export function makeDealers(seed: number, demands: readonly number[]): DealerRecord[] {
  const A = ASSUMPTIONS;
  const rng = seedrandom(`west-java/${seed}`);
  const out: DealerRecord[] = [];
  REGIONS.forEach((r, k) => {
    const [lo, hi] = A.scatterKm[r.type];
    for (let d = 1; d <= dealerCount(r); d++) {
      const km = lo + (hi - lo) * rng();
      const bearing = 2 * Math.PI * rng();
      const u = rng();
      const factor =
        d === 1
          ? A.mainCapacityFactor
          : A.otherCapacityFactor[0] + (A.otherCapacityFactor[1] - A.otherCapacityFactor[0]) * u;
      out.push({
        id: `${r.code}-${d}`,
        region: r.code,
        lat: round4(r.lat + (km * Math.cos(bearing)) / KM_PER_DEG),
        lon: round4(r.lon + (km * Math.sin(bearing)) / (KM_PER_DEG * Math.cos((r.lat * Math.PI) / 180))),
        capacity: Math.ceil((factor * demands[k]!) / A.capacityStep) * A.capacityStep,
        fixedCost: 0,
      });
    }
  });
  return out;
}

/** Which file of the study: the abstract's model, with a fixed cost, or capped at 18 points. */
export type WestJavaVariant = 'base' | 'fixed' | 'max18';

/** File name of each variant under instances/west-java/. */
export const VARIANT_FILES: Readonly<Record<WestJavaVariant, string>> = {
  base: 'west-java.json',
  fixed: 'west-java-fixed.json',
  max18: 'west-java-max18.json',
};

/** The reconstructed instance as plain JSON in the facility-location format. */
export function generateWestJava(
  variant: WestJavaVariant = 'base',
  seed: number = ASSUMPTIONS.seed,
): Record<string, unknown> {
  const A = ASSUMPTIONS;
  const demands = regionDemands();
  const fixed = variant === 'fixed' ? A.fixedCost : 0;
  const dealers = makeDealers(seed, demands).map((d) => ({ ...d, fixedCost: fixed }));
  const name = { base: 'west-java', fixed: 'west-java-fixed', max18: 'west-java-max18' }[variant];
  return {
    problem: 'facility-location',
    name,
    variant: 'sscflp',
    ...(variant === 'max18' ? { maxOpen: A.abstractOpenPoints } : {}),
    cost: { distance: 'haversine', perUnitDistance: A.costPerBatteryKm, circuity: A.circuity },
    provenance: provenance(variant, seed, demands),
    customers: REGIONS.map((r, k) => ({
      id: r.code,
      name: r.name,
      seat: r.seat,
      lat: r.lat,
      lon: r.lon,
      population: r.population,
      demand: demands[k]!,
    })),
    sites: dealers,
  };
}

function provenance(variant: WestJavaVariant, seed: number, demands: readonly number[]): Record<string, unknown> {
  const A = ASSUMPTIONS;
  const popSum = REGIONS.reduce((s, r) => s + r.population, 0);
  return {
    source:
      'Abstract (EN/ID) of a West Java NMC battery collection-point CFLP study for "PT XYZ" (MILP, PuLP): 27 regencies/cities, 23,772 batteries, 18 dealers chosen. Dealer list, capacities, distances and costs are not published.',
    generator: `src/studies/west-java/generate-instance.ts, seed ${seed} (npm run build && node dist/studies/west-java/generate-instance.js instances/west-java)`,
    variant: {
      base: "The abstract's model: single source (each region to one point), minimise transport cost only (fixed cost 0), no cap on the number of points.",
      fixed: `As base, plus a fixed cost of IDR ${A.fixedCost.toLocaleString('en-US')} per opened point (stated order of magnitude for a small licensed hazardous-waste store; not in the abstract).`,
      max18: `As base, with at most ${A.abstractOpenPoints} points open (maxOpen): what holding to the abstract's count costs.`,
    }[variant],
    regions:
      'customers: the 27 regencies (kabupaten) and cities (kota) of West Java; each region is one demand point at its seat. Coordinates: approximate seat latitude/longitude (about 0.01 degree) from Wikipedia/OpenStreetMap gazetteers; Kab. Bandung and Kab. Bandung Barat use their Wikipedia infobox coordinates.',
    demand: `${A.totalDemand} batteries (abstract) split in proportion to BPS Sensus Penduduk 2020 population per region (customers[].population), largest remainder. The population figures are approximate: they sum to ${popSum.toLocaleString('en-US')} against BPS's published ${PUBLISHED_TOTAL_POPULATION.toLocaleString('en-US')} (one figure is likely off by ~1,000, < 0.5 battery). Population is a proxy: vehicle registrations would weight the Jakarta suburbs more.`,
    demandCheck: `sum of customers[].demand = ${demands.reduce((s, d) => s + d, 0)}`,
    dealers: `Not published. Per region ${A.dealersBase} + floor(population / ${A.dealersPerPopulation.toLocaleString('en-US')}) dealers, at most ${A.dealersMax}; each at a uniform random bearing and a distance uniform in [${A.scatterKm.kota.join(', ')}] km (kota) or [${A.scatterKm.kabupaten.join(', ')}] km (kabupaten) from the seat (seedrandom 'west-java/${seed}', one stream in region order: distance, bearing, capacity draw per dealer).`,
    capacity: `Not published. Batteries per dealer: the region's first dealer ${A.mainCapacityFactor} x the region's demand, the others uniform in [${A.otherCapacityFactor.join(', ')}] x the region's demand, rounded up to a multiple of ${A.capacityStep}. The ${A.mainCapacityFactor} keeps every region servable by its own main dealer over the sensitivity range (capacity x 0.7, demand x 1.3).`,
    distance: `haversine km x circuity ${A.circuity} (the abstract used Google Maps road distances).`,
    cost: `perUnitDistance = IDR ${A.costPerBatteryKm.toLocaleString('en-US')} per battery per road km: consumer's own car, ~IDR 1,250 per vehicle-km (fuel ~IDR 10,000/l at ~10 km/l + ~IDR 250/km wear), there and back, one battery per trip. Total cost = sum over regions of demand x ${A.costPerBatteryKm} x ${A.circuity} x haversine km (+ fixed costs of open points in the fixed variant).`,
  };
}

export { formatInstanceJson } from '../../io/instance-json.js';

// Run as a script: write the three variant files into the given folder (default instances/west-java).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'instances/west-java';
  for (const [variant, file] of Object.entries(VARIANT_FILES) as [WestJavaVariant, string][]) {
    writeFileSync(join(dir, file), formatInstanceJson(generateWestJava(variant)));
  }
}

import { km, type CollectionCentre, type JavaInstance } from './instance.js';

/** One candidate location scored by the load-distance method. */
export interface LoadDistanceRow {
  readonly [key: string]: string | number;
  readonly area: string;
  readonly candidate: string;
  readonly lat: number;
  readonly lon: number;
  /** Σ_j load_j x distance(candidate, j), in kg·km. */
  readonly loadDistance: number;
  /** 1 = best (smallest) within its area. */
  readonly rank: number;
}

/** Load of a collection centre: its battery supply summed over all periods (kg). */
export function centreLoad(c: CollectionCentre): number {
  return c.supply.reduce((s, v) => s + v, 0);
}

/**
 * The load-distance method (Krajewski et al., the paper's candidate ranking): every collection
 * centre is a candidate site, scored by Σ_j load_j x d(candidate, j) over the centres j of the
 * same area; the smallest score wins. `split` scores each area separately (the paper's second
 * option, Table 4); otherwise the whole island is one area (first option, Table 3). Distances use
 * the instance's metric and circuity; the paper used road distances, so values differ from its
 * tables by a scale and the ranking is what compares.
 */
export function loadDistance(inst: JavaInstance, split: boolean): LoadDistanceRow[] {
  const areaOf = (c: CollectionCentre): string => (split ? c.area ?? '(no area)' : 'all');
  const areas = [...new Set(inst.centres.map(areaOf))];
  const rows: LoadDistanceRow[] = [];
  for (const area of areas) {
    const members = inst.centres.filter((c) => areaOf(c) === area);
    const scored = members.map((i) => ({
      area,
      candidate: i.id,
      lat: i.lat,
      lon: i.lon,
      loadDistance: members.reduce((s, j) => s + centreLoad(j) * km(inst.distanceMetric, inst.circuity, i, j), 0),
    }));
    const order = [...scored].sort((a, b) => a.loadDistance - b.loadDistance);
    rows.push(...scored.map((s) => ({ ...s, rank: order.indexOf(s) + 1 })));
  }
  return rows;
}

import { distance } from '../../io/geo.js';
import type { NetNode, NetworkInstance } from '../../problems/network/instance.js';

/** One candidate location scored by the load-distance method. */
export interface LoadDistanceRow {
  readonly [key: string]: string | number;
  readonly area: string;
  readonly candidate: string;
  /** Latitude and longitude (haversine networks) or x and y (euclidean). */
  readonly lat: number;
  readonly lon: number;
  /** Σ_j load_j x distance(candidate, j), in load units x km. */
  readonly loadDistance: number;
  /** 1 = best (smallest) within its area. */
  readonly rank: number;
}

/** The supplying nodes the method ranks: those of `echelon`, or every node with a supply. */
export function supplyNodes(inst: NetworkInstance, echelon?: string): NetNode[] {
  const nodes = inst.nodes.filter((n) => n.supply.size > 0 && (echelon === undefined || n.echelon === echelon));
  if (nodes.length === 0)
    throw new RangeError(
      `${inst.name}: no node ${echelon === undefined ? '' : `of echelon '${echelon}' `}has a supply to rank`,
    );
  return nodes;
}

/** Load of a node: its supply bound summed over products and periods (a collection centre's LB_ct). */
export function nodeLoad(n: NetNode): number {
  let load = 0;
  for (const b of n.supply.values()) for (const v of b.upper) load += v;
  if (!Number.isFinite(load)) throw new RangeError(`node ${n.id}: an unlimited supply has no load`);
  return load;
}

/**
 * The load-distance method (Krajewski et al., Kasy et al.'s candidate ranking): every supplying
 * node is a candidate site, scored by Σ_j load_j x d(candidate, j) over the supplying nodes j of
 * the same area; the smallest score wins. `split` scores each cluster separately (the paper's
 * second option, Table 4, its areas being the network's clusters); otherwise all nodes form one
 * area (first option, Table 3). Distances follow the network's `distance` rule (metric x
 * circuity); the paper used road distances, so values differ from its tables by a scale and the
 * ranking is what compares.
 */
export function loadDistance(inst: NetworkInstance, split: boolean, echelon?: string): LoadDistanceRow[] {
  const metric = inst.doc.distance?.metric ?? 'haversine';
  const circuity = inst.doc.distance?.circuity ?? 1;
  const xy = (n: NetNode): [number, number] => {
    const p = metric === 'haversine' ? [n.lon, n.lat] : [n.x, n.y];
    if (p[0] === undefined || p[1] === undefined)
      throw new RangeError(
        `node ${n.id}: coordinates (${metric === 'haversine' ? 'lat, lon' : 'x, y'}) for the load-distance method`,
      );
    return p as [number, number];
  };
  const km = (a: NetNode, b: NetNode): number => circuity * distance(metric, ...xy(a), ...xy(b));
  const nodes = supplyNodes(inst, echelon);
  const areaOf = (n: NetNode): string => (split ? (n.cluster ?? '(no area)') : 'all');
  const rows: LoadDistanceRow[] = [];
  for (const area of [...new Set(nodes.map(areaOf))]) {
    const members = nodes.filter((n) => areaOf(n) === area);
    const scored = members.map((i) => {
      const [x, y] = xy(i);
      return {
        area,
        candidate: i.id,
        lat: y,
        lon: x,
        loadDistance: members.reduce((s, j) => s + nodeLoad(j) * km(i, j), 0),
      };
    });
    const order = [...scored].sort((a, b) => a.loadDistance - b.loadDistance);
    rows.push(...scored.map((s) => ({ ...s, rank: order.indexOf(s) + 1 })));
  }
  return rows;
}

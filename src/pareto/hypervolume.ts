/** A point of a bi-objective minimisation: cost and emissions. */
export interface Objectives {
  readonly cost: number;
  readonly emissions: number;
}

/**
 * Area dominated by a set of points (both objectives minimised) and bounded by the reference
 * point: the union of the boxes [cost, ref.cost] x [emissions, ref.emissions]. Points not strictly
 * better than the reference in both objectives, and dominated points, add nothing.
 */
export function hypervolume(points: readonly Objectives[], ref: Objectives): number {
  const inside = points
    .filter((p) => p.cost < ref.cost && p.emissions < ref.emissions)
    .sort((a, b) => a.cost - b.cost || a.emissions - b.emissions);
  // The staircase: by increasing cost, only points that lower the emissions reached so far.
  const stairs: Objectives[] = [];
  for (const p of inside) if (stairs.length === 0 || p.emissions < stairs[stairs.length - 1]!.emissions) stairs.push(p);
  let area = 0;
  stairs.forEach((p, i) => {
    const right = i + 1 < stairs.length ? stairs[i + 1]!.cost : ref.cost;
    area += (right - p.cost) * (ref.emissions - p.emissions);
  });
  return area;
}

/**
 * Hypervolume as a share of the ideal-nadir box (1 would be the ideal point itself); null when the
 * box is empty (a front of one point, or extremes equal in one objective).
 */
export function normalizedHypervolume(
  points: readonly Objectives[],
  ideal: Objectives,
  nadir: Objectives,
): number | null {
  const box = (nadir.cost - ideal.cost) * (nadir.emissions - ideal.emissions);
  return box > 0 ? hypervolume(points, nadir) / box : null;
}

/**
 * A certified lower bound W of min cost + tax x emissions (no caps), e.g. the lower bound a
 * weighted-sum (re-priced) problem's method proved. `tax` 0: a bound on the least cost.
 */
export interface TaxBound {
  readonly tax: number;
  readonly lowerBound: number;
}

/**
 * A lower bound on min cost s.t. emissions <= eps from weighted-sum bounds: for every tax t >= 0
 * and any design and flows with emissions <= eps, cost >= cost + t x (emissions - eps) >= W(t) - t x eps
 * (weak duality of the cap row). The best over the known taxes is the lower convex envelope of
 * the supported points' bounds evaluated at eps. -Infinity without a finite bound.
 */
export function hullBound(bounds: readonly TaxBound[], eps: number): number {
  let best = -Infinity;
  for (const b of bounds) {
    if (!(b.tax >= 0) || !Number.isFinite(b.lowerBound)) continue;
    best = Math.max(best, b.lowerBound - b.tax * eps);
  }
  return best;
}

/**
 * Relative gap of a point's cost against the better of its own problem's bound and the hull bound
 * at its emissions (0 when a bound meets the cost; null when neither bound is known).
 */
export function certifiedGap(cost: number, ownBound: number | null, hull: number): number | null {
  const lb = Math.max(ownBound ?? -Infinity, hull);
  if (!Number.isFinite(lb) || !Number.isFinite(cost)) return null;
  return Math.max(0, cost - lb) / Math.max(1e-12, Math.abs(cost));
}

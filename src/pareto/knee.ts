import type { Objectives } from './hypervolume.js';

/**
 * The knee of a front: the point farthest below the straight line between the two extremes once
 * both objectives are normalised to [0, 1] over the ideal-nadir box (cost' + emissions' is least).
 * It is the point where a small cost buys the most emission cut, read both ways. Ties: the
 * cheaper point. A one-point front's knee is that point; null for an empty front.
 */
export function kneeIndex(points: readonly Objectives[]): number | null {
  if (points.length === 0) return null;
  const cs = points.map((p) => p.cost);
  const es = points.map((p) => p.emissions);
  const [c0, c1, e0, e1] = [Math.min(...cs), Math.max(...cs), Math.min(...es), Math.max(...es)];
  const norm = (v: number, lo: number, hi: number): number => (hi > lo ? (v - lo) / (hi - lo) : 0);
  let best = 0;
  let bestScore = Infinity;
  points.forEach((p, i) => {
    // Distance below the line x + y = 1 is (1 - x - y) / sqrt 2: the least x + y is the farthest.
    const score = norm(p.cost, c0, c1) + norm(p.emissions, e0, e1);
    if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && p.cost < points[best]!.cost)) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

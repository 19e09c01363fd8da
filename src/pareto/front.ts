import type { SolveStatus } from '../exact/status.js';
import type { Objectives } from './hypervolume.js';

/** One point of a cost/emission front: a design priced exactly, with the certificate of its epsilon problem. */
export interface FrontPoint extends Objectives {
  /** Ids of the open design bits. */
  readonly open: readonly string[];
  /** Status of the scalarised problem that gave the point (`optimal`: certified). */
  readonly status: SolveStatus;
  /** Certified relative gap on the cost of that problem (0 when optimal), or null without a bound. */
  readonly gap: number | null;
  /** Lower bound on the cost of that problem, or null. */
  readonly lowerBound: number | null;
  /**
   * Lower bound on min cost s.t. emissions <= this point's emissions from the weighted-sum
   * (carbon-price) bounds: max over solved taxes t of W(t) - t x emissions (src/pareto/hull-bound.ts).
   */
  readonly hullBound?: number | null;
  /** True when the point minimises cost + t x emissions for some carbon price t >= 0 (on the convex hull). */
  readonly supported: boolean;
  /** The emission cap of its epsilon problem (null for an extreme or a weighted-sum point). */
  readonly epsilon: number | null;
  /** The design bits. */
  readonly design: readonly number[];
}

/** Relative tolerance under which two objective values count as equal. */
export const OBJ_TOL = 1e-7;

/** Absolute tolerance for values of the size of `scale`. */
export function tolOf(scale: number): number {
  return OBJ_TOL * Math.max(1, Math.abs(scale));
}

/** True when a is at least as good as b in both objectives and better in one (with tolerances). */
export function dominates(a: Objectives, b: Objectives): boolean {
  const noWorse = a.cost <= b.cost + tolOf(b.cost) && a.emissions <= b.emissions + tolOf(b.emissions);
  const better = a.cost < b.cost - tolOf(b.cost) || a.emissions < b.emissions - tolOf(b.emissions);
  return noWorse && better;
}

/**
 * The non-dominated points, sorted by cost (then emissions), one per distinct objective vector
 * (the first met of equal ones, so callers list preferred points first).
 */
export function nondominated<P extends Objectives>(points: readonly P[]): P[] {
  const out: P[] = [];
  for (const p of points) {
    if (points.some((q) => dominates(q, p))) continue;
    if (
      out.some(
        (q) => Math.abs(q.cost - p.cost) <= tolOf(p.cost) && Math.abs(q.emissions - p.emissions) <= tolOf(p.emissions),
      )
    )
      continue;
    out.push(p);
  }
  return out.sort((a, b) => a.cost - b.cost || a.emissions - b.emissions);
}

/**
 * Marks the points on the lower-left convex hull (those some carbon price t >= 0 makes optimal for
 * cost + t x emissions), given the front sorted by cost.
 */
export function supportedFlags(front: readonly Objectives[]): boolean[] {
  return front.map((p) => {
    // p is supported iff no t >= 0 lets another point beat it: max over t of min_q (q - p)·(1, t) >= 0.
    // Checking the slopes of the hull edges around p suffices: p must not lie above any chord.
    for (let i = 0; i < front.length; i++) {
      for (let j = 0; j < front.length; j++) {
        const a = front[i]!;
        const b = front[j]!;
        if (!(a.cost < p.cost && b.emissions < p.emissions && a.emissions > p.emissions && b.cost > p.cost)) continue;
        // Chord from a to b at p's emissions.
        const w = (a.emissions - p.emissions) / (a.emissions - b.emissions);
        const chord = a.cost + w * (b.cost - a.cost);
        if (p.cost > chord + tolOf(p.cost)) return false;
      }
    }
    return true;
  });
}

import seedrandom from 'seedrandom';

/** A point in feature space (here (lat, lon) in degrees, as the paper clusters raw coordinates). */
export type Point = readonly number[];

/** One K-means clustering. */
export interface KMeansResult {
  readonly k: number;
  readonly centroids: number[][];
  /** Cluster index of each point. */
  readonly assignment: number[];
  /** Within-cluster sum of squares (scikit-learn's inertia). */
  readonly wcss: number;
  readonly iterations: number;
}

/** Options of {@link kmeans}. */
export interface KMeansOptions {
  readonly seed: number;
  /** Independent k-means++ starts; the lowest WCSS wins (scikit-learn's n_init). */
  readonly restarts?: number;
  readonly maxIterations?: number;
}

const sq = (a: Point, b: Point): number => a.reduce((s, v, d) => s + (v - b[d]!) ** 2, 0);

function nearest(p: Point, centroids: readonly Point[]): [number, number] {
  let best = 0;
  let dist = Infinity;
  centroids.forEach((c, j) => {
    const d = sq(p, c);
    if (d < dist) [best, dist] = [j, d];
  });
  return [best, dist];
}

/** k-means++ seeding: each next centre drawn with probability proportional to squared distance. */
function plusPlus(points: readonly Point[], k: number, rng: () => number): number[][] {
  const centroids: number[][] = [[...points[Math.floor(rng() * points.length)]!]];
  const d2 = points.map((p) => sq(p, centroids[0]!));
  while (centroids.length < k) {
    const total = d2.reduce((s, v) => s + v, 0);
    let pick = points.length - 1;
    if (total > 0) {
      let r = rng() * total;
      for (let i = 0; i < points.length; i++) {
        r -= d2[i]!;
        if (r < 0) {
          pick = i;
          break;
        }
      }
    } else pick = Math.floor(rng() * points.length);
    centroids.push([...points[pick]!]);
    points.forEach((p, i) => (d2[i] = Math.min(d2[i]!, sq(p, centroids[centroids.length - 1]!))));
  }
  return centroids;
}

/** One Lloyd run from k-means++ seeds, until no point changes cluster. */
function lloyd(points: readonly Point[], k: number, rng: () => number, maxIterations: number): KMeansResult {
  const dim = points[0]!.length;
  let centroids = plusPlus(points, k, rng);
  let assignment = points.map((p) => nearest(p, centroids)[0]);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const sums = centroids.map(() => new Array<number>(dim).fill(0));
    const counts = new Array<number>(k).fill(0);
    points.forEach((p, i) => {
      counts[assignment[i]!]!++;
      p.forEach((v, d) => (sums[assignment[i]!]![d]! += v));
    });
    centroids = sums.map((s, j) => (counts[j]! > 0 ? s.map((v) => v / counts[j]!) : centroids[j]!));
    // An emptied cluster takes the point farthest from its centre, so k clusters survive.
    counts.forEach((n, j) => {
      if (n > 0) return;
      let far = 0;
      points.forEach((p, i) => {
        if (sq(p, centroids[assignment[i]!]!) > sq(points[far]!, centroids[assignment[far]!]!)) far = i;
      });
      centroids[j] = [...points[far]!];
    });
    const next = points.map((p) => nearest(p, centroids)[0]);
    const changed = next.some((a, i) => a !== assignment[i]);
    assignment = next;
    if (!changed) break;
  }
  const wcss = points.reduce((s, p, i) => s + sq(p, centroids[assignment[i]!]!), 0);
  return { k, centroids, assignment, wcss, iterations: iterations + 1 };
}

/** K-means (Lloyd, k-means++ seeding, best of `restarts`), reproducible from `seed`. */
export function kmeans(points: readonly Point[], k: number, options: KMeansOptions): KMeansResult {
  if (!Number.isInteger(k) || k < 1 || k > points.length)
    throw new RangeError(`k must be an integer in [1, ${points.length}], got ${k}`);
  const rng = seedrandom(`${options.seed}:${k}`);
  let best: KMeansResult | null = null;
  for (let r = 0; r < (options.restarts ?? 10); r++) {
    const run = lloyd(points, k, rng, options.maxIterations ?? 300);
    if (!best || run.wcss < best.wcss) best = run;
  }
  return best!;
}

/**
 * Mean silhouette s(i) = (b(i) - a(i)) / max(a(i), b(i)) over all points, with Euclidean
 * distances; a point alone in its cluster scores 0 (scikit-learn's convention). Needs 2 <= k < n.
 */
export function silhouette(points: readonly Point[], assignment: readonly number[], k: number): number {
  const n = points.length;
  const size = new Array<number>(k).fill(0);
  assignment.forEach((a) => size[a]!++);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[assignment[j]!]! += Math.sqrt(sq(points[i]!, points[j]!));
    const own = assignment[i]!;
    if (size[own]! <= 1) continue;
    const a = sums[own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[c]! / size[c]!);
    total += b === Infinity ? 0 : (b - a) / Math.max(a, b);
  }
  return total / n;
}

/** Scores of one K for the elbow and silhouette methods. */
export interface KScore {
  readonly k: number;
  readonly wcss: number;
  readonly silhouette: number;
}

/**
 * The elbow of a decreasing WCSS curve: the K farthest from the straight line joining the first and
 * last points (both axes scaled to [0, 1]), a common reading of "where the curve bends".
 */
export function elbowK(scores: readonly KScore[]): number | null {
  if (scores.length < 3) return null;
  const first = scores[0]!;
  const last = scores[scores.length - 1]!;
  const kSpan = last.k - first.k || 1;
  const wSpan = first.wcss - last.wcss || 1;
  let best: KScore | null = null;
  let bestGap = -Infinity;
  for (const s of scores) {
    const x = (s.k - first.k) / kSpan;
    const y = (first.wcss - s.wcss) / wSpan;
    if (y - x > bestGap) [best, bestGap] = [s, y - x];
  }
  return best!.k;
}

import { tolOf } from './front.js';
import type { TaxBound } from './hull-bound.js';
import type { ScalarOutcome, ScalarRunner, ScalarTask } from './scalar.js';

/** Solved points as the dichotomic search keeps them. */
export type Solved = ScalarOutcome;

/**
 * Every supported extreme point between two lexicographic extremes (Aneja & Nair's dichotomic
 * search): for each pair of neighbouring known points, minimise cost + t x emissions at the slope
 * t between them; a point strictly below their line is a new supported point, else the pair is an
 * edge of the lower-left hull. Pairs of one level are solved side by side. `a` has the least cost,
 * `b` the least emissions. Returns the points sorted by cost, extremes included, with the
 * weighted-sum problems solved and each one's certified bound at its tax (for the hull bound).
 */
export async function dichotomicSearch(
  runner: ScalarRunner,
  a: Solved,
  b: Solved,
  task: Pick<ScalarTask, 'method' | 'seed' | 'timeLimit'>,
  deadline = Infinity,
): Promise<{ vertices: Solved[]; solved: number; bounds: TaxBound[] }> {
  const vertices: Solved[] = [a, b];
  let pairs: [Solved, Solved][] = [[a, b]];
  let solved = 0;
  const bounds: TaxBound[] = [];
  while (pairs.length > 0 && performance.now() < deadline) {
    const open = pairs.filter(
      ([p, q]) => p.emissions - q.emissions > tolOf(p.emissions) && q.cost - p.cost > tolOf(p.cost),
    );
    const taxes = open.map(([p, q]) => (q.cost - p.cost) / (p.emissions - q.emissions));
    const out = await runner.run(
      taxes.map((t, k) => ({
        ...task,
        objective: 'cost',
        carbonTax: t,
        warmStart: [open[k]![0].design, open[k]![1].design],
      })),
    );
    solved += out.length;
    const next: [Solved, Solved][] = [];
    out.forEach((r, k) => {
      const [p, q] = open[k]!;
      const t = taxes[k]!;
      const lb = scalarBound(r);
      if (lb !== null) bounds.push({ tax: t, lowerBound: lb });
      if (!Number.isFinite(r.cost)) return;
      const line = p.cost + t * p.emissions;
      const value = r.cost + t * r.emissions;
      // Strictly below the line, and strictly between the two in both objectives: a new vertex.
      const between = r.cost > p.cost + tolOf(p.cost) && r.emissions > q.emissions + tolOf(q.emissions);
      if (value < line - tolOf(line) && between) {
        vertices.push(r);
        next.push([p, r], [r, q]);
      }
    });
    pairs = next;
  }
  vertices.sort((x, y) => x.cost - y.cost || x.emissions - y.emissions);
  return { vertices, solved, bounds };
}

/** The certified lower bound of a scalarised problem's objective (its value when optimal), or null. */
export function scalarBound(r: ScalarOutcome): number | null {
  // A bound above the problem's own recomputed objective is wrong (seen: hybrid, 37 over an optimum of
  // 36 on a small random network); it certifies nothing, here or through the hull.
  const over = (b: number): boolean =>
    r.objective !== null && b > r.objective + 1e-7 * Math.max(1, Math.abs(r.objective));
  if (r.lowerBound !== null && Number.isFinite(r.lowerBound)) return over(r.lowerBound) ? null : r.lowerBound;
  return r.status === 'optimal' && r.objective !== null ? r.objective : null;
}

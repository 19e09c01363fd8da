import { tolOf } from './front.js';
import type { ScalarOutcome, ScalarRunner, ScalarTask } from './scalar.js';

/** Solved points as the dichotomic search keeps them. */
export type Solved = ScalarOutcome;

/**
 * Every supported extreme point between two lexicographic extremes (Aneja & Nair's dichotomic
 * search): for each pair of neighbouring known points, minimise cost + t x emissions at the slope
 * t between them; a point strictly below their line is a new supported point, else the pair is an
 * edge of the lower-left hull. Pairs of one level are solved side by side. `a` has the least cost,
 * `b` the least emissions. Returns the points sorted by cost, extremes included, with the
 * weighted-sum problems solved.
 */
export async function dichotomicSearch(
  runner: ScalarRunner,
  a: Solved,
  b: Solved,
  task: Pick<ScalarTask, 'method' | 'seed' | 'timeLimit'>,
  deadline = Infinity,
): Promise<{ vertices: Solved[]; solved: number }> {
  const vertices: Solved[] = [a, b];
  let pairs: [Solved, Solved][] = [[a, b]];
  let solved = 0;
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
  return { vertices, solved };
}

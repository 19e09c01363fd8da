import type { NetworkInstance } from '../problems/network/instance.js';
import { carbonPriceAnalysis, type CarbonPriceAnalysis } from './carbon-price.js';
import { dichotomicSearch, scalarBound } from './dichotomic.js';
import { certifiedGap, hullBound, type TaxBound } from './hull-bound.js';
import { answerCaps, repricedEmissionExtreme } from './repriced.js';
import { dominates, nondominated, supportedFlags, tolOf, type FrontPoint } from './front.js';
import { hypervolume, normalizedHypervolume, type Objectives } from './hypervolume.js';
import type { ScalarOutcome, ScalarRunner, ScalarTask } from './scalar.js';

/** How to compute a front. */
export interface FrontOptions {
  /** Method for every scalarised problem (`milp`: each point certified; `hybrid`: each with its gap). */
  readonly method: string;
  readonly seed: number;
  /** Seconds per scalarised problem (none: to optimality). */
  readonly timeLimit?: number;
  /**
   * A grid of this many emission caps between the extremes, solved side by side (each warm-started
   * from the known points' designs under its cap). Without it the front is refined to `resolution`.
   */
  readonly points?: number;
  /** Share of each objective's range the refined front is within (default 0.001). */
  readonly resolution?: number;
  /**
   * Heuristic grids: a cap whose known designs, priced under it, are within this certified gap of
   * the hull bound is not searched further (default 0.01).
   */
  readonly gapTarget?: number;
  /** Called after each batch of scalarised problems (e.g. a progress line on stderr). */
  readonly progress?: (message: string) => void;
}

/** The `rlnd pareto --json` object (fields are extended, never renamed). */
export interface ParetoFront {
  readonly instance: string;
  readonly method: string;
  readonly objectives: readonly ['cost', 'emissions'];
  /** Non-dominated points sorted by cost (cost without the carbon tax; emissions in kg CO2). */
  readonly points: readonly FrontPoint[];
  readonly ideal: Objectives;
  readonly nadir: Objectives;
  /** Area the points dominate up to the nadir, and as a share of the ideal-nadir box (null when empty). */
  readonly hypervolume: number;
  readonly hypervolumeNormalized: number | null;
  /** Pairs of neighbouring points whose front between is the straight segment joining them (one design's flows). */
  readonly segments: readonly { readonly from: number; readonly to: number }[];
  readonly resolution: number | null;
  /** Whether every point is the certified optimum of its problem. */
  readonly certified: boolean;
  readonly carbonPrice: CarbonPriceAnalysis;
  /**
   * Certified lower bounds W(t) of min cost + t x emissions found on the way (tax 0: the least cost);
   * max over them of W(t) - t x eps bounds every epsilon problem (each point's `hullBound`).
   */
  readonly taxBounds: readonly TaxBound[];
  /** Scalarised problems solved, and epsilon steps skipped as redundant (AUGMECON2's bypass). */
  readonly problemsSolved: number;
  readonly skipped: number;
  /** Points returned by a scalarised problem but dominated by another (heuristic answers only). */
  readonly dominatedDropped: number;
  readonly runtimeSeconds: number;
  readonly message?: string;
}

/** A cap a little above a value, so the solution that attained it stays feasible under solver tolerances. */
function loosen(v: number): number {
  return v + 1e-9 * Math.max(1, Math.abs(v)) + 1e-9;
}

const sameDesign = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);
const hasSolution = (r: ScalarOutcome): boolean => Number.isFinite(r.cost) && Number.isFinite(r.emissions);

/**
 * The cost/emission front of a network (cost without the carbon tax). Lexicographic extremes
 * first (min cost then min emissions at that cost; min emissions then min cost), then every
 * supported extreme point by a dichotomic weighted-sum search (the carbon-price breakpoints), then
 * epsilon-constraint steps (AUGMECON2-style): from a point p, min cost s.t. emissions <= e_p - delta,
 * then min emissions at that cost; a solution r has no front point with emissions in
 * (e_r, e_p - delta], so the next step starts from r (the redundant caps between are skipped). A
 * gap needs no step when it is already within resolution in either objective, or when its two
 * ends are one design on a hull edge (the segment between is then the front: both flows are
 * feasible for that design, their mixtures too, and no point lies below the hull). With a heuristic
 * method, the second stage prices the first stage's design only (a flow LP).
 */
export async function paretoFront(
  inst: NetworkInstance,
  runner: ScalarRunner,
  options: FrontOptions,
): Promise<ParetoFront> {
  const t0 = performance.now();
  const exact = options.method === 'milp';
  const base = {
    method: options.method,
    seed: options.seed,
    ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
  };
  let solved = 0;
  const run = async (tasks: ScalarTask[]): Promise<ScalarOutcome[]> => {
    solved += tasks.length;
    const out = await runner.run(tasks);
    options.progress?.(
      `${solved} problems, ${((performance.now() - t0) / 1000).toFixed(1)} s: ${out.map((r) => `(${r.cost}, ${r.emissions}) ${r.status}`).join('; ')}`,
    );
    return out;
  };
  /** Second stage: least emissions at the first stage's cost (the whole problem, or the design's flows). */
  const stage2Tasks = (r: ScalarOutcome, cap: number | undefined): ScalarTask => ({
    ...base,
    objective: 'emissions',
    costCap: loosen(r.cost),
    ...(cap !== undefined ? { emissionCap: cap } : {}),
    ...(exact ? { warmStart: [r.design] } : { fixedDesign: r.design }),
  });
  const lexicographic = async (first: ScalarOutcome[], caps: (number | undefined)[]): Promise<ScalarOutcome[]> => {
    const idx = first.map((r, k) => (hasSolution(r) ? k : -1)).filter((k) => k >= 0);
    const second = await run(idx.map((k) => stage2Tasks(first[k]!, caps[k])));
    const out = [...first];
    idx.forEach((k, j) => {
      const s = second[j]!;
      // Keep the first stage's certificate (the point's cost is what it certified); take the second's solution.
      if (hasSolution(s))
        out[k] = {
          ...s,
          status:
            first[k]!.status === 'optimal' && s.status === 'optimal'
              ? 'optimal'
              : first[k]!.status === 'optimal'
                ? 'feasible'
                : first[k]!.status,
          gap: first[k]!.gap,
          lowerBound: first[k]!.lowerBound,
        };
    });
    return out;
  };

  // Certified bounds of min cost + t x emissions (hull bound), and own cost bounds of points.
  const taxBounds: TaxBound[] = [];
  const costBounds = new Map<ScalarOutcome, number | null>();
  let A: ScalarOutcome;
  let B: ScalarOutcome;
  if (exact) [A, B] = await exactExtremes();
  else [A, B] = await repricedExtremes();

  /** Lexicographic extremes by the method: min cost and min emissions side by side, then their second stages. */
  async function exactExtremes(): Promise<[ScalarOutcome, ScalarOutcome]> {
    const [minCost, minEm] = await run([
      { ...base, objective: 'cost' },
      { ...base, objective: 'emissions' },
    ]);
    if (!minCost || !minEm || !hasSolution(minCost) || !hasSolution(minEm)) {
      const why = [minCost, minEm].find((r) => r && !hasSolution(r));
      throw new FrontError(
        `no solution for the ${minCost && hasSolution(minCost) ? 'emissions' : 'cost'} extreme (${why?.status ?? 'error'}${why?.message ? `: ${why.message}` : ''})`,
      );
    }
    const lb = scalarBound(minCost);
    if (lb !== null) taxBounds.push({ tax: 0, lowerBound: lb });
    const [aSecond] = await lexicographic([minCost], [undefined]);
    const [bSecond] = await run([
      { ...base, objective: 'cost', emissionCap: loosen(minEm.emissions), warmStart: [minEm.design] },
    ]);
    return [aSecond!, hasSolution(bSecond!) ? bSecond! : minEm];
  }

  /**
   * Heuristic extremes as re-priced problems (no caps, so the network's accelerator and its bound
   * stay): min cost, its least emissions by the design's flow LP; then min cost + T x emissions at a
   * large T (src/pareto/repriced.ts), checked lexicographically by its design's flow LP.
   */
  async function repricedExtremes(): Promise<[ScalarOutcome, ScalarOutcome]> {
    const [minCost] = await run([{ ...base, objective: 'cost' }]);
    if (!minCost || !hasSolution(minCost))
      throw new FrontError(
        `no solution for the cost extreme (${minCost?.status ?? 'error'}${minCost?.message ? `: ${minCost.message}` : ''})`,
      );
    const lb = scalarBound(minCost);
    if (lb !== null) taxBounds.push({ tax: 0, lowerBound: lb });
    const [a] = await lexicographic([minCost], [undefined]);
    costBounds.set(a!, lb);
    const ext = await repricedEmissionExtreme(run, base, a!, [a!.design]);
    if (ext?.bound) taxBounds.push(ext.bound);
    // No design emitting less than the least-cost one: the front is that point.
    const b = ext && ext.point.emissions < a!.emissions - tolOf(a!.emissions) ? ext.point : a!;
    return [a!, b];
  }
  const rangeC = B.cost - A.cost;
  const rangeE = A.emissions - B.emissions;
  const all: { r: ScalarOutcome; epsilon: number | null }[] = [
    { r: A, epsilon: null },
    { r: B, epsilon: null },
  ];
  let skipped = 0;
  let vertices: ScalarOutcome[] = [A];
  const resolution = options.points === undefined ? (options.resolution ?? 0.001) : null;
  if (rangeE > tolOf(A.emissions) && rangeC > tolOf(B.cost)) {
    // Supported points (and the carbon-price breakpoints) by weighted sums.
    const d = await dichotomicSearch(runner, A, B, base);
    solved += d.solved;
    taxBounds.push(...d.bounds);
    vertices = d.vertices;
    for (const v of vertices) if (v !== A && v !== B) all.push({ r: v, epsilon: null });
    if (options.points !== undefined) skipped += await gridSteps(options.points);
    else await refine(resolution!);
  }

  /** Epsilon steps from each point down to the next known one, until gaps are within resolution. */
  async function refine(res: number): Promise<void> {
    const dE = res * rangeE;
    const dC = res * rangeC;
    const hullEdges = new Set<string>();
    for (let i = 1; i < vertices.length; i++)
      if (sameDesign(vertices[i - 1]!.design, vertices[i]!.design))
        hullEdges.add(`${vertices[i - 1]!.cost}:${vertices[i]!.cost}`);
    let p = A;
    for (;;) {
      const below = nondominated(all.map((x) => x.r)).filter((q) => q.emissions < p.emissions - tolOf(p.emissions));
      const q = below[0]; // the next known point: least cost among those emitting less
      if (!q) return;
      const closed = p.emissions - q.emissions <= dE || q.cost - p.cost <= dC || hullEdges.has(`${p.cost}:${q.cost}`);
      const eps = p.emissions - dE;
      if (closed || eps <= q.emissions) {
        p = q;
        continue;
      }
      const [first] = await run([{ ...base, objective: 'cost', emissionCap: eps, warmStart: [q.design] }]);
      const [r] = await lexicographic([first!], [eps]);
      if (
        !r ||
        !hasSolution(r) ||
        (r.emissions >= q.emissions - tolOf(q.emissions) && Math.abs(r.cost - q.cost) <= tolOf(q.cost))
      ) {
        // The cap leads to q itself: nothing between p's step and q.
        p = q;
        continue;
      }
      all.push({ r, epsilon: eps });
      p = r;
    }
  }

  /** A grid of `n` caps from the least-cost point's emissions down to the least emissions, solved side by side. */
  async function gridSteps(n: number): Promise<number> {
    const caps: number[] = [];
    for (let k = 1; k < n - 1; k++) caps.push(A.emissions - (k * rangeE) / (n - 1));
    let skippedHere = 0;
    let k = 0;
    while (k < caps.length) {
      const batch: number[] = [];
      while (k < caps.length && batch.length < runner.threads) {
        const eps = caps[k++]!;
        // AUGMECON2's bypass: a known point with emissions in [e, eps] under a looser cap answers this cap too.
        const known = all.some((x) => x.epsilon !== null && x.epsilon >= eps && x.r.emissions <= eps + tolOf(eps));
        if (known) skippedHere++;
        else batch.push(eps);
      }
      if (batch.length === 0) continue;
      const warm = (eps: number): number[][] =>
        all
          .map((x) => x.r)
          .filter((r) => r.emissions <= eps)
          .sort((a, b) => a.cost - b.cost)
          .slice(0, 3)
          .map((r) => [...r.design]);
      if (!exact) {
        // Known designs priced under each cap first; the method searches only caps the hull bound leaves open.
        const known = all.map((x) => x.r);
        const answers = await answerCaps(run, base, batch, known, taxBounds, options.gapTarget ?? 0.01);
        answers.forEach((a, j) => {
          if (!a) return;
          costBounds.set(a.point, a.costBound);
          all.push({ r: a.point, epsilon: batch[j]! });
        });
        continue;
      }
      const first = await run(
        batch.map((eps) => ({ ...base, objective: 'cost', emissionCap: eps, warmStart: warm(eps) })),
      );
      const second = await lexicographic(first, batch);
      second.forEach((r, j) => hasSolution(r) && all.push({ r, epsilon: batch[j]! }));
    }
    return skippedHere;
  }

  const front = nondominated(all.map((x) => x.r));
  const epsOf = new Map(all.map((x) => [x.r, x.epsilon]));
  const flags = supportedFlags(front);
  const points: FrontPoint[] = front.map((r, i) => {
    const hull = hullBound(taxBounds, r.emissions);
    // Heuristic points: the gap on cost against the better of the point's own cost bound and the hull bound.
    const own = costBounds.get(r) ?? null;
    const lb = Math.max(own ?? -Infinity, hull);
    return {
      cost: r.cost,
      emissions: r.emissions,
      open: r.open,
      status: r.status,
      gap: exact ? r.gap : certifiedGap(r.cost, own, hull),
      lowerBound: exact ? r.lowerBound : Number.isFinite(lb) ? lb : null,
      hullBound: Number.isFinite(hull) ? hull : null,
      supported: flags[i]!,
      epsilon: epsOf.get(r) ?? null,
      design: r.design,
    };
  });
  const segments: { from: number; to: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    if (p.supported && q.supported && sameDesign(p.design, q.design)) segments.push({ from: i - 1, to: i });
  }
  const ideal = { cost: A.cost, emissions: B.emissions };
  const nadir = { cost: B.cost, emissions: A.emissions };
  // A heuristic weighted-sum answer can be dominated by a later point: it is then no vertex.
  const nominal = carbonPriceAnalysis(
    vertices.filter((v) => !all.some((x) => dominates(x.r, v))),
    inst.carbonTax,
  );
  return {
    instance: inst.name,
    method: options.method,
    objectives: ['cost', 'emissions'],
    points,
    ideal,
    nadir,
    hypervolume: hypervolume(points, nadir),
    hypervolumeNormalized: normalizedHypervolume(points, ideal, nadir),
    segments,
    resolution,
    certified: points.every((p) => p.status === 'optimal'),
    carbonPrice: nominal,
    taxBounds,
    problemsSolved: solved,
    skipped,
    dominatedDropped: all.filter((x) => all.some((y) => dominates(y.r, x.r))).length,
    runtimeSeconds: (performance.now() - t0) / 1000,
    ...(exact ? {} : { message: 'heuristic front: each point carries the certified gap of its epsilon problem' }),
  };
}

/** A front that cannot be computed (e.g. no feasible design at all). */
export class FrontError extends Error {}

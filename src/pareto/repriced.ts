import { scalarBound } from './dichotomic.js';
import { tolOf } from './front.js';
import { certifiedGap, hullBound, type TaxBound } from './hull-bound.js';
import type { ScalarOutcome, ScalarTask } from './scalar.js';

/** Runs a batch of scalarised problems (the front's counting runner). */
export type RunBatch = (tasks: ScalarTask[]) => Promise<ScalarOutcome[]>;
type Base = Pick<ScalarTask, 'method' | 'seed' | 'timeLimit'>;

/**
 * The carbon price that stands in for "minimise emissions" in a re-priced problem: this many times
 * the least-cost point's cost per kg, so one kg outweighs any cost difference a front of these
 * networks shows, while the weighted-sum problem keeps the network's accelerator (its bound).
 */
export const EXTREME_TAX_FACTOR = 1000;

const hasSolution = (r: ScalarOutcome | undefined): r is ScalarOutcome =>
  r !== undefined && Number.isFinite(r.cost) && Number.isFinite(r.emissions);

/** A cap a little above a value, so the solution that attained it stays feasible under solver tolerances. */
export function loosenCap(v: number): number {
  return v + 1e-9 * Math.max(1, Math.abs(v)) + 1e-9;
}

/**
 * The least-emission extreme of a heuristic front as a re-priced problem: min cost + T x emissions
 * with T = {@link EXTREME_TAX_FACTOR} x cost / emissions of the least-cost point (no caps, so the
 * accelerator and its bound stay), then the lexicographic check on that design by its flow LP: its
 * least emissions, then its least cost under that cap. Returns the point (status `feasible`: its
 * certificate is the hull bound's) and the weighted-sum bound, or null without a design.
 */
export async function repricedEmissionExtreme(
  run: RunBatch,
  base: Base,
  leastCost: ScalarOutcome,
  warm: readonly (readonly number[])[],
): Promise<{ point: ScalarOutcome; bound: TaxBound | null } | null> {
  const tax = (EXTREME_TAX_FACTOR * Math.abs(leastCost.cost)) / Math.max(1e-12, leastCost.emissions);
  const [w] = await run([{ ...base, objective: 'cost', carbonTax: tax, warmStart: warm }]);
  if (!hasSolution(w)) return null;
  const lb = scalarBound(w);
  const bound = lb === null ? null : { tax, lowerBound: lb };
  const [e] = await run([{ ...base, objective: 'emissions', fixedDesign: w.design }]);
  if (!hasSolution(e)) return { point: { ...w, status: 'feasible', lowerBound: null, gap: null }, bound };
  const [c] = await run([{ ...base, objective: 'cost', emissionCap: loosenCap(e.emissions), fixedDesign: w.design }]);
  const best = hasSolution(c) ? c : e;
  return { point: { ...best, status: 'feasible', lowerBound: null, gap: null }, bound };
}

/** One grid cap's answer: the point, its own certified cost bound (if any), and whether the hybrid ran. */
export interface CapAnswer {
  readonly point: ScalarOutcome;
  readonly costBound: number | null;
  readonly searched: boolean;
}

/**
 * Answers emission caps of a heuristic grid, cheaply first: known designs (the cheapest two whose
 * points meet the cap, and the nearest one above it, whose flows may re-route under the cap) are
 * priced exactly by their flow LP with the cap row, then the least emissions at that cost (the
 * lexicographic stage). A cap whose best priced point is within `gapTarget` of the hull bound is
 * done; the others are searched by the method (capped problem, warm-started from those designs),
 * keeping the cheaper answer and the search's own bound.
 */
export async function answerCaps(
  run: RunBatch,
  base: Base,
  caps: readonly number[],
  known: readonly ScalarOutcome[],
  bounds: readonly TaxBound[],
  gapTarget: number,
): Promise<(CapAnswer | null)[]> {
  const candidates = caps.map((eps) => {
    const below = known.filter((r) => r.emissions <= eps).sort((a, b) => a.cost - b.cost);
    const above = known.filter((r) => r.emissions > eps).sort((a, b) => a.emissions - b.emissions);
    return [...below.slice(0, 2), ...above.slice(0, 1)].map((r) => r.design);
  });
  const pricing: ScalarTask[] = [];
  caps.forEach((eps, k) =>
    candidates[k]!.forEach((d) => pricing.push({ ...base, objective: 'cost', emissionCap: eps, fixedDesign: d })),
  );
  const priced = await run(pricing);
  let at = 0;
  const cheapest = caps.map((_, k) => {
    let best: ScalarOutcome | undefined;
    for (const r of priced.slice(at, at + candidates[k]!.length))
      if (hasSolution(r) && (!best || r.cost < best.cost)) best = r;
    at += candidates[k]!.length;
    return best;
  });
  const stage2 = await lexicographicFlows(run, base, cheapest, caps);
  const answers: (CapAnswer | null)[] = stage2.map((r) =>
    r ? { point: { ...r, status: 'feasible', lowerBound: null, gap: null }, costBound: null, searched: false } : null,
  );
  const open = caps
    .map((_, k) => k)
    .filter((k) => {
      const a = answers[k];
      const g = a ? certifiedGap(a.point.cost, null, hullBound(bounds, caps[k]!)) : null;
      return g === null || g > gapTarget;
    });
  if (open.length === 0) return answers;
  const searched = await run(
    open.map((k) => ({
      ...base,
      objective: 'cost',
      emissionCap: caps[k]!,
      ...(candidates[k]!.length > 0 ? { warmStart: candidates[k]! } : {}),
    })),
  );
  const own = searched.map(scalarBound);
  const better = searched.map((r, j) => {
    const prev = answers[open[j]!];
    return hasSolution(r) && (!prev || r.cost < prev.point.cost - tolOf(r.cost)) ? r : undefined;
  });
  const second = await lexicographicFlows(
    run,
    base,
    better,
    open.map((k) => caps[k]!),
  );
  open.forEach((k, j) => {
    const s = second[j];
    const point = s ? { ...s, status: searched[j]!.status, lowerBound: null, gap: null } : answers[k]?.point;
    answers[k] = point ? { point, costBound: own[j] ?? null, searched: true } : null;
  });
  return answers;
}

/** Least emissions of each design at its cost (and under its cap): the lexicographic stage by the flow LP. */
async function lexicographicFlows(
  run: RunBatch,
  base: Base,
  first: readonly (ScalarOutcome | undefined)[],
  caps: readonly number[],
): Promise<(ScalarOutcome | null)[]> {
  const idx = first.map((r, k) => (hasSolution(r) ? k : -1)).filter((k) => k >= 0);
  const out = await run(
    idx.map((k) => ({
      ...base,
      objective: 'emissions',
      costCap: loosenCap(first[k]!.cost),
      emissionCap: caps[k]!,
      fixedDesign: first[k]!.design,
    })),
  );
  const res: (ScalarOutcome | null)[] = first.map((r) => (hasSolution(r) ? r : null));
  idx.forEach((k, j) => {
    if (hasSolution(out[j])) res[k] = out[j]!;
  });
  return res;
}

import type { Design } from '../core/design.js';
import type { Problem } from '../core/problem.js';
import type { StatRow } from '../core/result.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { relaxIntegrality } from '../exact/linear-model.js';
import { solveModel } from '../exact/solve-model.js';
import { isBetter, type Scored } from '../search/evaluator.js';
import { geneticAlgorithm } from '../search/ga.js';
import { lagrangianSearch } from '../search/lagrangian-search.js';
import { localSearch } from '../search/local-search.js';
import { makeRng } from '../search/rng.js';
import { designCount, enumerateDesigns } from '../verify/enumeration.js';
import { gaParams } from './ga.js';
import { deadlineOf, evaluatorFor, finish, numParam } from './heuristic-common.js';
import { lagrangianParams } from './lagrangian.js';
import type { Method } from './method.js';

/** With reduced costs to rank them, this many swap-in candidates per open site suffice. */
const GUIDED_SWAPS = 10;

/** Design spaces with at most this many valid designs are enumerated instead of searched. */
const DEFAULT_ENUMERATE_LIMIT = 256;

/** Share of a finite time limit given to the Lagrangian phase. */
const DEFAULT_LAGRANGIAN_SHARE = 0.4;

/**
 * Opening bias per bit from its score: the best-ranked bits open freely in mutation, the worst
 * rarely. Ranks, not values, so the bias does not depend on the scale of the costs.
 */
export function openBiasFromScore(score: ArrayLike<number>): Float64Array {
  const n = score.length;
  const order = [...Array(n).keys()].sort((a, b) => score[a]! - score[b]! || a - b);
  const bias = new Float64Array(n);
  order.forEach((i, rank) => (bias[i] = 0.05 + 0.95 * (1 - rank / Math.max(1, n - 1))));
  return bias;
}

/** Lower bound and guidance from the LP relaxation, for problems without a Lagrangian. */
async function lpGuidance(problem: Problem, handle: HighsHandle, timeLimit: number): Promise<{ bound: number | null; score: Float64Array | null }> {
  const f = problem.buildMilp();
  const sol = await solveModel(handle, relaxIntegrality(f.model), { timeLimit });
  if (sol.status !== 'optimal' || !sol.values) return { bound: null, score: null };
  const cols = f.designColumns;
  return { bound: sol.dualBound, score: cols ? Float64Array.from(cols, (c) => 1 - sol.values![c]!) : null };
}

/**
 * Hybrid: on small design spaces, exhaustive exact pricing (a certified optimum). Otherwise a
 * Lagrangian phase (or, for problems without one, the LP relaxation) gives a certified
 * lower bound, reduced costs and good designs; local search polishes the best; a GA seeded with
 * the Lagrangian designs and biased towards sites with low reduced cost searches on. The gap is
 * certified by the bound.
 */
export const hybridMethod: Method = {
  name: 'hybrid',
  description: 'Lagrangian bound + heuristic designs seeding and guiding a GA with exact flows',
  unsupported: () => null,
  async run(ctx) {
    const start = performance.now();
    const deadline = deadlineOf(ctx, start);
    const ev = evaluatorFor(ctx);
    const rng = makeRng(ctx.seed, 'hybrid');
    const problem = ctx.problem;
    const stats: StatRow[] = [];
    let lowerBound: number | null = null;
    let score: Float64Array | null = null;
    let seeds: Design[] = [];
    let best: Scored | null = null;
    const share = numParam(ctx.params, 'lagrangianShare') ?? DEFAULT_LAGRANGIAN_SHARE;
    const enumerateLimit = numParam(ctx.params, 'enumerateLimit') ?? DEFAULT_ENUMERATE_LIMIT;
    if (designCount(problem.space) <= enumerateLimit) {
      // Few enough designs to price them all: the best is optimal, and the certificate is exact.
      const designs = [...enumerateDesigns(problem.space)].filter((d) => problem.quickInfeasibility(d) === null);
      const priced = await ev.evaluateAll(designs);
      for (const [k, d] of designs.entries()) {
        const scored = { design: d, evaluation: priced[k]! };
        if (isBetter(scored, best)) best = scored;
      }
      stats.push({ method: 'hybrid:enumeration', iteration: 0, timeSeconds: (performance.now() - start) / 1000, upperBound: best?.evaluation.cost ?? null, lowerBound: best?.evaluation.cost ?? null, gap: best ? 0 : null, evaluations: ev.evaluations });
      // Infeasible everywhere: no bound to give; otherwise the optimum bounds itself.
      return finish(ctx, best, best ? best.evaluation.cost : null, stats, { bound: 'enumeration', designs: designs.length, evaluations: ev.evaluations });
    }
    if (problem.lagrangian) {
      const lagDeadline = Number.isFinite(deadline) ? start + (deadline - start) * share : Infinity;
      const out = await lagrangianSearch({
        relaxation: problem.lagrangian(),
        evaluator: ev,
        rng,
        deadline: lagDeadline,
        stop: null,
        params: lagrangianParams(ctx.params),
        startTime: start,
        method: 'hybrid:lagrangian',
      });
      stats.push(...out.stats);
      lowerBound = Number.isFinite(out.lowerBound) ? out.lowerBound : null;
      score = out.score;
      seeds = out.designs.slice(0, 10);
      best = out.best;
    } else {
      const remaining = Number.isFinite(deadline) ? Math.max(1, (deadline - performance.now()) / 1000 / 4) : undefined;
      const g = await lpGuidance(problem, ctx.handle, remaining ?? Infinity);
      lowerBound = g.bound;
      score = g.score;
    }
    const proven = (): boolean => best !== null && lowerBound !== null && best.evaluation.cost - lowerBound <= 1e-9 * Math.max(1, Math.abs(best.evaluation.cost));
    if (best && !proven()) {
      const polished = await localSearch(ev, best.design, { deadline, score: score ?? problem.siteFixedCost, ...(score ? { swapCandidates: GUIDED_SWAPS } : {}) });
      if (isBetter(polished, best)) best = polished;
      stats.push({ method: 'hybrid:local-search', iteration: stats.length, timeSeconds: (performance.now() - start) / 1000, upperBound: best.evaluation.cost, lowerBound, gap: null, evaluations: ev.evaluations });
    }
    if (!proven() && performance.now() < deadline) {
      const ga = await geneticAlgorithm({
        evaluator: ev,
        rng,
        deadline,
        stop: ctx.stop,
        params: gaParams(ctx.params),
        seeds: best ? [best.design, ...seeds] : seeds,
        ...(score ? { score, openBias: openBiasFromScore(score) } : {}),
        lowerBound,
        startTime: start,
      });
      stats.push(...ga.stats.map((r) => ({ ...r, method: 'hybrid:ga' })));
      if (ga.best && isBetter(ga.best, best)) best = ga.best;
    }
    return finish(ctx, best, lowerBound, stats, { lagrangianShare: share, evaluations: ev.evaluations, bound: problem.lagrangian ? 'lagrangian' : 'lp-relaxation' });
  },
};

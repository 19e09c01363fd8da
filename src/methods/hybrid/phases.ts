import { designKey, type Design } from '../../core/design.js';
import { designInfeasibility, siteFixedCosts, type MilpFormulation } from '../../core/problem.js';
import { relaxIntegrality } from '../../exact/linear-model.js';
import { solveModel } from '../../exact/solve-model.js';
import { UNPRICED } from '../../search/evaluator.js';
import { lagrangianSearch } from '../../search/lagrangian-search.js';
import { localSearch } from '../../search/local-search.js';
import { variableNeighbourhoodSearch, type VnsParams } from '../../search/vns.js';
import { makeRng, type Rng } from '../../search/rng.js';
import { repair } from '../../search/repair.js';
import { designCount, enumerateDesigns } from '../../search/enumerate-designs.js';
import { numParam } from '../heuristic-common.js';
import { lagrangianParams } from '../lagrangian.js';
import { incumbentCutoff } from './incumbent-cutoff.js';
import { enter, offer, proven, raiseBound, record, type HybridState } from './state.js';

/** With reduced costs to rank them, this many swap-in candidates per open site suffice on large instances. */
const GUIDED_SWAPS = 10;

/**
 * Arcs (relaxation work) priced per swap round that polishing may spend: small instances, where a
 * pricing costs milliseconds, get every swap (the ranking misses exchanges: at 50 x 200 the
 * site that improved on the Lagrangian design ranked 30th); capa (100 x 1000) keeps ~10 per site.
 */
const SWAP_WORK = 15_000_000;

/** Prices every design of a small space: the best is optimal and bounds itself. Returns false if too many. */
export async function enumerationPhase(st: HybridState, limit: number): Promise<boolean> {
  const problem = st.ctx.problem;
  if (designCount(problem.space) > limit) return false;
  enter(st, 'enumeration');
  const designs = [...enumerateDesigns(problem.space)].filter((d) => designInfeasibility(problem, d) === null);
  const priced = await st.ev.evaluateAll(designs);
  designs.forEach((d, k) => offer(st, { design: d, evaluation: priced[k]! }));
  // Infeasible everywhere: no bound to give; otherwise the optimum bounds itself, but only if every
  // design got an exact verdict: under a time limit the evaluator leaves designs unpriced past the
  // deadline and a pricing may stop early, and the best of the rest is no bound (seen: 51 over 26).
  const complete = priced.every((ev) => ev.reason !== UNPRICED && ev.inexact === undefined);
  if (st.best && complete) raiseBound(st, st.best.evaluation.cost, `enumeration of ${designs.length} designs`);
  record(st, 'enumeration');
  return true;
}

/** A bound from the problem's own structure (Problem.bound), with the designs it suggests. */
export async function problemBoundPhase(st: HybridState): Promise<void> {
  const problem = st.ctx.problem;
  if (!problem.bound) return;
  enter(st, 'problem-bound');
  const own = await problem.bound(st.ctx.handle, st.deadline);
  if (!own) return;
  raiseBound(st, own.lowerBound, 'problem');
  // The first design is the bound's own choice: if it attains the bound, the others are not needed.
  const [first, ...rest] = own.designs;
  if (first) offer(st, { design: first, evaluation: await st.ev.evaluate(first) });
  if (!proven(st) && rest.length > 0) {
    const priced = await st.ev.evaluateAll(rest);
    rest.forEach((d, k) => offer(st, { design: d, evaluation: priced[k]! }));
  }
  record(st, 'problem-bound');
}

/** Subgradient optimisation with the Lagrangian heuristic, for `share` of the time left. */
export async function lagrangianPhase(st: HybridState, rng: Rng, share: number): Promise<void> {
  const problem = st.ctx.problem;
  if (!problem.lagrangian) return;
  enter(st, 'lagrangian');
  const lagDeadline = Number.isFinite(st.deadline) ? st.start + (st.deadline - st.start) * share : Infinity;
  const relaxation = problem.lagrangian();
  st.work = relaxation.work ?? null;
  const out = await lagrangianSearch({
    relaxation,
    evaluator: st.ev,
    rng,
    deadline: lagDeadline,
    stop: null,
    params: lagrangianParams(st.ctx.params),
    startTime: st.start,
    method: 'hybrid:lagrangian',
    incumbent: st.best,
  });
  st.stats.push(...out.stats);
  raiseBound(st, out.lowerBound, 'lagrangian');
  st.score = out.score;
  st.relaxation = relaxation;
  st.multipliers = out.multipliers;
  offer(st, out.best);
}

/** The LP relaxation of the full MILP: a bound and guidance for problems without a Lagrangian. */
export async function lpRelaxationPhase(st: HybridState): Promise<void> {
  if (performance.now() >= st.deadline) return;
  const f = st.ctx.problem.buildMilp();
  // A quarter of the time left after building the model (building 100 x 8,000 takes seconds).
  const left = Number.isFinite(st.deadline) ? (st.deadline - performance.now()) / 1000 / 4 : Infinity;
  if (left <= 0) return;
  enter(st, 'lp-relaxation: HiGHS solving');
  const sol = await solveModel(st.ctx.handle, relaxIntegrality(f.model), { timeLimit: left });
  if (sol.status !== 'optimal' || !sol.values) return;
  raiseBound(st, sol.dualBound, 'lp-relaxation');
  const cols = f.designColumns;
  if (cols) {
    const score = Float64Array.from(cols, (c) => 1 - sol.values![c]!);
    st.score = score;
    // Starting designs from the relaxation: bits rounded at two thresholds, then repaired (groups
    // keep their most open member). Without them a problem with no Lagrangian has no incumbent.
    const rng = makeRng(st.ctx.seed, 'lp-rounding');
    const seen = new Set<string>();
    const designs: Design[] = [];
    for (const threshold of [0.5, 1e-6]) {
      const d = repair(
        st.ctx.problem,
        Uint8Array.from(score, (v) => (1 - v > threshold ? 1 : 0)),
        rng,
        score,
      );
      const key = designKey(d);
      if (!seen.has(key) && designInfeasibility(st.ctx.problem, d) === null) {
        seen.add(key);
        designs.push(d);
      }
    }
    const priced = await st.ev.evaluateAll(designs);
    designs.forEach((d, k) => offer(st, { design: d, evaluation: priced[k]! }));
  }
  record(st, 'lp-relaxation');
}

/**
 * The full MILP for part of the time left, for its dual bound (LP, cuts and branching: a valid
 * bound of the whole problem) and its incumbent, priced exactly. For problems without a
 * Lagrangian, where the LP and Benders bounds leave the gap fixed costs open.
 */
export async function milpBoundPhase(st: HybridState, share: number): Promise<void> {
  const left = (st.deadline - performance.now()) / 1000;
  if (!(left > 1) || proven(st)) return;
  let f;
  try {
    f = st.ctx.problem.buildMilp();
  } catch {
    return;
  }
  enter(st, 'milp-bound: HiGHS solving');
  const sol = await solveModel(st.ctx.handle, f.model, {
    timeLimit: Number.isFinite(left) ? left * share : 120,
    randomSeed: st.ctx.seed,
  });
  raiseBound(st, sol.dualBound, 'milp');
  if (sol.values && sol.objective !== null && Number.isFinite(sol.objective)) {
    const design = f.decode(sol.values).design;
    const [priced] = await st.ev.evaluateAll([design]);
    offer(st, { design, evaluation: priced! });
  }
  record(st, 'milp-bound');
}

/** Bits kept free in the core MILP: the best design's open bits and this many times as many attractive ones. */
const CORE_FACTOR = 2;
const CORE_MIN = 12;
/**
 * A core freeing more than this share of the design bits is the full MILP in disguise, as slow as
 * the milp method (45 of 50 bits at 50 x 200: 20.8 s of a 26 s hybrid run): skipped, the
 * neighbourhood search does that job. capb's cores free about half of their 100 bits.
 */
export const CORE_SKIP_SHARE = 0.75;

/**
 * Core MILP (a matheuristic): the full MILP with every design bit outside a small core fixed
 * closed — the core being the best design's open bits plus the most attractive closed ones by
 * score — solved by HiGHS within part of the time left. Its design is priced exactly like any
 * other. It can find what single moves cannot (several sites exchanged at once); its bound is
 * only for the restricted problem, so it is not used as a lower bound. Returns 'too-wide' when
 * the core would free nearly every bit (then it is skipped), 'done' otherwise.
 */
export async function coreMilpPhase(st: HybridState, share: number): Promise<'done' | 'too-wide'> {
  const problem = st.ctx.problem;
  if (!st.best || !st.score) return 'done';
  const best = st.best.design;
  const score = st.score;
  const open = [...best.keys()].filter((i) => best[i]);
  const grouped = new Set(problem.space.groups.flatMap((g) => g.members));
  const core = new Set<number>([...open, ...grouped]);
  const closed = [...best.keys()]
    .filter((i) => !best[i] && !grouped.has(i))
    .sort((a, b) => score[a]! - score[b]! || a - b);
  for (const i of closed.slice(0, Math.max(CORE_MIN, CORE_FACTOR * open.length))) core.add(i);
  if (core.size > CORE_SKIP_SHARE * problem.space.size) return 'too-wide';
  let f;
  try {
    f = problem.buildMilp();
  } catch {
    return 'done'; // too large to build: the other phases carry on
  }
  const cols = f.designColumns;
  if (!cols) return 'done';
  const colUpper = [...f.model.colUpper];
  cols.forEach((c, i) => {
    if (!core.has(i)) colUpper[c] = 0;
  });
  await restrictedMilp(
    st,
    { ...f, model: { ...f.model, colUpper } },
    share,
    `core-milp(${core.size} of ${problem.space.size} free)`,
  );
  return 'done';
}

/**
 * Solves a restriction of the full MILP within `share` of the time left and offers its design,
 * priced exactly. True when HiGHS proved the restricted optimum.
 */
async function restrictedMilp(
  st: HybridState,
  f: MilpFormulation<unknown>,
  share: number,
  phase: string,
): Promise<boolean> {
  const left = (st.deadline - performance.now()) / 1000;
  if (!(left > 1)) return false;
  enter(st, `${phase.split('(')[0]}: HiGHS solving`);
  const sol = await solveModel(st.ctx.handle, f.model, {
    timeLimit: Number.isFinite(left) ? left * share : 120,
    randomSeed: st.ctx.seed,
    ...incumbentCutoff(st, f),
  });
  // Nothing below the incumbent's cost: the restricted optimum is proven no better than it.
  if (sol.noneBelowCutoff) {
    record(st, `${phase} none below the incumbent`);
    return true;
  }
  if (!sol.values) return false;
  const design = f.decode(sol.values).design;
  const [priced] = await st.ev.evaluateAll([design]);
  offer(st, { design, evaluation: priced! });
  record(st, phase);
  return sol.status === 'optimal';
}

/** Sites kept per customer in the sparse MILP. */
const SPARSE_NEAREST = 15;
/**
 * Largest sparse MILP tried (kept allocation columns). Measured on generated instances
 * (docs/notes/issue-9.md): 3,000 columns (50 x 200) solve in 8-22 s, 7,500 (100 x 500) not in 90 s.
 */
const SPARSE_MAX_COLUMNS = 5_000;

/**
 * Sparse MILP (a matheuristic for mid-size instances, where a site core would free nearly every
 * bit): the full MILP with each customer served only by its {@link SPARSE_NEAREST} cheapest
 * sites. It exchanges several sites in several regions at once — moves no local search finds
 * when capacity is tight in aggregate — at a fraction of the full MILP's cost. True when its
 * restricted optimum was proven (the neighbourhood search then has little left to find).
 */
export async function sparseMilpPhase(st: HybridState, share: number): Promise<boolean> {
  const f = st.ctx.problem.buildSparseMilp?.(SPARSE_NEAREST, SPARSE_MAX_COLUMNS);
  if (!f) return false;
  return restrictedMilp(st, f, share, `sparse-milp(${SPARSE_NEAREST} nearest sites per customer)`);
}

/**
 * Exact local search from the best design so far, guided by the score. `thorough` prices every
 * swap on small instances; otherwise (after a proven sparse MILP, whose design only the arc
 * restriction can have misled) the ranked swap partners suffice. Stops by `deadline` (default: the run's).
 */
export async function polishPhase(st: HybridState, thorough = true, deadline = st.deadline): Promise<void> {
  if (!st.best) return;
  enter(st, 'local-search');
  const score = st.score ?? siteFixedCosts(st.ctx.problem);
  const swaps = thorough ? swapCandidates(st, st.best.design) : GUIDED_SWAPS;
  offer(
    st,
    await localSearch(st.ev, st.best.design, {
      deadline: Math.min(deadline, st.deadline),
      score,
      ...(st.score ? { swapCandidates: swaps } : {}),
    }),
  );
  record(st, 'local-search');
}

/** Swap-in partners per open site for polishing: all that {@link SWAP_WORK} affords, at least {@link GUIDED_SWAPS}. */
function swapCandidates(st: HybridState, design: Design): number {
  if (st.work === null) return GUIDED_SWAPS;
  const open = Math.max(
    1,
    design.reduce((a, b) => a + b, 0),
  );
  return Math.max(GUIDED_SWAPS, Math.floor(SWAP_WORK / (st.work * open)));
}

/** The VNS's parameters from the method's params (`kMax`, `stallShakes`: integers >= 1). */
export function vnsParams(params: Readonly<Record<string, unknown>>): VnsParams {
  const out: { kMax?: number; stallShakes?: number } = {};
  for (const key of ['kMax', 'stallShakes'] as const) {
    const v = numParam(params, key);
    if (v === undefined) continue;
    if (!(Number.isInteger(v) && v >= 1)) throw new Error(`parameter ${key}: expected an integer >= 1, got ${v}`);
    out[key] = v;
  }
  return out;
}

/** Variable neighbourhood search from the best design, until it stalls or the stopping rule fires. */
export async function vnsPhase(st: HybridState, rng: Rng, params: VnsParams): Promise<void> {
  if (!st.best) return;
  enter(st, 'vns');
  const out = await variableNeighbourhoodSearch({
    evaluator: st.ev,
    rng,
    start: st.best,
    deadline: st.deadline,
    stop: st.ctx.stop,
    params,
    score: st.score ?? siteFixedCosts(st.ctx.problem),
    // Many descents, each kept cheap: the ranked swap partners only (the polish was the thorough one).
    swapCandidates: GUIDED_SWAPS,
    lowerBound: st.lowerBound,
    startTime: st.start,
  });
  st.stats.push(...out.stats.map((r) => ({ ...r, method: 'hybrid:vns' })));
  offer(st, out.best);
}

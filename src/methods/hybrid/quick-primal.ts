import { siteFixedCosts } from '../../core/problem.js';
import { enter, offer, proven, record, type HybridState } from './state.js';

/** Share of a finite time limit the quick heuristic may take, and its cap in seconds. */
const QUICK_SHARE = 0.2;
const QUICK_MAX_SECONDS = 4;
/** Share of a finite time limit the thorough pricing of the quick heuristic's best design may take. */
const THOROUGH_SHARE = 0.1;

/**
 * The problem's quick primal heuristic (Problem.quickDesigns), before the Lagrangian phase: an
 * incumbent within about a second, which the subgradient's step size and reduced-cost fixing then
 * use (issue 17: capb-6000's Lagrangian heuristic alone stayed 15% above the optimum for 14 s).
 * Each improvement is a trajectory point; the best design is priced exactly and offered.
 */
export async function quickPrimalPhase(st: HybridState): Promise<void> {
  if (await quickSearch(st, 'quick-primal', QUICK_SHARE, QUICK_MAX_SECONDS, false)) cutShort.add(st);
}

/** Runs whose first quick search ran out of time (its iterated local search had not stalled). */
const cutShort = new WeakSet<HybridState>();

/** Share of a finite time limit the guided quick search after the Lagrangian phase may take, and its cap. */
const GUIDED_SHARE = 0.1;
const GUIDED_MAX_SECONDS = 2;

/**
 * The quick heuristic again after the Lagrangian phase, from the incumbent, its kicks steered by
 * the Lagrangian reduced costs (close what the relaxation dislikes, open what it likes): a cheap
 * simplex-priced search before the phases that spend seconds per design.
 */
export async function guidedQuickPhase(st: HybridState): Promise<void> {
  // Where the first search stalled by itself (20 x 100: in ~0.3 s), more of it finds nothing and
  // only delays the proof (target 5).
  if (!st.best || proven(st) || !cutShort.has(st)) return;
  await quickSearch(st, 'quick-guided', GUIDED_SHARE, GUIDED_MAX_SECONDS, true);
}

/**
 * Runs Problem.quickDesigns for `share` of the limit (at most `cap` s), logging each improvement.
 * True when it stopped at that deadline.
 */
async function quickSearch(
  st: HybridState,
  phase: string,
  share: number,
  cap: number,
  guided: boolean,
): Promise<boolean> {
  const problem = st.ctx.problem;
  if (!problem.quickDesigns) return false;
  const limit = Number.isFinite(st.deadline) ? (st.deadline - st.start) / 1000 : Infinity;
  const deadline = Math.min(st.deadline, performance.now() + 1000 * Math.min(cap, share * limit));
  const guide = guided && st.best ? { start: st.best.design, score: st.score ?? siteFixedCosts(problem) } : undefined;
  enter(st, phase);
  const designs = await problem.quickDesigns(
    deadline,
    (_, cost) =>
      st.stats.push({
        method: `hybrid:${phase}`,
        iteration: st.stats.length,
        timeSeconds: (performance.now() - st.start) / 1000,
        upperBound: cost,
        lowerBound: st.lowerBound,
        gap: null,
        evaluations: st.ev.evaluations,
      }),
    guide,
  );
  const timedOut = performance.now() >= deadline;
  const first = designs[0];
  if (!first) return timedOut;
  if (guided) offer(st, { design: first, evaluation: await st.ev.evaluate(first) });
  else {
    // Priced thoroughly (a single-source MIP gets its long cap): the search's start and cutoff.
    // At most a tenth of the limit: on a tight 100 x 1,000 instance the single-source MIP found
    // nothing in its 10 s, which the Lagrangian phase then lacked for its bound.
    const left = Math.min((st.deadline - performance.now()) / 1000, THOROUGH_SHARE * limit);
    const evaluation = await problem.evaluate(st.ctx.handle, first, {
      thorough: true,
      ...(Number.isFinite(left) ? { timeLimit: Math.max(0.5, left) } : {}),
    });
    st.ev.remember(first, evaluation);
    offer(st, { design: first, evaluation });
  }
  record(st, phase);
  return timedOut;
}

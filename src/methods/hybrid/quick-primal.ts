import { enter, offer, record, type HybridState } from './state.js';

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
  const problem = st.ctx.problem;
  if (!problem.quickDesigns) return;
  const limit = Number.isFinite(st.deadline) ? (st.deadline - st.start) / 1000 : Infinity;
  const deadline = performance.now() + 1000 * Math.min(QUICK_MAX_SECONDS, QUICK_SHARE * limit);
  enter(st, 'quick-primal');
  const designs = await problem.quickDesigns(deadline, (_, cost) =>
    st.stats.push({
      method: 'hybrid:quick-primal',
      iteration: st.stats.length,
      timeSeconds: (performance.now() - st.start) / 1000,
      upperBound: cost,
      lowerBound: st.lowerBound,
      gap: null,
      evaluations: st.ev.evaluations,
    }),
  );
  const first = designs[0];
  if (!first) return;
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
  record(st, 'quick-primal');
}

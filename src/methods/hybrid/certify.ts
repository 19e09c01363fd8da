import { solveModel } from '../../exact/solve-model.js';
import { reducedCostFixings } from '../../search/reduced-cost-fixing.js';
import { cutoffAbove } from './incumbent-cutoff.js';
import { offer, proven, raiseBound, record, type HybridState } from './state.js';

/**
 * Certification by Lagrangian reduced-cost fixing and a MILP over the bits left free
 * (search/reduced-cost-fixing.ts gives the argument): at the best multipliers, every bit whose
 * other value provably costs at least the incumbent is fixed, and the full MILP with those bits
 * fixed is solved by HiGHS with the incumbent's cost as objective cutoff, for `share` of the time
 * left. Its design is priced exactly and offered; its dual bound R (the cutoff when nothing beats
 * it) gives the full problem's bound min(R, bound of the excluded designs), valid even when HiGHS
 * stops at its time limit. Works for any problem whose Lagrangian offers `fixingBounds` and whose
 * MILP has design columns. Returns the number of bits fixed, or null when it did not run (also
 * when more than `maxFreeShare` of the bits stay free: that MILP is the full one in disguise).
 */
export async function certifyPhase(st: HybridState, share: number, maxFreeShare = 1): Promise<number | null> {
  const relaxation = st.relaxation;
  const u = st.multipliers;
  if (!relaxation?.fixingBounds || !u || !st.best || !st.best.evaluation.feasible || proven(st)) return null;
  const left = (st.deadline - performance.now()) / 1000;
  if (!(left > 1)) return null;
  const ub = st.best.evaluation.cost;
  const fix = reducedCostFixings(relaxation.fixingBounds(u, ub), ub);
  const free = fix.value.length - fix.fixedOpen - fix.fixedClosed;
  if (free > maxFreeShare * fix.value.length) return null;
  let f;
  try {
    f = st.ctx.problem.buildMilp();
  } catch {
    return null; // too large to build
  }
  const cols = f.designColumns;
  if (!cols) return null;
  const colLower = [...f.model.colLower];
  const colUpper = [...f.model.colUpper];
  cols.forEach((c, i) => {
    const v = fix.value[i]!;
    if (v >= 0) colLower[c] = colUpper[c] = v;
  });
  const cutoff = cutoffAbove(ub);
  const timeLeft = (st.deadline - performance.now()) / 1000;
  const sol = await solveModel(
    st.ctx.handle,
    { ...f.model, colLower, colUpper },
    {
      timeLimit: Number.isFinite(timeLeft) ? Math.max(0, timeLeft * share) : Infinity,
      randomSeed: st.ctx.seed,
      cutoff,
    },
  );
  if (sol.values) {
    const design = f.decode(sol.values).design;
    const [priced] = await st.ev.evaluateAll([design]);
    offer(st, { design, evaluation: priced! });
  }
  // The exact layer clamps the bound to the cutoff (also when no restricted design lies below it).
  // A failed solve's dual bound means nothing.
  const restricted = sol.status === 'error' || sol.status === 'unbounded' ? null : sol.dualBound;
  if (restricted !== null) {
    const best = st.best.evaluation.cost;
    // The optimum is at most the incumbent's cost, so a bound above it (the cutoff) is clamped there.
    raiseBound(st, Math.min(restricted, fix.excludedBound, best), 'reduced-cost-fixing');
  }
  record(st, `certify(${fix.fixedClosed} fixed closed, ${fix.fixedOpen} open, ${free} free; milp ${sol.status})`);
  return fix.fixedOpen + fix.fixedClosed;
}

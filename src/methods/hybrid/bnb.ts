import { lagrangianBranchAndBound } from '../../search/lagrangian-bnb.js';
import type { Rng } from '../../search/rng.js';
import { enter, offer, proven, raiseBound, record, type HybridState } from './state.js';

/**
 * Prune level of the hybrid's branch-and-bound, relative: the same 1e-9 at which `proven` (and
 * the result's `optimal`) calls a gap closed, so an exhausted tree is a proof in that sense.
 */
const BNB_TOLERANCE = 1e-9;

/**
 * Lagrangian branch-and-bound on the design bits (search/lagrangian-bnb.ts) from the Lagrangian
 * phase's multipliers and bound, with the incumbent as cutoff, for `share` of the time left. Pure
 * TypeScript: no MILP is built, so memory stays that of the pricing LPs. Its bound (the smallest
 * over the open and cut-off parts of the tree) is a bound of the whole problem also when the time
 * runs out; the designs it prices may improve the incumbent. Runs only where the relaxation offers
 * bit-forced bounds (`fixingBounds`, which then honours node fixings). Returns true when the tree
 * was exhausted (the incumbent is optimal).
 */
export async function bnbPhase(st: HybridState, rng: Rng, share: number): Promise<boolean> {
  const relaxation = st.relaxation;
  const u = st.multipliers;
  if (!relaxation?.fixingBounds || !u || proven(st) || st.lowerBound === null) return false;
  const left = st.deadline - performance.now();
  if (!(left > 1000)) return false;
  enter(st, 'lagrangian-bnb');
  const out = await lagrangianBranchAndBound({
    relaxation,
    evaluator: st.ev,
    rng,
    deadline: Number.isFinite(left) ? performance.now() + left * share : Infinity,
    multipliers: u,
    rootBound: st.lowerBound,
    incumbent: st.best,
    params: { tolerance: BNB_TOLERANCE },
  });
  offer(st, out.best);
  raiseBound(st, out.lowerBound, 'lagrangian-bnb');
  record(st, `lagrangian-bnb(${out.nodes} nodes, ${out.open} open, ${out.priced} priced)`);
  return out.exhausted;
}

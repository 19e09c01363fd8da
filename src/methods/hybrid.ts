import { makeRng } from '../search/rng.js';
import { deadlineOf, evaluatorFor, finish, numParam } from './heuristic-common.js';
import { lshapedBoundPhase } from './hybrid/lshaped-bound.js';
import {
  coreMilpPhase,
  enumerationPhase,
  lagrangianPhase,
  lpRelaxationPhase,
  milpBoundPhase,
  polishPhase,
  problemBoundPhase,
  sparseMilpPhase,
  vnsParams,
  vnsPhase,
} from './hybrid/phases.js';
import { bendersPhase } from './hybrid/benders.js';
import { bnbPhase } from './hybrid/bnb.js';
import { certifyPhase } from './hybrid/certify.js';
import { guidedQuickPhase, quickPrimalPhase } from './hybrid/quick-primal.js';
import { proven, type HybridState } from './hybrid/state.js';
import type { Method } from './method.js';
import { HYBRID_PARAMETERS } from './parameters.js';

/** Design spaces with at most this many valid designs are enumerated instead of searched. */
const DEFAULT_ENUMERATE_LIMIT = 256;

/** Share of the time left given to the core MILP. */
const DEFAULT_CORE_SHARE = 0.5;

/** Share of the time left given to the L-shaped bound (two-stage problems). */
const DEFAULT_LSHAPED_SHARE = 0.6;
/** Share of the time left given to Benders strengthening of the LP bound (problems without a Lagrangian). */
const DEFAULT_BENDERS_SHARE = 0.2;

/** Share of the time left given to the full MILP's dual bound (problems without a Lagrangian). */
const DEFAULT_MILP_BOUND_SHARE = 0.5;

/** Share of the time left given to the certifying MILP (reduced-cost fixing, incumbent as cutoff). */
const DEFAULT_CERTIFY_SHARE = 0.6;
/**
 * The certify MILP runs only when fixing leaves at most this share of the bits free. On capa/b/c at
 * 60 s (docs/notes/issue-17.md) it proved the optimum with 0, 2 and 19 of 100 free, but with 23-37
 * free HiGHS ran to the limit and took the core MILP's and the polish's time: four variants ended
 * 0.11-0.43% above the optimum the core MILP path reaches. Wider, the old core MILP runs.
 */
const CERTIFY_MAX_FREE_SHARE = 0.2;

/** Shares of the time left given to the polish before the Lagrangian branch-and-bound, and to it. */
const DEFAULT_BNB_POLISH_SHARE = 0.15;
const DEFAULT_BNB_SHARE = 0.8;
/**
 * Largest relaxation (sites x customers) the branch-and-bound runs on: at 1,000 x 10,000 (1e7)
 * a 600 s run priced 4 designs and ended at 2.9% (main: 0.76%), the tree took the local search's time.
 */
const BNB_MAX_WORK = 2_000_000;

/** Share of a finite time limit given to the Lagrangian phase. */
const DEFAULT_LAGRANGIAN_SHARE = 0.4;

/**
 * Hybrid: on small design spaces, exhaustive exact pricing (a certified optimum). Otherwise a
 * bound from the problem's structure where it has one, then a Lagrangian phase (or, without a
 * Lagrangian, the LP relaxation strengthened by Benders cuts) gives a certified lower bound, reduced
 * costs and good designs;
 * where the Lagrangian gives bit-forced bounds, reduced-cost fixing against the incumbent and a
 * MILP over the bits left free (the incumbent's cost as cutoff) certify the optimum when HiGHS
 * finishes, and give a bound of the full problem when it does not (./hybrid/certify.ts);
 * otherwise a core MILP (sites outside a reduced-cost core fixed closed) tries multi-site exchanges that
 * single moves miss — or, where the core would free nearly every site, a sparse MILP (each
 * customer served only by its cheapest sites), where the problem offers one; an exact local search
 * polishes the best; a variable neighbourhood search (shakes of 1..6 random moves, each followed
 * by the local search) runs until a full cycle of shakes brings nothing, unless the sparse MILP
 * proved its optimum. Each phase is skipped once the best design attains the bound.
 */
export const hybridMethod: Method = {
  name: 'hybrid',
  parameters: HYBRID_PARAMETERS,
  description:
    'Lagrangian bound and designs, core or sparse MILP, exact local search and VNS, all priced by exact flows',
  unsupported: () => null,
  async run(ctx) {
    const start = performance.now();
    const st: HybridState = {
      ctx,
      ev: evaluatorFor(ctx, deadlineOf(ctx, start)),
      start,
      deadline: deadlineOf(ctx, start),
      stats: [],
      lowerBound: null,
      score: null,
      best: null,
      bounds: [],
      work: null,
      relaxation: null,
      multipliers: null,
    };
    const rng = makeRng(ctx.seed, 'hybrid');
    const share = numParam(ctx.params, 'lagrangianShare') ?? DEFAULT_LAGRANGIAN_SHARE;
    const vns = vnsParams(ctx.params); // checked before any work is done
    const enumerated = await enumerationPhase(st, numParam(ctx.params, 'enumerateLimit') ?? DEFAULT_ENUMERATE_LIMIT);
    if (!enumerated) {
      await problemBoundPhase(st);
      if (!proven(st)) await quickPrimalPhase(st);
      // Two-stage: the L-shaped bound and its design, then the search on expected costs.
      if (!proven(st) && ctx.problem.twoStage) await lshapedBoundPhase(st, DEFAULT_LSHAPED_SHARE);
      if (!proven(st)) await (ctx.problem.lagrangian ? lagrangianPhase(st, rng, share) : lpRelaxationPhase(st));
      await guidedQuickPhase(st);
      if (!proven(st) && !ctx.problem.lagrangian && !ctx.problem.twoStage) {
        await bendersPhase(st, DEFAULT_BENDERS_SHARE);
        await milpBoundPhase(st, DEFAULT_MILP_BOUND_SHARE);
      }
      // With bit-forced Lagrangian bounds: a polished incumbent as cutoff, then the Lagrangian
      // branch-and-bound (no MILP built); the MILP phases below run only if it leaves a gap.
      // The MILP phases are then skipped: the tree's bound is already at least the certify
      // MILP's, and the 100 x 1,000 MILP alone took peak memory from ~450 to 740-850 MB.
      const branched =
        !proven(st) && st.relaxation?.fixingBounds !== undefined && (st.work ?? Infinity) <= BNB_MAX_WORK;
      let searched = false;
      if (branched) {
        // The sparse MILP (built only where it is small, e.g. 50 x 200) first, with the time it had
        // before the tree existed (polishing first left it too little on fl-50x200-s2: +0.09%).
        if (!proven(st)) searched = await sparseMilpPhase(st, DEFAULT_CORE_SHARE);
        if (!proven(st))
          await polishPhase(st, true, performance.now() + (st.deadline - performance.now()) * DEFAULT_BNB_POLISH_SHARE);
        // After a proven sparse optimum the tree rarely closes the Lagrangian gap of a mid-size
        // instance (32 x 80: 5,720 nodes, 50 s, unproven) and only made the run slower than before.
        if (!searched) await bnbPhase(st, rng, DEFAULT_BNB_SHARE);
      }
      // With bit-forced Lagrangian bounds the core is what reduced-cost fixing leaves free, and
      // the core MILP certifies; otherwise (or when too little is fixed) the reduced-cost core.
      const certified =
        branched || (!proven(st) && (await certifyPhase(st, DEFAULT_CERTIFY_SHARE, CERTIFY_MAX_FREE_SHARE)) !== null);
      if (!proven(st) && !certified && (await coreMilpPhase(st, DEFAULT_CORE_SHARE)) === 'too-wide')
        searched = await sparseMilpPhase(st, DEFAULT_CORE_SHARE);
      if (!proven(st)) {
        const before = st.best?.evaluation.cost ?? Infinity;
        await polishPhase(st, !searched);
        // A better incumbent fixes more bits: certify again before the neighbourhood search.
        if (!proven(st) && !branched && (st.best?.evaluation.cost ?? Infinity) < before)
          await certifyPhase(st, DEFAULT_CERTIFY_SHARE, CERTIFY_MAX_FREE_SHARE);
      }
      // After a proven sparse MILP, the VNS would search neighbourhoods that MILP covered exactly.
      if (!proven(st) && !searched && performance.now() < st.deadline) await vnsPhase(st, rng, vns);
    }
    return finish(
      ctx,
      st.best,
      st.lowerBound,
      st.stats,
      { lagrangianShare: share, evaluations: st.ev.evaluations, bound: [...new Set(st.bounds)].join('+') || 'none' },
      start,
      st.ev,
    );
  },
};

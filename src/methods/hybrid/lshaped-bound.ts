import { InfeasibleInstanceError } from '../../core/errors.js';
import { isScenarioRunner } from '../../core/scenario-runner.js';
import { priceLocally, runLShaped } from '../../search/lshaped-loop.js';
import { enter, offer, raiseBound, record, type HybridState } from './state.js';

/**
 * The hybrid's bound on a two-stage problem: the L-shaped loop (search/lshaped-loop.ts) over the
 * problem's decomposition, scenarios priced on the hybrid's pool, for `share` of the time left
 * (all of it without a limit). Its master bound becomes the hybrid's certified bound; its best
 * design is priced by the hybrid's own evaluator (expected cost over the scenarios, exact flows)
 * and offered as an incumbent, so the design search starts from it.
 */
export async function lshapedBoundPhase(st: HybridState, share: number): Promise<void> {
  const { ctx } = st;
  if (!ctx.problem.twoStage) return;
  const now = performance.now();
  if (now >= st.deadline) return;
  const dec = ctx.problem.twoStage();
  const runner = isScenarioRunner(ctx.runner) && ctx.runner.threads > 1 ? ctx.runner : null;
  enter(st, 'lshaped-bound');
  let out;
  try {
    out = await runLShaped({
      handle: ctx.handle,
      dec,
      price: runner ? (task) => runner.scenarioCuts(task) : priceLocally(ctx.handle, dec),
      deadline: Number.isFinite(st.deadline) ? now + share * (st.deadline - now) : Infinity,
      seed: ctx.seed,
      label: 'hybrid:lshaped',
      ...(ctx.progress ? { progress: ctx.progress } : {}),
    });
  } catch (err) {
    // A scenario no design serves: the design search will say so with its own message.
    if (err instanceof InfeasibleInstanceError) return;
    throw err;
  }
  raiseBound(st, Number.isFinite(out.lowerBound) ? out.lowerBound : null, 'lshaped');
  if (out.best) offer(st, { design: out.best.design, evaluation: await st.ev.evaluate(out.best.design) });
  record(st, 'lshaped-bound');
}

import { z } from 'zod';
import { InfeasibleInstanceError } from '../core/errors.js';
import { isScenarioRunner } from '../core/scenario-runner.js';
import { priceLocally, runLShaped } from '../search/lshaped-loop.js';
import type { Method, MethodContext, MethodOutcome } from './method.js';

/** lshaped: one cut per scenario or one aggregate, LP-phase rounds (0: none), relative gap to stop at. */
export const LSHAPED_PARAMETERS = z.strictObject({
  cuts: z.enum(['multi', 'single']).optional(),
  lpRounds: z.number().int().min(0).optional(),
  gap: z.number().min(0).max(1).optional(),
});

/**
 * L-shaped decomposition (Van Slyke & Wets 1969; Birge & Louveaux 1988 for multi-cut) of a
 * two-stage problem: a master MIP over the design with one theta per scenario (`cuts: multi`,
 * default) or one for the expectation (`cuts: single`); each master design is priced in every
 * scenario (in parallel on the worker pool when there is one), which returns optimality cuts from
 * the scenario LP's reduced costs, or feasibility cuts where a scenario cannot be served. The
 * master's bound is a certified lower bound (an LP phase first adds cuts at the relaxed master's
 * points: `lpRounds`, default 50, 0 to skip); the best priced design is the incumbent. Second
 * stages with integer flows get integer L-shaped cuts as well, so the bound closes there too.
 */
export const lshapedMethod: Method = {
  name: 'lshaped',
  description: 'L-shaped (Benders) decomposition over scenarios, multi-cut or single-cut, scenarios priced in parallel',
  parameters: LSHAPED_PARAMETERS,
  unsupported: (p) => (p.twoStage ? null : 'not a two-stage problem (no scenarios or recourse)'),
  async run(ctx) {
    try {
      return await lshaped(ctx);
    } catch (err) {
      if (err instanceof InfeasibleInstanceError)
        return {
          status: 'infeasible',
          design: null,
          flows: null,
          claimedObjective: null,
          lowerBound: null,
          stats: [],
          options: {},
          message: err.message,
        };
      throw err;
    }
  },
};

async function lshaped(ctx: MethodContext): Promise<MethodOutcome> {
  const t0 = performance.now();
  const deadline = Number.isFinite(ctx.timeLimit) ? t0 + ctx.timeLimit * 1000 : Infinity;
  const dec = ctx.problem.twoStage!();
  const mode = ctx.params.cuts === 'single' ? 'single' : 'multi';
  const S = dec.scenarios.length;
  const runner = isScenarioRunner(ctx.runner) && ctx.runner.threads > 1 ? ctx.runner : null;
  const out = await runLShaped({
    handle: ctx.handle,
    dec,
    price: runner ? (task) => runner.scenarioCuts(task) : priceLocally(ctx.handle, dec),
    deadline,
    seed: ctx.seed,
    mode,
    ...(typeof ctx.params.gap === 'number' ? { gap: ctx.params.gap } : {}),
    ...(typeof ctx.params.lpRounds === 'number' ? { lpRounds: ctx.params.lpRounds } : {}),
    ...(ctx.progress ? { progress: ctx.progress } : {}),
  });
  const { status, best, lowerBound, stats } = out;
  const masterMessage = out.message;
  const options = { cuts: mode, scenarios: S, threads: runner?.threads ?? 1 };
  if (!best)
    return {
      status: status === 'optimal' ? 'infeasible' : status,
      design: null,
      flows: null,
      claimedObjective: null,
      lowerBound: Number.isFinite(lowerBound) ? lowerBound : null,
      stats,
      options,
      ...(masterMessage ? { message: masterMessage } : {}),
    };
  const ev = await ctx.problem.evaluate(ctx.handle, best.design, { fresh: true });
  if (!ev.feasible)
    return {
      status: 'error',
      design: null,
      flows: null,
      claimedObjective: null,
      lowerBound,
      stats,
      options,
      message: `the L-shaped incumbent does not price: ${ev.reason ?? 'infeasible'}`,
    };
  return {
    status,
    design: best.design,
    flows: ev.flows,
    // The incumbent's price from the decomposition (first stage + each scenario's exact cut value).
    claimedObjective: best.cost,
    lowerBound: Number.isFinite(lowerBound) ? lowerBound : null,
    stats,
    options,
    ...(masterMessage ? { message: masterMessage } : {}),
  };
}

import { isBetter } from '../search/evaluator.js';
import { lagrangianSearch, type LagrangianParams } from '../search/lagrangian-search.js';
import { localSearch } from '../search/local-search.js';
import { makeRng } from '../search/rng.js';
import { deadlineOf, evaluatorFor, finish, numParam } from './heuristic-common.js';
import type { Method } from './method.js';
import { LAGRANGIAN_PARAMETERS } from './parameters.js';

/** Lagrangian parameters from a method's params record. */
export function lagrangianParams(params: Readonly<Record<string, unknown>>): LagrangianParams {
  const out: Record<string, number> = {};
  for (const key of ['maxIterations', 'heuristicEvery', 'patience']) {
    const v = numParam(params, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Lagrangian relaxation with subgradient optimisation and a Lagrangian heuristic. */
export const lagrangianMethod: Method = {
  name: 'lagrangian',
  parameters: LAGRANGIAN_PARAMETERS,
  description: 'Lagrangian relaxation (subgradient) with a Lagrangian heuristic: lower and upper bounds',
  unsupported: (problem) => (problem.lagrangian ? null : 'the problem offers no Lagrangian relaxation'),
  async run(ctx) {
    const start = performance.now();
    const ev = evaluatorFor(ctx, deadlineOf(ctx, start));
    const params = lagrangianParams(ctx.params);
    ctx.progress?.enter('lagrangian');
    const out = await lagrangianSearch({
      relaxation: ctx.problem.lagrangian!(),
      evaluator: ev,
      rng: makeRng(ctx.seed, 'lagrangian'),
      deadline: deadlineOf(ctx, start),
      stop: ctx.stop,
      params,
      startTime: start,
    });
    const lb = Number.isFinite(out.lowerBound) ? out.lowerBound : null;
    // The Lagrangian heuristic ends with a descent from its best design, guided by reduced costs.
    let best = out.best;
    if (best && (lb === null || best.evaluation.cost - lb > 1e-9 * Math.abs(best.evaluation.cost))) {
      ctx.progress?.enter('local-search');
      const polished = await localSearch(ev, best.design, {
        deadline: deadlineOf(ctx, start),
        score: out.score,
        swapCandidates: 10,
      });
      if (isBetter(polished, best)) best = polished;
    }
    return finish(
      ctx,
      best,
      lb,
      out.stats,
      { ...params, iterations: out.iterations, evaluations: ev.evaluations },
      start,
      ev,
    );
  },
};

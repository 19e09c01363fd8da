import { geneticAlgorithm, type GaParams } from '../search/ga.js';
import { makeRng } from '../search/rng.js';
import { deadlineOf, evaluatorFor, finish, numParam } from './heuristic-common.js';
import type { Method } from './method.js';
import { GA_PARAMETERS } from './parameters.js';

/** GA parameters from a method's params record. */
export function gaParams(params: Readonly<Record<string, unknown>>): GaParams {
  const out: Record<string, number> = {};
  for (const key of [
    'populationSize',
    'crossoverRate',
    'mutationRate',
    'tournamentSize',
    'elites',
    'localSearchEvery',
    'maxGenerations',
    'stallGenerations',
  ]) {
    const v = numParam(params, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Genetic algorithm over designs, each priced exactly by the flow model. */
export const gaMethod: Method = {
  name: 'ga',
  parameters: GA_PARAMETERS,
  description: 'genetic algorithm over designs with exact flow pricing and local search',
  unsupported: () => null,
  async run(ctx) {
    const start = performance.now();
    const ev = evaluatorFor(ctx, deadlineOf(ctx, start));
    const params = gaParams(ctx.params);
    ctx.progress?.enter('ga');
    const { best, stats } = await geneticAlgorithm({
      evaluator: ev,
      rng: makeRng(ctx.seed, 'ga'),
      deadline: deadlineOf(ctx, start),
      stop: ctx.stop,
      params,
      startTime: start,
    });
    return finish(
      ctx,
      best,
      null,
      stats,
      { ...params, evaluations: ev.evaluations, stop: ctx.stop?.describe ?? null },
      start,
      ev,
    );
  },
};

import { ModelTooLargeError } from '../core/errors.js';
import { solveModel } from '../exact/solve-model.js';
import type { Method } from './method.js';

/** The full MILP solved by HiGHS: optimal, or incumbent and bound at the time limit. */
export const milpMethod: Method = {
  name: 'milp',
  description: 'full MILP with HiGHS (branch and cut)',
  unsupported: () => null,
  async run({ problem, handle, seed, timeLimit, params }) {
    const t0 = performance.now();
    let formulation;
    try {
      formulation = problem.buildMilp();
    } catch (err) {
      if (!(err instanceof ModelTooLargeError)) throw err;
      return { status: 'error', design: null, flows: null, lowerBound: null, stats: [], options: {}, message: err.message };
    }
    const mipRelGap = typeof params.mipRelGap === 'number' ? params.mipRelGap : undefined;
    const sol = await solveModel(handle, formulation.model, {
      timeLimit,
      randomSeed: seed,
      ...(mipRelGap !== undefined ? { mipRelGap } : {}),
      ...(params.verbose === true ? { verbose: true } : {}),
    });
    const decoded = sol.values ? formulation.decode(sol.values) : null;
    const sec = (performance.now() - t0) / 1000;
    const bound = sol.dualBound;
    return {
      status: sol.status,
      design: decoded?.design ?? null,
      flows: decoded?.flows ?? null,
      lowerBound: bound,
      stats: [{ method: 'milp', iteration: 0, timeSeconds: sec, upperBound: sol.objective, lowerBound: bound, gap: null }],
      options: sol.options,
      ...(sol.message ? { message: sol.message } : {}),
    };
  },
};

import { ModelTooLargeError } from '../core/errors.js';
import { solveModel } from '../exact/solve-model.js';
import type { Method } from './method.js';
import { MILP_PARAMETERS } from './parameters.js';

/** Share of the time limit kept for decoding and recomputing the solution after HiGHS returns. */
const MILP_RESERVE = 0.03;

/** The full MILP solved by HiGHS: optimal, or incumbent and bound at the time limit. */
export const milpMethod: Method = {
  name: 'milp',
  parameters: MILP_PARAMETERS,
  description: 'full MILP with HiGHS (branch and cut)',
  unsupported: () => null,
  async run({ problem, handle, seed, timeLimit, params, progress }) {
    const t0 = performance.now();
    let formulation;
    try {
      formulation = problem.buildMilp();
    } catch (err) {
      if (!(err instanceof ModelTooLargeError)) throw err;
      return {
        status: 'error',
        design: null,
        flows: null,
        claimedObjective: null,
        lowerBound: null,
        stats: [],
        options: {},
        message: err.message,
      };
    }
    const mipRelGap = typeof params.mipRelGap === 'number' ? params.mipRelGap : undefined;
    // HiGHS gets the time left after building the model, less a reserve for decoding and the
    // recomputation of the objective from the flows (3%, as the heuristics keep).
    const left = Number.isFinite(timeLimit)
      ? (timeLimit * (1 - MILP_RESERVE) * 1000 - (performance.now() - t0)) / 1000
      : Infinity;
    if (left <= 0) {
      return {
        status: 'time_limit',
        design: null,
        flows: null,
        claimedObjective: null,
        lowerBound: null,
        stats: [],
        options: {},
        message: `building the MILP took ${((performance.now() - t0) / 1000).toFixed(1)} s of the ${timeLimit} s limit: not solved`,
      };
    }
    // HiGHS gives no incumbent until it returns: a live log can only say it is solving, and for how long.
    progress?.enter('milp: HiGHS solving');
    const sol = await solveModel(handle, formulation.model, {
      timeLimit: left,
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
      // HiGHS's objective value: the model's coefficients, independent of the problem's `cost`.
      claimedObjective: decoded ? sol.objective : null,
      lowerBound: bound,
      stats: [
        { method: 'milp', iteration: 0, timeSeconds: sec, upperBound: sol.objective, lowerBound: bound, gap: null },
      ],
      options: sol.options,
      ...(sol.message ? { message: sol.message } : {}),
    };
  },
};

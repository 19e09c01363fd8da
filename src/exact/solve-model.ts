import type { Highs, ModelData } from 'highs';
import type { HighsHandle } from './highs-handle.js';
import { isMip, type LinearModel } from './linear-model.js';
import type { ExactOptions, ModelSolution } from './model-solution.js';
import { HIGHS_MODEL_STATUS, mapHighsStatus } from './status.js';

export type { ExactOptions, ModelSolution, ModelSolver } from './model-solution.js';

const DEFAULT_MIP_REL_GAP = 1e-9;

/** LPs this large (a 100 x 2,000 transportation LP: seconds) also leave an off-thread handle's thread. */
const OFF_THREAD_LP_COLUMNS = 50_000;

/** Converts a {@link LinearModel} to HiGHS's structured input (CSR), with names. */
export function toHighsData(highs: Highs, model: LinearModel): ModelData {
  const inf = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const mip = isMip(model);
  return {
    numCols: model.colNames.length,
    numRows: model.rowNames.length,
    sense: model.sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    offset: model.offset,
    colCost: Float64Array.from(model.colCost),
    colLower: Float64Array.from(model.colLower, inf),
    colUpper: Float64Array.from(model.colUpper, inf),
    rowLower: Float64Array.from(model.rowLower, inf),
    rowUpper: Float64Array.from(model.rowUpper, inf),
    matrix: {
      format: 'csr',
      numRows: model.rowNames.length,
      numCols: model.colNames.length,
      starts: Int32Array.from(model.rowStarts),
      indices: Int32Array.from(model.indices),
      values: Float64Array.from(model.values),
    },
    ...(mip ? { integrality: Int32Array.from(model.colType, (t) => (t === 'continuous' ? 0 : 1)) } : {}),
  } as ModelData;
}

/** HiGHS option object for rlnd options. */
export function highsOptions(options: ExactOptions, mip: boolean): Record<string, number | string | boolean> {
  const out: Record<string, number | string | boolean> = { output_flag: options.verbose ?? false };
  if (options.timeLimit !== undefined && Number.isFinite(options.timeLimit))
    out.time_limit = Math.max(0, options.timeLimit);
  if (mip) out.mip_rel_gap = options.mipRelGap ?? DEFAULT_MIP_REL_GAP;
  if (options.presolve) out.presolve = options.presolve;
  if (options.randomSeed !== undefined) out.random_seed = Math.abs(Math.trunc(options.randomSeed)) % 2147483647;
  if (options.cutoff !== undefined) out.objective_bound = options.cutoff;
  return { ...out, ...(options.highs ?? {}) };
}

/**
 * Solves a model with HiGHS and maps the outcome to rlnd's status set. A status of
 * "infeasible or unbounded" is resolved by one re-solve without presolve.
 */
export async function solveModel(
  handle: HighsHandle,
  model: LinearModel,
  options: ExactOptions = {},
): Promise<ModelSolution> {
  const mip = isMip(model);
  if (options.cutoff !== undefined && model.sense !== 'min')
    throw new Error('solveModel: a cutoff needs a minimisation');
  const opts = highsOptions(options, mip);
  const t0 = performance.now();
  // Off the caller's thread (see HighsHandleOptions.modelThread): its event loop stays live meanwhile.
  if (handle.modelThread && model.colNames.length > 0 && (mip || model.colNames.length >= OFF_THREAD_LP_COLUMNS))
    return handle.modelThread.solve(model, options);
  if (model.colNames.length === 0) {
    // HiGHS calls a model without columns "empty" whatever its rows say; decide it here.
    const ok =
      model.rowLower.every((lo, r) => lo <= 0 && model.rowUpper[r]! >= 0) &&
      !(options.cutoff !== undefined && model.offset >= options.cutoff);
    return withCutoff(
      {
        status: ok ? 'optimal' : 'infeasible',
        objective: ok ? model.offset : null,
        dualBound: ok ? model.offset : null,
        values: ok ? new Float64Array(0) : null,
        rowDuals: null,
        colDuals: null,
        runtimeSeconds: 0,
        options: opts,
      },
      options.cutoff,
    );
  }
  const attempt = (highs: Highs, extra: Record<string, string>): ModelSolution =>
    highs.withModel(toHighsData(highs, model), (m) => {
      m.options.set({ ...opts, ...extra });
      if (mip && options.start && options.start.columns.length > 0)
        m.setSolution({
          indices: Int32Array.from(options.start.columns),
          values: Float64Array.from(options.start.values),
        });
      m.run();
      const code = m.getModelStatus();
      const primalOk = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
      const sol = primalOk ? m.getSolution() : null;
      const objective = primalOk ? m.getObjectiveValue() : null;
      const hasSolution = primalOk && objective !== null && Number.isFinite(objective);
      const status = mapHighsStatus(code, hasSolution);
      let dualBound: number | null = null;
      if (mip) {
        const b = Number(m.info.get('mip_dual_bound'));
        dualBound = Number.isFinite(b) ? b : null;
      } else if (status === 'optimal') dualBound = objective;
      const dualOk = !mip && Number(m.info.get('dual_solution_status')) === highs.constants.solutionStatus.feasible;
      return {
        status,
        objective: hasSolution ? objective : null,
        dualBound,
        values: hasSolution && sol ? sol.colValue : null,
        rowDuals: dualOk && sol ? sol.rowDual : null,
        colDuals: dualOk && sol ? sol.colDual : null,
        runtimeSeconds: 0,
        options: { ...opts, ...extra },
        ...(status === 'error' ? { message: `HiGHS model status ${code}` } : {}),
      };
    });
  let result = await handle.run((highs) => attempt(highs, {}));
  if (
    result.status === 'error' &&
    result.message === `HiGHS model status ${HIGHS_MODEL_STATUS.unboundedOrInfeasible}`
  ) {
    result = await handle.run((highs) => attempt(highs, { presolve: 'off' }));
  }
  return { ...withCutoff(result, options.cutoff), runtimeSeconds: (performance.now() - t0) / 1000 };
}

/**
 * Reads an answer under a cutoff: "infeasible" only says nothing lies below the cutoff, and HiGHS's
 * dual bound ignores the subtrees it pruned at the cutoff, so only min(bound, cutoff) is valid; an
 * "optimal" solution at or above the cutoff is only a feasible one.
 */
export function withCutoff(sol: ModelSolution, cutoff: number | undefined): ModelSolution {
  if (cutoff === undefined) return sol;
  if (sol.status === 'infeasible')
    return { ...sol, status: 'time_limit', objective: null, values: null, dualBound: cutoff, noneBelowCutoff: true };
  // HiGHS also calls a search "optimal" when it pruned everything at the cutoff and keeps only a
  // solution at or above it (e.g. a MIP start): that solution is feasible, not optimal.
  if (sol.status === 'optimal' && sol.objective !== null && sol.objective >= cutoff)
    return { ...sol, status: 'feasible', dualBound: cutoff, noneBelowCutoff: true };
  if (sol.dualBound === null || sol.status === 'error' || sol.status === 'unbounded') return sol;
  return { ...sol, dualBound: Math.min(sol.dualBound, cutoff) };
}

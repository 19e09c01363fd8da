import type { Highs, Model } from 'highs';
import type { HighsHandle } from './highs-handle.js';
import type { LinearModel } from './linear-model.js';
import type { ModelSolution } from './model-solution.js';
import { highsOptions, solveModel, toHighsData } from './solve-model.js';
import { mapHighsStatus } from './status.js';

/**
 * Solves LPs one after the other in one HiGHS model, each warm-started from the basis the
 * previous one left, where consecutive LPs share their matrix (only costs and bounds differ: the
 * scenarios of a two-stage problem at one design). An LP with another matrix starts a fresh
 * model. The sequence starts cold, so its results depend on the list alone, never on what ran
 * before in this thread: a decomposition that prices fixed chunks of scenarios this way gives the
 * same cuts whatever the number of workers. A warm solve that does not end optimal (infeasible,
 * or HiGHS trouble) is re-solved cold by {@link solveModel}, so statuses match a cold solve.
 */
export async function solveLpSequence(handle: HighsHandle, lps: readonly LinearModel[]): Promise<ModelSolution[]> {
  const out: ModelSolution[] = [];
  // A holder, not a `let`: the model is replaced inside handle.run's callback.
  const state: { live: { model: Model; lp: LinearModel; generation: number } | null } = { live: null };
  try {
    for (const lp of lps) {
      const t0 = performance.now();
      const prev = state.live;
      const warm = prev !== null && prev.generation === handle.generation && sameMatrix(prev.lp, lp);
      const sol = await handle.run((highs) => {
        let live = state.live;
        if (!warm || !live || live.model.disposed) {
          live?.model.dispose();
          const model = highs.createModel(toHighsData(highs, lp));
          model.options.set(highsOptions({}, false));
          live = { model, lp, generation: handle.generation };
        } else {
          load(highs, live.model, lp);
          live.lp = lp;
        }
        state.live = live;
        return run(highs, live.model);
      });
      out.push(
        sol.status === 'optimal'
          ? { ...sol, runtimeSeconds: (performance.now() - t0) / 1000 }
          : await solveModel(handle, lp),
      );
    }
  } finally {
    state.live?.model.dispose();
  }
  return out;
}

/** Same shape and coefficients (costs and bounds may differ). */
function sameMatrix(a: LinearModel, b: LinearModel): boolean {
  if (a === b) return true;
  if (a.sense !== b.sense || a.colNames.length !== b.colNames.length || a.rowNames.length !== b.rowNames.length)
    return false;
  return equal(a.rowStarts, b.rowStarts) && equal(a.indices, b.indices) && equal(a.values, b.values);
}

function equal(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Replaces every cost and bound of the live model with the LP's (the basis stays). */
function load(highs: Highs, m: Model, lp: LinearModel): void {
  const inf = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const cols = { kind: 'range' as const, from: 0, to: lp.colNames.length - 1 };
  m.changeColsCost(cols, Float64Array.from(lp.colCost));
  m.changeColsBounds(cols, Float64Array.from(lp.colLower, inf), Float64Array.from(lp.colUpper, inf));
  if (lp.rowNames.length > 0)
    m.changeRowsBounds(
      { kind: 'range', from: 0, to: lp.rowNames.length - 1 },
      Float64Array.from(lp.rowLower, inf),
      Float64Array.from(lp.rowUpper, inf),
    );
  m.changeObjectiveOffset(lp.offset);
}

function run(highs: Highs, m: Model): ModelSolution {
  m.run();
  const primalOk = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const dualOk = Number(m.info.get('dual_solution_status')) === highs.constants.solutionStatus.feasible;
  const status = mapHighsStatus(m.getModelStatus(), primalOk);
  const sol = primalOk && dualOk ? m.getSolution() : null;
  const objective = sol ? m.getObjectiveValue() : null;
  const ok = status === 'optimal' && sol !== null && objective !== null && Number.isFinite(objective);
  return {
    status: ok ? 'optimal' : status === 'optimal' ? 'error' : status,
    objective: ok ? objective : null,
    dualBound: ok ? objective : null,
    values: ok ? sol.colValue : null,
    rowDuals: ok ? sol.rowDual : null,
    colDuals: ok ? sol.colDual : null,
    runtimeSeconds: 0,
    options: {},
  };
}

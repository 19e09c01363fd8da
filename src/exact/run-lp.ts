import type { Highs, Model } from 'highs';
import { mapHighsStatus, type SolveStatus } from './status.js';

/** Result of one run of a persistent LP. */
export interface LpSolve {
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly values: Float64Array | null;
  readonly rowDuals: Float64Array | null;
}

/** Runs a persistent HiGHS model and reads back status, objective, primal values and row duals. */
export function runLp(highs: Highs, m: Model): LpSolve {
  m.run();
  const primalOk = Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
  const status = mapHighsStatus(m.getModelStatus(), primalOk);
  if (status !== 'optimal') return { status, objective: null, values: null, rowDuals: null };
  const sol = m.getSolution();
  return { status, objective: m.getObjectiveValue(), values: sol.colValue, rowDuals: sol.rowDual };
}

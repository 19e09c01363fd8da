/**
 * The one status set every rlnd method reports.
 * - `optimal`: proven optimal (within the requested MIP gap);
 * - `feasible`: stopped by a limit with a feasible incumbent (or a heuristic's answer);
 * - `infeasible`, `unbounded`: proven;
 * - `time_limit`: stopped by a limit with no feasible solution;
 * - `error`: the solver failed.
 */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'time_limit' | 'error';

/** HiGHS model-status codes (highs.constants.modelStatus), kept here so the mapping is testable. */
export const HIGHS_MODEL_STATUS = {
  notSet: 0,
  loadError: 1,
  modelError: 2,
  presolveError: 3,
  solveError: 4,
  postsolveError: 5,
  empty: 6,
  optimal: 7,
  infeasible: 8,
  unboundedOrInfeasible: 9,
  unbounded: 10,
  objectiveBound: 11,
  objectiveTarget: 12,
  timeLimit: 13,
  iterationLimit: 14,
  unknown: 15,
  solutionLimit: 16,
  interrupted: 17,
} as const;

/** Maps a HiGHS model status (plus whether a finite primal solution exists) to a {@link SolveStatus}. */
export function mapHighsStatus(code: number, hasSolution: boolean): SolveStatus {
  const s = HIGHS_MODEL_STATUS;
  switch (code) {
    case s.optimal:
    case s.empty:
      return 'optimal';
    case s.infeasible:
      return 'infeasible';
    case s.unbounded:
      return 'unbounded';
    case s.timeLimit:
    case s.iterationLimit:
    case s.solutionLimit:
    case s.interrupted:
    case s.objectiveBound:
    case s.objectiveTarget:
      return hasSolution ? 'feasible' : 'time_limit';
    default:
      return 'error';
  }
}

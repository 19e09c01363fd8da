import type { SolveStatus } from '../exact/status.js';
import type { LoadOptions } from '../problems/problem-kind.js';
import type { MethodEntry } from './config-types.js';
import type { ScenarioSpec } from './scenarios.js';
import type { ReferenceOutcome, StochasticOutcome } from './tasks.js';

/** The reference a run's gap is measured against (known optimum, or the MILP's incumbent and bound). */
export interface ReferenceSummary {
  readonly source: 'known' | 'milp';
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly lowerBound: number | null;
}

/** The best incumbent and bound a run knew at `t` seconds (method time, from its statistics rows). */
export interface TrajectoryPoint {
  readonly t: number;
  readonly incumbent: number | null;
  readonly bound: number | null;
}

/** One line of runs.jsonl: everything about one finished run (loads straight into pandas / R). */
export interface RunRecord {
  readonly experiment: string;
  readonly runId: string;
  readonly instance: {
    readonly label: string;
    readonly group: string;
    readonly file: string;
    readonly name: string;
    readonly hash: string;
    readonly options: LoadOptions;
  };
  readonly method: MethodEntry;
  readonly seed: number;
  readonly scenario: Pick<ScenarioSpec, 'id' | 'kind' | 'set' | 'index' | 'levels'>;
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  readonly reference: ReferenceSummary | null;
  /** (objective - optimum) / |optimum| when the reference is a proven or published optimum. */
  readonly gapToOptimum: number | null;
  /** Against the reference incumbent, proven or not (negative: the run beat a time-limited MILP). */
  readonly gapToReference: number | null;
  /** Against the reference's lower bound: an upper bound on the true gap. */
  readonly gapToReferenceBound: number | null;
  readonly runtimeSeconds: number;
  /**
   * Incumbent and bound over time, one point per improvement (performance profiles, primal
   * integral); absent in records written before it existed. Timings: varies between identical runs.
   */
  readonly trajectory?: readonly TrajectoryPoint[];
  /** Instance size by dimension, when the problem states it (scaling studies). */
  readonly dimensions?: Readonly<Record<string, number>>;
  /** Peak process memory during the run (MB; exact when the experiment runs on one thread). */
  readonly peakRssMB?: number;
  readonly open: readonly string[];
  readonly costParts: Readonly<Record<string, number>>;
  /** Non-cost figures (Problem.figures); absent in records written before they existed. */
  readonly figures?: Readonly<Record<string, number>>;
  readonly highs: { readonly version: string; readonly options: Readonly<Record<string, unknown>> };
  readonly host: string;
  readonly finishedAt: string;
  readonly message?: string;
}

/** A cached reference on disk (milp-cache/<refKey>.json). */
export interface ReferenceRecord extends ReferenceOutcome {
  readonly refKey: string;
  readonly instance: string;
  readonly scenario: string;
}

/** One line of stochastic.jsonl. */
export interface StochasticRecord extends StochasticOutcome {
  readonly experiment: string;
  readonly key: string;
  readonly instance: string;
  readonly block: string;
  readonly host: string;
  readonly finishedAt: string;
}

/** Fields that vary between identical runs (for comparisons "ignoring timings"). */
export const TIMING_FIELDS = ['runtimeSeconds', 'finishedAt', 'host', 'peakRssMB', 'trajectory'] as const;

/** A record without the fields that vary between identical runs (for comparing experiments). */
export function withoutTimings(r: RunRecord): Omit<RunRecord, (typeof TIMING_FIELDS)[number]> {
  const copy: Record<string, unknown> = { ...r };
  for (const k of TIMING_FIELDS) delete copy[k];
  return copy as Omit<RunRecord, (typeof TIMING_FIELDS)[number]>;
}

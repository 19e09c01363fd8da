import type { SolveStatus } from '../exact/status.js';
import type { SaaBlock, SaaParameter } from './config-types.js';
import type { TaskSource } from './tasks.js';

/**
 * Which scenarios of a seeded sample a task works on: the `size` scenarios drawn from stream
 * `key`; optionally only those in [slice[0], slice[1]) (each then weighs 1 / slice length), or
 * `only` scenario k alone (probability 1, a wait-and-see problem), or `mean`: one scenario with
 * each factor at its mean over the sample (the expected-value problem).
 */
export interface SaaSample {
  readonly key: string;
  readonly size: number;
  readonly slice?: readonly [number, number];
  readonly only?: number;
  readonly mean?: boolean;
}

/** Solve one SAA problem (a sampled two-stage network) with the block's solver. */
export interface SaaSolveTask {
  readonly type: 'saa-solve';
  readonly source: TaskSource;
  readonly parameters: Readonly<Record<string, SaaParameter>>;
  readonly sample: SaaSample;
  readonly solver: SaaBlock['solver'];
  readonly seed: number;
}

/** Price one design on each scenario of a sample: the exact flow model per scenario. */
export interface SaaPriceTask {
  readonly type: 'saa-price';
  readonly source: TaskSource;
  readonly parameters: Readonly<Record<string, SaaParameter>>;
  readonly sample: SaaSample;
  readonly design: readonly number[];
}

/** A task of an SAA analysis (run by the experiment workers beside the other tasks). */
export type SaaTask = SaaSolveTask | SaaPriceTask;

/** What an SAA problem's solve returns. */
export interface SaaSolveOutcome {
  readonly status: SolveStatus;
  readonly objective: number | null;
  /** The solver's certified lower bound (what the SAA lower bound averages). */
  readonly lowerBound: number | null;
  readonly design: readonly number[];
  readonly open: readonly string[];
  readonly seconds: number;
  readonly message?: string;
}

/** Each scenario's cost of the design (null: the design cannot serve that scenario). */
export interface SaaPriceOutcome {
  readonly costs: readonly (number | null)[];
  readonly seconds: number;
}

/** A mean with its 95% half-width (Student t). */
export interface SaaEstimate {
  readonly mean: number;
  readonly halfWidth: number;
}

/** What one SAA analysis (one block, instance and N) finds. */
export interface SaaOutcome {
  readonly n: number;
  readonly replications: number;
  readonly evaluation: number;
  readonly seed: number;
  readonly solver: SaaBlock['solver'];
  /** The candidate design: the optimum (incumbent) of the SAA problem on the candidate sample. */
  readonly open: readonly string[];
  readonly design: readonly number[];
  readonly candidateStatus: SolveStatus;
  /** Mean of the M replications' certified lower bounds (conservative where a solve stops at a gap). */
  readonly lower: SaaEstimate;
  /** The candidate's expected cost on the independent evaluation sample of N' scenarios. */
  readonly upper: SaaEstimate;
  /** Candidate cost minus the replication's bound, on each replication's own sample (common random numbers). */
  readonly gap: SaaEstimate;
  /** Upper end of the 95% gap interval [0, gapUpper] (Mak, Morton & Wood 1999); relative: / upper mean. */
  readonly gapUpper: number;
  readonly gapUpperRelative: number;
  readonly replicationBounds: readonly number[];
  readonly replicationObjectives: readonly (number | null)[];
  readonly replicationStatus: readonly SolveStatus[];
  /** WS / EEV / RP on the candidate sample (smallest N of the block, `values: true`), else null. */
  readonly values: {
    readonly ws: number;
    readonly eev: number;
    readonly rp: number;
    readonly vss: number;
    readonly evpi: number;
    readonly evOpen: readonly string[];
  } | null;
  /** Worker seconds per phase (solves, pricing) and wall time of the whole analysis. */
  readonly phases: Readonly<Record<string, number>>;
  readonly runtimeSeconds: number;
}

/** One SAA line of stochastic.jsonl (`kind: 'saa'`; the two-stage analyses' lines have no kind). */
export interface SaaRecord extends SaaOutcome {
  readonly kind: 'saa';
  readonly experiment: string;
  readonly key: string;
  readonly instance: string;
  readonly block: string;
  readonly host: string;
  readonly finishedAt: string;
}

/** True for an SAA line of stochastic.jsonl. */
export function isSaaRecord(r: unknown): r is SaaRecord {
  return typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'saa';
}

import type { StatRow } from '../core/result.js';
import type { SolveStatus } from '../exact/status.js';
import type { LoadOptions } from '../problems/problem-kind.js';
import type { ParetoBlock } from './pareto-block.js';
import type { ScenarioSpec } from './scenarios.js';

/** An instance as posted to a worker. */
export interface TaskSource {
  readonly file: string;
  readonly text: string;
  readonly hash: string;
  readonly options: LoadOptions;
  readonly kind: string;
}

/** Solve one instance+scenario with one method and seed. */
export interface RunTask {
  readonly type: 'run';
  readonly source: TaskSource;
  readonly scenario: ScenarioSpec;
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly timeLimit: number | null;
  readonly stop: string | null;
  readonly seed: number;
}

/** Solve the full MILP of one instance+scenario as the reference for gaps. */
export interface ReferenceTask {
  readonly type: 'reference';
  readonly source: TaskSource;
  readonly scenario: ScenarioSpec;
  readonly timeLimit: number | null;
}

/** Regret of the nominal design, expected-value design and two-stage MILP over a scenario block. */
export interface StochasticTask {
  readonly type: 'stochastic';
  readonly source: TaskSource;
  readonly scenarios: readonly ScenarioSpec[];
  /** Optimal design of the nominal instance (bits), from its reference. */
  readonly nominalDesign: readonly number[] | null;
  /** Reference objective per scenario (null where unknown). */
  readonly optima: readonly (number | null)[];
  readonly twoStage: boolean;
  readonly timeLimit: number | null;
}

/** The cost/emission front of one network instance (an experiment's pareto block, src/experiments/pareto-task.ts). */
export interface ParetoTask {
  readonly type: 'pareto';
  readonly source: TaskSource;
  readonly block: ParetoBlock;
  readonly seed: number;
}

/** Anything a worker runs. */
export type Task = RunTask | ReferenceTask | StochasticTask | ParetoTask;

/** What a run returns (plain data). */
export interface RunOutcome {
  readonly instanceName: string;
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  readonly open: readonly string[];
  readonly costParts: Readonly<Record<string, number>>;
  readonly figures: Readonly<Record<string, number>>;
  readonly runtimeSeconds: number;
  readonly stats: readonly StatRow[];
  readonly solver: { readonly version: string; readonly options: Readonly<Record<string, unknown>> };
  readonly message?: string;
  /** Instance size by dimension (when the problem states it). */
  readonly dimensions?: Readonly<Record<string, number>>;
  /** Peak resident memory of the worker's process during the run, in MB (process-wide: exact with one thread). */
  readonly peakRssMB?: number;
}

/** A reference MILP outcome: incumbent and bound, honestly, even at a time limit. */
export interface ReferenceOutcome {
  readonly source: 'milp' | 'known';
  readonly status: SolveStatus;
  readonly objective: number | null;
  readonly lowerBound: number | null;
  readonly design: readonly number[] | null;
  readonly open: readonly string[];
  readonly runtimeSeconds: number;
}

/** Per-scenario figures of a stochastic analysis. */
export interface ScenarioFigures {
  readonly scenario: string;
  /** Reference optimum of the scenario (null if unknown). */
  readonly optimum: number | null;
  /** Cost of the nominal optimal design re-priced by the flow LP in this scenario (null if infeasible). */
  readonly nominalDesignCost: number | null;
  readonly regret: number | null;
  readonly evDesignCost: number | null;
  readonly twoStageDesignCost: number | null;
}

/** What a stochastic analysis returns. */
export interface StochasticOutcome {
  readonly perScenario: readonly ScenarioFigures[];
  readonly nominalOpen: readonly string[];
  readonly evOpen: readonly string[];
  readonly twoStage: {
    readonly status: SolveStatus;
    readonly open: readonly string[];
    readonly bound: number | null;
    readonly runtimeSeconds: number;
  } | null;
  /** Mean over scenarios of the optimum (wait-and-see). */
  readonly ws: number | null;
  /** Expected cost of the expected-value design. */
  readonly eev: number | null;
  /** Expected cost of the two-stage design (recourse problem). */
  readonly rp: number | null;
  readonly vss: number | null;
  readonly evpi: number | null;
  /** Wall time of the whole analysis in the worker. */
  readonly runtimeSeconds: number;
  readonly note?: string;
}

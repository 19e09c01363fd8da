import type { LoadOptions } from '../problems/problem-kind.js';
import type { ParetoBlock } from './pareto-block.js';

/** A multiplier distribution for a scenario parameter (all draws are clamped at 0). */
export type Distribution =
  | { readonly type: 'normal'; readonly mean: number; readonly sd: number }
  | { readonly type: 'lognormal'; readonly mu: number; readonly sigma: number }
  | { readonly type: 'uniform'; readonly low: number; readonly high: number }
  | { readonly type: 'triangular'; readonly low: number; readonly mode: number; readonly high: number };

/** How one parameter group varies: one draw shared by the group, or one draw per item. */
export interface ParameterDraw {
  readonly distribution: Distribution;
  readonly per: 'item' | 'shared';
}

/** One instance of the experiment: a file and how to load it. */
export interface InstanceEntry {
  readonly file: string;
  /** Short name for reports: file name without extension, plus variant/capacity when set. */
  readonly label: string;
  /** Group for summary tables (the config's `group`, else the file's folder). */
  readonly group: string;
  readonly options: LoadOptions;
  /** Instance text made by a generator (then `file` is a virtual name under `generated/`). */
  readonly text?: string;
}

/** One method setting; several may share a method under different labels. */
export interface MethodEntry {
  readonly label: string;
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Seconds, or null for no limit. */
  readonly timeLimit: number | null;
  /** Stopping rule string for heuristics (e.g. `time=5,stall=50`), or null. */
  readonly stop: string | null;
}

/** Which runs a scenario block applies to (null = all). */
export interface BlockScope {
  readonly methods: readonly string[] | null;
  readonly seeds: readonly number[] | null;
  readonly instances: readonly string[] | null;
}

/** N scenarios sampled from distributions on parameter groups. */
export interface StochasticBlock extends BlockScope {
  readonly name: string;
  readonly count: number;
  readonly seed: number;
  readonly parameters: Readonly<Record<string, ParameterDraw>>;
  /** Solve the two-stage stochastic MILP (shared design) for the value of the stochastic solution. */
  readonly twoStage: boolean;
}

/** One uncertain parameter group of an SAA block and how its draws are shared. */
export interface SaaParameter {
  readonly distribution: Distribution;
  /** One draw per scenario for the whole group, or one per cluster / period / node it reaches (correlated within). */
  readonly per: 'shared' | 'cluster' | 'period' | 'node';
}

/** Sample average approximation with statistical bounds (`method: saa` in a stochastic block; network instances). */
export interface SaaBlock {
  readonly name: string;
  readonly instances: readonly string[] | null;
  /** Scenarios per SAA problem; several for the bounds-vs-N plot (one analysis each). */
  readonly n: readonly number[];
  readonly replications: number;
  readonly evaluation: number;
  readonly seed: number;
  readonly solver: {
    readonly name: 'milp' | 'lshaped' | 'hybrid';
    readonly timeLimit: number | null;
    readonly params: Readonly<Record<string, unknown>>;
  };
  readonly parameters: Readonly<Record<string, SaaParameter>>;
  /** Also WS / EEV / RP (VSS, EVPI) on the candidate's sample of the smallest N. */
  readonly values: boolean;
}

/** One-at-a-time sweep (one axis) or two-parameter grid (two axes) of shared multipliers. */
export interface SensitivityBlock extends BlockScope {
  readonly name: string;
  readonly axes: readonly { readonly group: string; readonly values: readonly number[] }[];
}

/** A validated experiment configuration. */
export interface ExperimentConfig {
  /** The config file it was read from (a virtual name for a config given as data). */
  readonly file: string;
  /** The config's text when it was given as data, not read from `file` (kept beside the results). */
  readonly text?: string;
  /** Plugin modules (absolute paths; written relative to the config file) loaded before the methods are read. */
  readonly plugins: readonly string[];
  readonly name: string;
  readonly output: string;
  readonly seeds: readonly number[];
  readonly instances: readonly InstanceEntry[];
  readonly methods: readonly MethodEntry[];
  readonly reference: { readonly enabled: boolean; readonly timeLimit: number | null };
  readonly nominal: boolean;
  readonly stochastic: readonly StochasticBlock[];
  readonly sensitivity: readonly SensitivityBlock[];
  /** Cost/emission fronts per instance and seed (src/experiments/pareto-block.ts). */
  readonly pareto: readonly ParetoBlock[];
  /** SAA analyses (absent in configs built before they existed). */
  readonly saa?: readonly SaaBlock[];
}

import type { HighsHandle } from '../exact/highs-handle.js';

/**
 * A cut of one scenario's second-stage cost Q_s at a first-stage point y^ (binary or fractional),
 * plain data so a worker can post it. Optimality (`feasible`): Q_s(y) >= value + slope (y - y^)
 * for every binary y. Feasibility (not `feasible`): 0 >= value + slope (y - y^) for every y the
 * scenario can serve (`value` > 0 is the scenario's infeasibility at y^).
 */
export interface ScenarioCut {
  readonly scenario: number;
  readonly feasible: boolean;
  readonly value: number;
  readonly slope: Float64Array;
  readonly at: Float64Array;
  /**
   * The exact second-stage cost at a binary y^ when it is larger than `value` (a MIP second stage,
   * whose LP cut is not tight there); absent when the cut is tight at y^.
   */
  readonly exact?: number;
}

/** A linear row over the first-stage bits alone: lower <= sum val_k y_idx_k <= upper. */
export interface DesignRow {
  readonly lower: number;
  readonly upper: number;
  readonly idx: readonly number[];
  readonly val: readonly number[];
}

/**
 * What a two-stage problem offers a decomposition method (L-shaped, progressive hedging): the
 * first stage (cost per design bit, design-only rows) and each scenario's second stage, priced
 * one scenario at a time so scenarios can go to different workers.
 */
export interface TwoStageDecomposition {
  /** Scenario ids and probabilities (summing to 1). */
  readonly scenarios: readonly { readonly id: string; readonly probability: number }[];
  /** Expected first-stage cost of each design bit. */
  readonly firstStageCost: Float64Array;
  /** Rows over the design bits alone (count rules, one option per node). */
  readonly designRows: readonly DesignRow[];
  /** A cut of scenario s at y^ (a binary design, or any point of [0,1]^n). */
  cut(handle: HighsHandle, scenario: number, at: Float64Array): Promise<ScenarioCut>;
  /**
   * Cuts of the listed scenarios at y^, in order; may carry state from one scenario to the next
   * (a warm start), so callers price fixed chunks (`scenarioChunks`) to stay thread-independent.
   */
  cuts(handle: HighsHandle, scenarios: readonly number[], at: Float64Array): Promise<ScenarioCut[]>;
  /**
   * A valid lower bound on scenario s's second-stage cost over every design, with a cut at the
   * point attaining it (the LP relaxation with the design free); starts the master bounded.
   */
  lowerCut(handle: HighsHandle, scenario: number): Promise<ScenarioCut>;
}

/**
 * The flows of a network solution, as plain data (posted between threads, printed by
 * `--flows`): only non-zero entries, named by ids, periods 1-based. Everything the cost and the
 * checker recompute is here; nothing is copied from the solver's objective.
 */
export interface NetworkFlows {
  readonly arcs: readonly ArcFlow[];
  /** Stock at the end of each period. */
  readonly stock: readonly NodeAmount[];
  /** Amount of each conversion's input processed (also for conversions done on arrival). */
  readonly processed: readonly ProcessedAmount[];
  /** What each node supplied (beyond arrivals and production). */
  readonly supplied: readonly NodeAmount[];
  /** What each node absorbed (its demand met). */
  readonly delivered: readonly NodeAmount[];
}

/** Flow of one product on one arc in one period. */
export interface ArcFlow {
  readonly from: string;
  readonly to: string;
  readonly product: string;
  readonly period: number;
  readonly amount: number;
}

/** An amount of a product at a node in a period. */
export interface NodeAmount {
  readonly node: string;
  readonly product: string;
  readonly period: number;
  readonly amount: number;
}

/** Input processed by a conversion (node-level, or of one technology option). */
export interface ProcessedAmount extends NodeAmount {
  readonly option: string | null;
}

/** Amounts below this are solver noise, dropped from decoded flows. */
export const FLOW_EPS = 1e-9;

import type { HighsHandle } from '../exact/highs-handle.js';
import type { LinearModel } from '../exact/linear-model.js';
import type { ExactOptions } from '../exact/solve-model.js';
import type { Design, DesignSpace } from './design.js';
import type { ScenarioOutcome } from './result.js';
import type { TwoStageDecomposition } from './two-stage.js';

/** Cost of a solution split into named parts (e.g. fixed, transport); `total` is their sum. */
export interface CostBreakdown {
  readonly total: number;
  readonly parts: Readonly<Record<string, number>>;
}

/** The exact price of one design: its optimal flows, or why it has none. */
export interface Evaluation<F> {
  readonly feasible: boolean;
  /** Total cost (Infinity when infeasible), recomputed from `flows`. */
  readonly cost: number;
  readonly parts: Readonly<Record<string, number>>;
  readonly flows: F | null;
  /** Why the design is infeasible (e.g. "open capacity 9000 < demand 12000"). */
  readonly reason?: string;
  /**
   * Set when the price is only that of a feasible flow, not the design's optimal one (e.g. an
   * allocation MIP stopped at its time limit): says why. The cost is then an upper bound. On an
   * infeasible evaluation: no verdict was reached (e.g. the flow model stopped before one).
   */
  readonly inexact?: string;
}

/**
 * Options for pricing one design. `fresh` asks for a cold solve (no warm-started persistent
 * model), so the returned flows do not depend on what this thread priced before. `thorough` asks
 * a problem whose exact price may stop at a cap (a single-source assignment MIP) for the longer
 * cap: a search prices many designs with the short one and the best few thoroughly.
 */
export type EvaluateOptions = ExactOptions & { readonly fresh?: boolean; readonly thorough?: boolean };

/** A full MILP together with the map from its column values back to a design and flows. */
export interface MilpFormulation<F> {
  readonly model: LinearModel;
  /** Column of each design bit, when the design bits are columns (used for LP-relaxation guidance). */
  readonly designColumns?: readonly number[];
  decode(values: Float64Array): { design: Design; flows: F };
}

/** The relaxed problem solved at one multiplier vector. */
export interface RelaxedSolution {
  /** L(u): a valid lower bound on the optimum. */
  readonly bound: number;
  /** A subgradient of L at u (violation of the relaxed constraints). */
  readonly subgradient: Float64Array;
  /** The relaxed solution's design: a starting point for the Lagrangian heuristic. */
  readonly design: Design;
  /** Per-bit reduced cost at u (lower = more attractive to open). */
  readonly score: Float64Array;
}

/** A Lagrangian relaxation a problem may offer; the subgradient loop is generic. */
export interface LagrangianRelaxation {
  /** Number of multipliers (relaxed constraints). */
  readonly size: number;
  /** Rough operations per relaxed solve (e.g. sites x customers), used to pace the heuristic. */
  readonly work?: number;
  /** `free` for relaxed equalities, `nonnegative` for relaxed `>=` rows. */
  readonly sign: 'free' | 'nonnegative';
  initial(): Float64Array;
  /**
   * The relaxed problem at `multipliers`. With `fixed` (per design bit 0 or 1 when held there, -1
   * when free), the relaxation of the problem restricted by those bits: a bound of every design
   * that keeps them (a node of search/lagrangian-bnb.ts). A relaxation that offers `fixingBounds`
   * must honour `fixed` in both; others may ignore it (their bound stays valid, only weaker).
   */
  solve(multipliers: Float64Array, fixed?: Int8Array): RelaxedSolution;
  /**
   * For each design bit, L(u) with the bit forced open (`open[i]`) and forced closed
   * (`closed[i]`): valid lower bounds of the problem restricted by that one row (Infinity when the
   * restriction leaves no design) and by `fixed` when given (a bit fixed to b then has bound L(u)
   * at b and Infinity at 1 - b). They need only be tight where they could reach `cutoff` (the
   * incumbent's cost); elsewhere any valid lower bound will do. Used for reduced-cost fixing
   * (search/reduced-cost-fixing.ts) and at every node of the Lagrangian branch-and-bound.
   */
  fixingBounds?(
    multipliers: Float64Array,
    cutoff: number,
    fixed?: Int8Array,
  ): { readonly open: Float64Array; readonly closed: Float64Array };
}

/**
 * What every rlnd problem exposes, and all an algorithm may use. Every problem minimises (a
 * profit model minimises minus its profit), so bounds and gaps mean the same everywhere. A problem is a read-only
 * instance plus the design/flow split: a binary design, priced exactly by a flow LP.
 */
export interface Problem<F = unknown> {
  /** Problem family, e.g. `facility-location`. */
  readonly kind: string;
  /** Instance name, for reports. */
  readonly name: string;
  readonly space: DesignSpace;
  /** Builds the full MILP. */
  buildMilp(): MilpFormulation<F>;
  /**
   * The full MILP with each customer's flow restricted to its `nearest` cheapest sites, or null
   * when that would not make it much smaller or would keep more than `maxColumns` flow columns.
   * A restriction: its designs are feasible for the full problem (and are priced exactly
   * afterwards); its bound is not a bound of the full problem.
   */
  buildSparseMilp?(nearest: number, maxColumns: number): MilpFormulation<F> | null;
  /** Prices a design exactly (flow LP, or a closed form where one is exact). */
  evaluate(handle: HighsHandle, design: Design, options?: EvaluateOptions): Promise<Evaluation<F>>;
  /** Recomputes the cost of a design and flows from the instance data. */
  cost(design: Design, flows: F): CostBreakdown;
  /**
   * Lists every violated constraint of a design and flows (empty when feasible): the one
   * feasibility check, which `solve` runs on every result (with the design space's group rules).
   */
  violations(design: Design, flows: F): string[];
  /** What a problem may tell searches to go faster; every method works without it. */
  readonly hints?: SearchHints;
  /**
   * A problem-specific lower bound (e.g. from a decomposition the structure allows), with
   * designs it suggests. The hybrid takes the best of this and its own bound, and seeds its
   * search with the designs; when one of them attains the bound, the gap is closed.
   */
  bound?(
    handle: HighsHandle,
    deadline: number,
  ): Promise<{ readonly lowerBound: number; readonly designs: readonly Design[] } | null>;
  /**
   * The design with every site that carries no flow closed, or null if none does. The same flows
   * stay optimal for the trimmed design (its feasible set is smaller and still contains them), so
   * the trimmed design is priced for free — a cheap improvement for Lagrangian heuristics.
   */
  trim?(design: Design, flows: F): Design | null;
  /**
   * A fast problem-specific primal heuristic (no LP solver): designs, best first, found by
   * `deadline`; `improved` hears each better one with its cost as the heuristic computed it
   * (for the run's trajectory). The hybrid runs it first and prices its best exactly. With
   * `guide`, it starts from `guide.start` and may use `guide.score` (per bit, lower is more
   * attractive, e.g. Lagrangian reduced costs) to steer its perturbations.
   */
  quickDesigns?(
    deadline: number,
    improved?: (design: Design, cost: number) => void,
    guide?: { readonly start: Design; readonly score: ArrayLike<number> },
  ): Promise<readonly Design[]>;
  /** Instance size by named dimension (e.g. sites, customers), for scaling studies. */
  readonly dimensions?: Readonly<Record<string, number>>;
  /** A Lagrangian relaxation, for problems that have one (used by lagrangian and hybrid). */
  lagrangian?(): LagrangianRelaxation;
  /**
   * Figures of a solution that are not costs (e.g. emissions, kg recovered), each named with its
   * unit. Reported beside the cost parts in results and run records; never part of the objective.
   */
  figures?(design: Design, flows: F): Readonly<Record<string, number>>;
  /** Readable report of a solution (tables as the source paper lays them out). */
  report?(design: Design, flows: F): string;
  /** Two-stage problems: each scenario's probability, cost and unmet demand for a solution. */
  scenarioOutcomes?(design: Design, flows: F): readonly ScenarioOutcome[];
  /** Two-stage problems: the first stage and per-scenario cuts, for decomposition methods (L-shaped). */
  twoStage?(): TwoStageDecomposition;
}

/**
 * Optional search hints: knowledge a problem has that searches use to go faster, never to decide
 * what is feasible or what a solution costs (`evaluate`, `cost` and `violations` do that). Each is
 * absent where it would not mean anything (e.g. one capacity per site on a network whose capacity
 * is per product and period), and every use has a generic fallback.
 */
export interface SearchHints {
  /** Per-bit fixed cost: scores for repair, search moves and the GA's first designs (absent: all 0). */
  readonly siteFixedCost?: readonly number[];
  /**
   * Per-bit capacity and the total demand the open capacity must cover (facility location):
   * repair opens sites until it does, the GA starts near "just enough". Absent: no capacity repair.
   */
  readonly siteCapacity?: readonly number[];
  readonly totalDemand?: number;
  /**
   * A reason, seen without solving, that `design` is infeasible (a cheap necessary condition, e.g.
   * open capacity below demand: searches skip pricing it); without a design, that every design
   * is (the instance is infeasible: `solve` answers at once). Null when none is seen; absent:
   * pricing and the MILP decide.
   */
  infeasibility?(design?: Design): string | null;
}

/** A reason a design is infeasible that the problem sees without solving, or null (see {@link SearchHints}). */
export function designInfeasibility(problem: Pick<Problem, 'hints'>, design: Design): string | null {
  return problem.hints?.infeasibility?.(design) ?? null;
}

/** A reason the whole instance is infeasible that the problem sees without solving, or null. */
export function instanceInfeasibility(problem: Pick<Problem, 'hints'>): string | null {
  return problem.hints?.infeasibility?.() ?? null;
}

/** Per-bit fixed costs from the hints, or zeros (no preference) when the problem gives none. */
export function siteFixedCosts(problem: Pick<Problem, 'hints' | 'space'>): readonly number[] {
  return problem.hints?.siteFixedCost ?? new Array<number>(problem.space.size).fill(0);
}

import { designKey, type Design } from '../core/design.js';
import { relativeGap, type StatRow } from '../core/result.js';
import { scenarioChunks, type ScenarioTask } from '../core/scenario-runner.js';
import type { ScenarioCut, TwoStageDecomposition } from '../core/two-stage.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { solveModel } from '../exact/solve-model.js';
import {
  aggregate,
  feasibilityRow,
  integerRow,
  masterModel,
  noGoodRow,
  optimalityRow,
  type MasterRow,
} from './lshaped-master.js';
import type { SearchProgress } from './progress.js';

/** Relative gap at which the decomposition stops (the extensive form's MIP gap). */
export const LSHAPED_DEFAULT_GAP = 1e-9;
/** Most LP-phase rounds, and rounds without a higher LP bound before the integer master starts. */
const DEFAULT_LP_ROUNDS = 50;
const LP_STALL = 3;
/** An LP-phase round that raises the bound by less than this (relative) counts as a stall. */
const LP_PROGRESS = 1e-5;
/** In-out: weight of the LP point in the separation point (the rest on the core point). */
const IN_OUT_WEIGHT = 0.5;
/** Relative gap left by round-off when the exact master repeats a design (the 1e-6 target). */
const ROUND_OFF = 1e-6;
/** Largest relative MIP gap an early master is stopped at. */
const MASTER_GAP_MAX = 0.01;
/** A cut is added only where the master's theta falls short of it by more than this (relative). */
const VIOLATION = 1e-9;

/** Prices scenario subproblems: on a worker pool, or in this thread ({@link priceLocally}). */
export type ScenarioPricer = (task: ScenarioTask) => Promise<ScenarioCut[]>;

/** What {@link runLShaped} needs: the decomposition, a pricer, the clock and the loop's settings. */
export interface LShapedOptions {
  readonly handle: HighsHandle;
  readonly dec: TwoStageDecomposition;
  readonly price: ScenarioPricer;
  /** performance.now() time to stop at (Infinity: none). */
  readonly deadline: number;
  readonly seed: number;
  /** One theta per scenario (default) or one for the expectation. */
  readonly mode?: 'multi' | 'single';
  /** Relative gap to stop at (default {@link LSHAPED_DEFAULT_GAP}). */
  readonly gap?: number;
  /** LP-phase rounds (default 50, 0: none). */
  readonly lpRounds?: number;
  readonly progress?: SearchProgress;
  /** `method` of the statistics rows (default `lshaped`). */
  readonly label?: string;
}

/** The loop's answer: the best priced design (first stage + expected second stage), the certified bound. */
export interface LShapedOutcome {
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'time_limit';
  readonly best: { readonly design: Design; readonly cost: number } | null;
  /** -Infinity when no bound was found. */
  readonly lowerBound: number;
  readonly stats: StatRow[];
  readonly message?: string;
}

/**
 * The L-shaped loop (Van Slyke & Wets 1969; Birge & Louveaux 1988 for multi-cut): a master MIP
 * over the design with one theta per scenario (or one aggregate); each master design is priced in
 * every scenario, which returns optimality cuts from the scenario LP's reduced costs, or
 * feasibility cuts where a scenario cannot be served. An LP phase first adds cuts at the relaxed
 * master's points; early masters stop at a MIP gap a tenth of the current one. Second stages
 * with integer flows get integer L-shaped cuts. The master's bound is a certified lower bound.
 * Used by the `lshaped` method and as the hybrid's bound on two-stage problems.
 */
export async function runLShaped(o: LShapedOptions): Promise<LShapedOutcome> {
  const t0 = performance.now();
  const deadline = o.deadline;
  const dec = o.dec;
  const mode = o.mode ?? 'multi';
  const gapTarget = o.gap ?? LSHAPED_DEFAULT_GAP;
  const label = o.label ?? 'lshaped';
  const S = dec.scenarios.length;
  const p = dec.scenarios.map((s) => s.probability);
  const all = [...Array(S).keys()];
  const price = o.price;

  // Lower cuts (design free in the LP): a bounded master from the first iteration.
  const lowerCuts = await price({ kind: 'lower', at: null, scenarios: all });
  const lower = lowerCuts.map((c) => c.value);
  const rows: MasterRow[] = [];
  if (mode === 'multi') lowerCuts.forEach((c, s) => rows.push(optimalityRow(c, s)));
  else
    rows.push(
      aggregate(
        lowerCuts.map((c, s) => optimalityRow(c, 0, p[s]!)),
        0,
      ),
    );
  const weights = mode === 'multi' ? p : [1];
  const thetaLower = mode === 'multi' ? lower : [dot(p, lower)];

  let best: { design: Design; cost: number } | null = null;
  let lowerBound = -Infinity;
  const stats: StatRow[] = [];
  const seen = new Set<string>();
  let status: LShapedOutcome['status'] = 'time_limit';
  let masterMessage: string | undefined;
  let scale = Math.max(
    1,
    ...lower.map(Math.abs),
    dec.firstStageCost.reduce((t, c) => t + Math.abs(c), 0),
  );
  const n = dec.firstStageCost.length;
  /** Adds the cuts a point's pricing gives where the master's theta falls short of them. */
  // `point`: where the master's theta was read, when the cuts were made elsewhere (in-out).
  const addOptimalityCuts = (
    cuts: readonly ScenarioCut[],
    theta: (k: number) => number | null,
    point?: Float64Array,
  ): void => {
    const valueAt = (c: ScenarioCut): number => (point ? c.value + dot(c.slope, point) - dot(c.slope, c.at) : c.value);
    if (mode === 'multi') {
      cuts.forEach((c, s) => {
        const t = theta(s);
        const v = valueAt(c);
        if (t === null || t < v - VIOLATION * Math.max(1, Math.abs(v))) rows.push(optimalityRow(c, s));
      });
    } else {
      const v = dot(p, cuts.map(valueAt));
      const t = theta(0);
      if (t === null || t < v - VIOLATION * Math.max(1, Math.abs(v)))
        rows.push(
          aggregate(
            cuts.map((c, s) => optimalityRow(c, 0, p[s]!)),
            0,
          ),
        );
    }
  };

  // LP phase (McDaniel & Devine 1977): cuts at the LP master's fractional points are valid too
  // (each scenario's cost is convex in y) and start the integer master near its LP bound. In-out
  // (Ben-Ameur & Neto 2007; Fischetti, Ljubic & Sinnl 2017 on facility location): cuts are made
  // between the LP point and a core point that follows it, which stops the LP points zigzagging;
  // once the bound stalls, at the LP point itself, and the phase ends when that stalls too.
  const lpRounds = o.lpRounds ?? DEFAULT_LP_ROUNDS;
  let stall = 0;
  let inOut = IN_OUT_WEIGHT;
  const core = new Float64Array(n).fill(1);
  o.progress?.enter('lshaped: LP master');
  for (let round = 1; round <= lpRounds && performance.now() < deadline; round++) {
    const sol = await solveModel(
      o.handle,
      masterModel(dec.firstStageCost, weights, thetaLower, rows, dec.designRows, scale, true),
      { timeLimit: Math.max(0.1, (deadline - performance.now()) / 1000) },
    );
    if (sol.status !== 'optimal' || !sol.values || sol.objective === null) break;
    const bound = sol.objective * scale;
    stall = bound <= lowerBound + LP_PROGRESS * Math.max(1, Math.abs(bound)) ? stall + 1 : 0;
    lowerBound = Math.max(lowerBound, bound);
    if (stall >= LP_STALL) {
      if (inOut === 1) break;
      inOut = 1;
      stall = 0;
    }
    const y = Float64Array.from({ length: n }, (_, i) => Math.min(1, Math.max(0, sol.values![i]!)));
    const at = Float64Array.from(y, (v, i) => inOut * v + (1 - inOut) * core[i]!);
    y.forEach((v, i) => (core[i] = 0.5 * (core[i]! + v)));
    const cuts = await price({ kind: 'cut', at, scenarios: all });
    for (const c of cuts) if (!c.feasible) rows.push(feasibilityRow(c));
    if (cuts.every((c) => c.feasible)) addOptimalityCuts(cuts, (k) => sol.values![n + k]! * scale, y);
    scale = Math.max(scale, ...cuts.map((c) => Math.abs(c.value)));
    stats.push({
      method: label,
      iteration: stats.length + 1,
      timeSeconds: (performance.now() - t0) / 1000,
      upperBound: null,
      lowerBound,
      gap: null,
      cuts: rows.length,
      design: 'lp',
    });
  }

  let exactMaster = false;
  for (;;) {
    const left = (deadline - performance.now()) / 1000;
    if (!(left > 0)) break;
    const master = masterModel(dec.firstStageCost, weights, thetaLower, rows, dec.designRows, scale);
    // While the gap is wide a master need not be solved to the end: its incumbent is a design to
    // price and its dual bound a valid bound (a multi-cut master with thousands of cuts takes
    // minutes to close). Exact once the gap is small or a design repeats.
    const wide = best ? 0.1 * (relativeGap(best.cost, lowerBound) ?? 1) : MASTER_GAP_MAX;
    const masterGap = exactMaster ? gapTarget : Math.max(gapTarget, Math.min(MASTER_GAP_MAX, wide));
    o.progress?.enter('lshaped: master MILP');
    // No absolute MIP gap: the scaled objective is O(1), where HiGHS's default 1e-6 is a relative 1e-6.
    const sol = await solveModel(o.handle, master, {
      timeLimit: left,
      randomSeed: o.seed,
      mipRelGap: masterGap,
      highs: { mip_abs_gap: 0, primal_feasibility_tolerance: 1e-9, mip_feasibility_tolerance: 1e-9 },
    });
    if (sol.status === 'infeasible') {
      // Every design the rules allow has been cut off: no design serves every scenario.
      status = best ? 'optimal' : 'infeasible';
      masterMessage = best ? undefined : 'no design serves every scenario (the L-shaped master became infeasible)';
      break;
    }
    if (sol.status !== 'optimal' || !sol.values || sol.dualBound === null) {
      if (sol.status !== 'time_limit') masterMessage = `master ended ${sol.status}`;
      break;
    }
    lowerBound = Math.max(lowerBound, sol.dualBound * scale);
    const y = Float64Array.from(dec.firstStageCost, (_, i) => (sol.values![i]! > 0.5 ? 1 : 0));
    const key = designKey(Uint8Array.from(y));
    const repeated = seen.has(key);
    seen.add(key);
    // The exact master stops at a relative gap of gapTarget itself: allow that much round-off.
    const closed = (): boolean =>
      best !== null && (relativeGap(best.cost, lowerBound) ?? 1) <= gapTarget * (1 + 1e-6) + 1e-12;
    if (!closed() && !repeated) {
      const cuts = await price({ kind: 'cut', at: y, scenarios: all });
      const infeasible = cuts.filter((c) => !c.feasible || c.exact === Infinity);
      for (const c of infeasible) rows.push(c.feasible ? noGoodRow(y) : feasibilityRow(c));
      if (infeasible.length === 0) {
        const second = cuts.map((c) => c.exact ?? c.value);
        const cost = dot(dec.firstStageCost, y) + dot(p, second);
        if (!best || cost < best.cost) best = { design: Uint8Array.from(y), cost };
        // Every cut at a priced design goes in: an early-stopped master's theta may sit above its
        // cuts, so "not violated" would not mean "tight at this design" (seen: a repeated design
        // with the bound 6e-5 below it).
        addOptimalityCuts(cuts, () => null);
        // A MIP second stage: integer L-shaped cuts where the exact price is above the LP cut.
        if (mode === 'multi') {
          cuts.forEach((c, s) => {
            if (c.exact !== undefined && c.exact > c.value + VIOLATION * Math.max(1, Math.abs(c.exact)))
              rows.push(integerRow(y, c.exact, lower[s]!, s));
          });
        } else {
          const v = dot(
            p,
            cuts.map((c) => c.value),
          );
          const e = dot(p, second);
          if (e > v + VIOLATION * Math.max(1, Math.abs(e))) rows.push(integerRow(y, e, thetaLower[0]!, 0));
        }
      }
      scale = Math.max(scale, ...cuts.map((c) => Math.abs(c.exact ?? c.value)).filter(Number.isFinite));
    }
    stats.push({
      method: label,
      iteration: stats.length + 1,
      timeSeconds: (performance.now() - t0) / 1000,
      upperBound: best?.cost ?? null,
      lowerBound,
      gap: relativeGap(best?.cost ?? null, lowerBound),
      cuts: rows.length,
      design: key,
    });
    // A repeated design has tight cuts at it: an exact master's bound cannot rise any more; an
    // early-stopped master is solved exactly next.
    if (closed()) {
      status = 'optimal';
      break;
    }
    if (repeated && masterGap <= gapTarget) {
      // Tight cuts at a repeated design leave only the master's feasibility tolerance (theta may
      // fall short of a cut by ~1e-9 x scale): up to ROUND_OFF that is a proof, beyond it a warning.
      const gap = relativeGap(best?.cost ?? null, lowerBound) ?? 1;
      status = gap <= ROUND_OFF ? 'optimal' : 'feasible';
      if (gap > ROUND_OFF) masterMessage = `the exact master repeated a design with the gap at ${gap}`;
      break;
    }
    if (repeated) exactMaster = true;
  }
  // Stopped by the clock with an incumbent: a feasible design and a certified bound.
  if (status === 'time_limit' && best) status = 'feasible';
  if (!best && status === 'optimal') status = 'infeasible';
  return { status, best, lowerBound, stats, ...(masterMessage ? { message: masterMessage } : {}) };
}

/** Scenario cuts priced in this thread, in order, in the pool's chunks (so 1 and N threads agree). */
export function priceLocally(handle: HighsHandle, dec: TwoStageDecomposition): ScenarioPricer {
  return async (task) => {
    const out: ScenarioCut[] = [];
    for (const chunk of scenarioChunks(task.scenarios)) {
      if (task.kind === 'cut') out.push(...(await dec.cuts(handle, chunk, task.at!)));
      else for (const s of chunk) out.push(await dec.lowerCut(handle, s));
    }
    return out;
  };
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

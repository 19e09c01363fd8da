import type { LagrangianRelaxation } from '../../core/problem.js';
import type { StatRow } from '../../core/result.js';
import { isBetter, type DesignEvaluator, type Scored } from '../../search/evaluator.js';
import type { MethodContext } from '../method.js';

/** What the hybrid's phases share and improve in turn. */
export interface HybridState {
  readonly ctx: MethodContext;
  readonly ev: DesignEvaluator;
  readonly start: number;
  readonly deadline: number;
  readonly stats: StatRow[];
  lowerBound: number | null;
  /** Per-bit attractiveness (reduced costs or 1 - LP value), lower first. */
  score: Float64Array | null;
  best: Scored | null;
  /** Work of one relaxation solve (e.g. sites x customers), when the problem has a Lagrangian. */
  work: number | null;
  /** The Lagrangian relaxation and the multipliers of its best bound, once the Lagrangian phase ran. */
  relaxation: LagrangianRelaxation | null;
  multipliers: Float64Array | null;
  /** Which bounds contributed, for the result's options. */
  bounds: string[];
}

/** Tells the run's progress (a live log) which phase starts. */
export function enter(st: HybridState, phase: string): void {
  st.ctx.progress?.enter(phase);
}

/** Keeps the better of the current best and `s`. */
export function offer(st: HybridState, s: Scored | null): void {
  if (s && isBetter(s, st.best)) st.best = s;
}

/** Raises the lower bound if `b` is larger, and records where it came from. */
export function raiseBound(st: HybridState, b: number | null, source: string): void {
  if (b === null || !Number.isFinite(b)) return;
  if (st.lowerBound === null || b > st.lowerBound) st.lowerBound = b;
  st.ev.raiseBound(b);
  st.bounds.push(source);
}

/** True once the best design provably attains the lower bound. */
export function proven(st: HybridState): boolean {
  const b = st.best;
  return (
    b !== null &&
    st.lowerBound !== null &&
    b.evaluation.cost - st.lowerBound <= 1e-9 * Math.max(1, Math.abs(b.evaluation.cost))
  );
}

/** Appends a statistics row for a finished phase. */
export function record(st: HybridState, phase: string): void {
  const ub = st.best?.evaluation.cost ?? null;
  const lb = st.lowerBound;
  st.stats.push({
    method: `hybrid:${phase}`,
    iteration: st.stats.length,
    timeSeconds: (performance.now() - st.start) / 1000,
    upperBound: ub,
    lowerBound: lb,
    gap: ub !== null && lb !== null ? Math.max(0, (ub - lb) / Math.abs(ub)) : null,
    evaluations: st.ev.evaluations,
  });
}

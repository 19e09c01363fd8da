import { designKey, type Design } from '../core/design.js';
import type { Evaluation, Problem } from '../core/problem.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import type { BatchRunner } from '../parallel/batch-runner.js';

/** A priced design. */
export interface Scored {
  readonly design: Design;
  readonly evaluation: Evaluation<unknown>;
}

/**
 * Costs are compared after rounding to this relative precision, and ties are broken by the
 * design's key: warm-started LPs may return equal-cost alternative optima with 1e-10 noise, and a
 * search must not branch on that noise (same seed => same result, whatever the threads).
 */
const COMPARE_DIGITS = 1e-9;

/** Rounded cost used for every comparison in a search. */
export function comparableCost(cost: number): number {
  if (!Number.isFinite(cost)) return Infinity;
  const scale = Math.max(1, Math.abs(cost)) * COMPARE_DIGITS;
  return Math.round(cost / scale) * scale;
}

/** True when `a` is strictly better than `b` (lower rounded cost, then smaller key). */
export function isBetter(a: Scored, b: Scored | null): boolean {
  if (!b) return a.evaluation.feasible;
  const ca = comparableCost(a.evaluation.cost);
  const cb = comparableCost(b.evaluation.cost);
  if (ca !== cb) return ca < cb;
  return designKey(a.design) < designKey(b.design);
}

/**
 * Prices designs for a search: caches every evaluation by design, sends uncached batches to the
 * injected runner (worker pool) or prices them here, and keeps the best feasible design.
 */
export class DesignEvaluator {
  private readonly cache = new Map<string, Evaluation<unknown>>();
  best: Scored | null = null;
  /** Distinct designs priced exactly. */
  evaluations = 0;

  constructor(
    readonly problem: Problem,
    private readonly handle: HighsHandle,
    private readonly runner: BatchRunner | null,
  ) {}

  /** Prices one design. */
  async evaluate(design: Design): Promise<Evaluation<unknown>> {
    return (await this.evaluateAll([design]))[0]!;
  }

  /** Prices designs in order; uncached ones go out as one batch. Returned evaluations carry no flows. */
  async evaluateAll(designs: readonly Design[]): Promise<Evaluation<unknown>[]> {
    const missing: Design[] = [];
    const seen = new Set<string>();
    for (const d of designs) {
      const k = designKey(d);
      if (!this.cache.has(k) && !seen.has(k)) {
        seen.add(k);
        missing.push(d);
      }
    }
    if (missing.length > 0) {
      const priced = this.runner && missing.length > 1 ? await this.runner.evaluateAll(missing) : await this.local(missing);
      // The cache keeps prices, not flows: flows of thousands of designs would fill the memory,
      // and only the best design's flows are ever returned (and re-priced cold at the end).
      missing.forEach((d, k) => this.remember(d, priced[k]!));
    }
    return designs.map((d) => this.cache.get(designKey(d))!);
  }

  /**
   * Prices one design and returns its flows too (not cached: only the price is), e.g. for a
   * trim step that derives a neighbour's exact price from them.
   */
  async evaluateWithFlows(design: Design): Promise<Evaluation<unknown>> {
    const ev = (await this.local([design]))[0]!;
    this.remember(design, ev);
    return ev;
  }

  /** Records a design whose exact price is already known (derived, not solved). */
  remember(design: Design, ev: Evaluation<unknown>): void {
    const k = designKey(design);
    if (this.cache.has(k)) return;
    this.cache.set(k, { feasible: ev.feasible, cost: ev.cost, parts: ev.parts, flows: null, ...(ev.reason ? { reason: ev.reason } : {}), ...(ev.inexact ? { inexact: ev.inexact } : {}) });
    this.evaluations++;
    const scored = { design, evaluation: ev };
    if (isBetter(scored, this.best)) this.best = scored;
  }

  /** Cached evaluation of a design, if any. */
  cached(design: Design): Evaluation<unknown> | undefined {
    return this.cache.get(designKey(design));
  }

  private async local(designs: Design[]): Promise<Evaluation<unknown>[]> {
    const out: Evaluation<unknown>[] = [];
    for (const d of designs) {
      const q = this.problem.quickInfeasibility(d);
      out.push(q ? { feasible: false, cost: Infinity, parts: {}, flows: null, reason: q } : await this.problem.evaluate(this.handle, d));
    }
    return out;
  }
}

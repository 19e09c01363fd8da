import { designKey, type Design } from '../core/design.js';
import { designInfeasibility, type EvaluateOptions, type Evaluation, type Problem } from '../core/problem.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { UNPRICED, type BatchRunner } from '../core/batch-runner.js';
import { breathe } from './breathe.js';

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

export { UNPRICED };

/**
 * Prices designs for a search: caches every evaluation by design, sends uncached batches to the
 * injected runner (worker pool) or prices them here, and keeps the best feasible design.
 * With a deadline, a batch is priced only as far as the measured time per design says it fits
 * (always at least one round until a feasible design is known): one pricing can take seconds on a
 * large instance, and a search checks its deadline only between batches.
 */
export class DesignEvaluator {
  private readonly cache = new Map<string, Evaluation<unknown>>();
  best: Scored | null = null;
  /** Distinct designs priced exactly. */
  evaluations = 0;
  /** Best lower bound the search using this evaluator has proved (for an interrupted run), or null. */
  lowerBound: number | null = null;
  /** Measured wall seconds of one pricing round (one design per worker), null before the first. */
  secondsPerRound: number | null = null;

  constructor(
    readonly problem: Problem,
    private readonly handle: HighsHandle,
    private readonly runner: BatchRunner | null,
    /** performance.now() milliseconds after which no new pricing round starts; Infinity: none. */
    readonly deadline = Infinity,
  ) {}

  /** Records a proved lower bound if it is better than the one known. */
  raiseBound(bound: number): void {
    if (Number.isFinite(bound) && (this.lowerBound === null || bound > this.lowerBound)) this.lowerBound = bound;
  }

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
    const unpriced = new Map<string, Evaluation<unknown>>();
    if (!Number.isFinite(this.deadline)) await this.priceAll(missing);
    else {
      const workers = this.runner && missing.length > 1 ? Math.max(1, this.runner.threads) : 1;
      let at = 0;
      while (at < missing.length) {
        const left = (this.deadline - performance.now()) / 1000;
        // Rounds that fit in the time left; one probing round while the time per round is unknown.
        let rounds = this.secondsPerRound === null ? 1 : Math.floor(left / Math.max(this.secondsPerRound, 1e-6));
        if (rounds < 1 && this.best === null && at === 0) rounds = 1;
        if (rounds < 1) break;
        const part = missing.slice(at, at + rounds * workers);
        const t0 = performance.now();
        const priced = await this.priceAll(part, Math.max(0.5, left));
        // Designs a pool abandoned at the deadline (see BatchRunner): unpriced, not cached.
        priced.forEach((ev, k) => {
          if (ev.reason === UNPRICED) unpriced.set(designKey(part[k]!), ev);
        });
        const perRound = (performance.now() - t0) / 1000 / Math.ceil(part.length / workers);
        this.secondsPerRound = this.secondsPerRound === null ? perRound : 0.5 * this.secondsPerRound + 0.5 * perRound;
        at += part.length;
      }
      for (const d of missing.slice(at))
        unpriced.set(designKey(d), { feasible: false, cost: Infinity, parts: {}, flows: null, reason: UNPRICED });
    }
    return designs.map((d) => this.cache.get(designKey(d)) ?? unpriced.get(designKey(d))!);
  }

  private async priceAll(missing: Design[], timeLimit?: number): Promise<Evaluation<unknown>[]> {
    if (missing.length === 0) return [];
    const options = timeLimit !== undefined ? { timeLimit } : {};
    // A pool gives up past the time left (its workers may sit in one long HiGHS call): half a second
    // once a feasible design is known, 1.5 s for the probing round that may find the first one.
    const priced =
      this.runner && missing.length > 1
        ? await this.runner.evaluateAll(missing, {
            ...options,
            ...(timeLimit !== undefined ? { abortAfter: timeLimit + (this.best ? 0.5 : 1.5) } : {}),
          })
        : await this.local(missing, options);
    // The cache keeps prices, not flows: flows of thousands of designs would fill the memory,
    // and only the best design's flows are ever returned (and re-priced cold at the end).
    missing.forEach((d, k) => {
      if (priced[k]!.reason !== UNPRICED) this.remember(d, priced[k]!);
    });
    return priced;
  }

  /**
   * Prices one design and returns its flows too (not cached: only the price is), e.g. for a
   * trim step that derives a neighbour's exact price from them.
   */
  async evaluateWithFlows(design: Design): Promise<Evaluation<unknown>> {
    const left = (this.deadline - performance.now()) / 1000;
    const ev = (await this.local([design], Number.isFinite(left) ? { timeLimit: Math.max(0.5, left) } : {}))[0]!;
    this.remember(design, ev);
    return ev;
  }

  /** Records a design whose exact price is already known (derived, not solved). */
  remember(design: Design, ev: Evaluation<unknown>): void {
    const k = designKey(design);
    if (this.cache.has(k)) return;
    this.cache.set(k, {
      feasible: ev.feasible,
      cost: ev.cost,
      parts: ev.parts,
      flows: null,
      ...(ev.reason ? { reason: ev.reason } : {}),
      ...(ev.inexact ? { inexact: ev.inexact } : {}),
    });
    this.evaluations++;
    const scored = { design, evaluation: ev };
    if (isBetter(scored, this.best)) this.best = scored;
  }

  /** Cached evaluation of a design, if any. */
  cached(design: Design): Evaluation<unknown> | undefined {
    return this.cache.get(designKey(design));
  }

  private async local(designs: Design[], options: EvaluateOptions = {}): Promise<Evaluation<unknown>[]> {
    const out: Evaluation<unknown>[] = [];
    for (const d of designs) {
      await breathe();
      const q = designInfeasibility(this.problem, d);
      const ev: Evaluation<unknown> = q
        ? { feasible: false, cost: Infinity, parts: {}, flows: null, reason: q }
        : await this.problem.evaluate(this.handle, d, options);
      // Remembered at once, so an interrupted batch still leaves its best design behind.
      this.remember(d, ev);
      out.push(ev);
    }
    return out;
  }
}

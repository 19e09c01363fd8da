import type { DesignEvaluator, Scored } from './evaluator.js';

/**
 * What a run has found so far, readable at any moment (e.g. when the user interrupts it, or by a
 * live log's timer): the evaluators of its searches (each keeps its best priced design, with
 * flows) and their bounds, and the phase the method says it is in. Methods register their
 * evaluators and name their phases here; nothing else is shared.
 */
export class SearchProgress {
  private readonly evaluators: DesignEvaluator[] = [];
  /** The phase the method is in (e.g. `lagrangian`, `milp: HiGHS solving`); `start` before any. */
  phase = 'start';
  /** performance.now() milliseconds at which {@link phase} began. */
  phaseStartedAt = performance.now();

  /** Adds an evaluator whose best design and bound count. */
  register(ev: DesignEvaluator): void {
    this.evaluators.push(ev);
  }

  /** Names the phase the method enters (read by a live log; no effect on the search). */
  enter(phase: string): void {
    this.phase = phase;
    this.phaseStartedAt = performance.now();
  }

  /** The best feasible design priced so far (with its flows), or null. */
  best(): Scored | null {
    let best: Scored | null = null;
    for (const ev of this.evaluators) {
      const b = ev.best;
      if (b && b.evaluation.feasible && (!best || b.evaluation.cost < best.evaluation.cost)) best = b;
    }
    return best;
  }

  /** The best lower bound any search proved so far, or null. */
  lowerBound(): number | null {
    const bounds = this.evaluators
      .map((ev) => ev.lowerBound)
      .filter((b): b is number => b !== null && Number.isFinite(b));
    return bounds.length > 0 ? Math.max(...bounds) : null;
  }

  /** Distinct designs priced exactly so far, over all registered evaluators. */
  priced(): number {
    return this.evaluators.reduce((n, ev) => n + ev.evaluations, 0);
  }
}

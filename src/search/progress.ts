import type { DesignEvaluator, Scored } from './evaluator.js';

/**
 * What a run has found so far, readable at any moment (e.g. when the user interrupts it): the
 * evaluators of its searches (each keeps its best priced design, with flows) and their bounds.
 * Methods register their evaluators here; nothing else is shared.
 */
export class SearchProgress {
  private readonly evaluators: DesignEvaluator[] = [];

  /** Adds an evaluator whose best design and bound count. */
  register(ev: DesignEvaluator): void {
    this.evaluators.push(ev);
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
}

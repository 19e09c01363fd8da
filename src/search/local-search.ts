import { groupViolation, type Design } from '../core/design.js';
import { designInfeasibility } from '../core/problem.js';
import { isBetter, type DesignEvaluator, type Scored } from './evaluator.js';
import { dropAddMoves, groupMoves, swapMoves, type Neighbour } from './neighbourhood.js';

/** Limits of one local search. */
export interface LocalSearchOptions {
  /** Wall-clock deadline (performance.now() milliseconds). */
  readonly deadline: number;
  /** Closed sites considered as swap-in partners (by score). */
  readonly swapCandidates?: number;
  readonly maxRounds?: number;
  /** Attractiveness per bit, lower first (e.g. Lagrangian reduced costs). */
  readonly score: ArrayLike<number>;
}

/** Swap-in partners per open site: all of them on small designs, fewer as designs grow. */
function swapBudget(d: Design): number {
  const open = Math.max(
    1,
    d.reduce((a, b) => a + b, 0),
  );
  return Math.max(8, Math.floor(MAX_SWAPS / open));
}

/** Roughly how many swap moves one round may price. */
const MAX_SWAPS = 1500;

/** Designs with more bits than this try only the most promising drops and adds. */
const LARGE_DESIGN = 200;
const LARGE_MOVE_LIMIT = 16;

/** Moves priced per batch between deadline checks (small and large designs). */
const CHUNK = 16;
const LARGE_CHUNK = 4;

/**
 * Best-improvement descent with exactly priced moves: first the cheap neighbourhood
 * (drop, add, group change); only when it has no improving move, swaps. Each neighbourhood is
 * priced as one batch, so a worker pool prices it in parallel and the order of results - hence
 * the path of the search - does not depend on the number of workers.
 */
export async function localSearch(ev: DesignEvaluator, start: Design, options: LocalSearchOptions): Promise<Scored> {
  const space = ev.problem.space;
  let current: Scored = { design: start, evaluation: await ev.evaluate(start) };
  const maxRounds = options.maxRounds ?? 1000;
  for (let round = 0; round < maxRounds && performance.now() < options.deadline; round++) {
    const stages: Array<() => Neighbour[]> = [
      () => [
        ...dropAddMoves(space, current.design, options.score, space.size > LARGE_DESIGN ? LARGE_MOVE_LIMIT : Infinity),
        ...groupMoves(space, current.design),
      ],
      () => swapMoves(space, current.design, options.score, options.swapCandidates ?? swapBudget(current.design)),
    ];
    let improved = false;
    for (const stage of stages) {
      if (performance.now() >= options.deadline) break;
      const moves = stage().filter(
        (m) => groupViolation(space, m.design) === null && designInfeasibility(ev.problem, m.design) === null,
      );
      if (moves.length === 0) continue;
      // Price in chunks so a large neighbourhood cannot run far past the deadline.
      // On large designs a move costs seconds: take the best move of the first chunk that improves
      // (chunk order is fixed, so this stays deterministic) instead of pricing every move.
      const firstImprovement = space.size > LARGE_DESIGN;
      // There chunks are small, so the deadline is checked every few pricings. Fixed sizes, never
      // the thread count: the path of the search must not depend on it.
      const chunkSize = firstImprovement ? LARGE_CHUNK : CHUNK;
      let best: Scored | null = null;
      for (let at = 0; at < moves.length && performance.now() < options.deadline; at += chunkSize) {
        const chunk = moves.slice(at, at + chunkSize);
        const priced = await ev.evaluateAll(chunk.map((m) => m.design));
        chunk.forEach((m, k) => {
          const s = { design: m.design, evaluation: priced[k]! };
          if (isBetter(s, best)) best = s;
        });
        if (firstImprovement && best && isBetter(best, current)) break;
      }
      if (best && isBetter(best, current)) {
        current = best;
        improved = true;
        break;
      }
    }
    if (!improved) break;
  }
  return current;
}

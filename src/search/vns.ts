import type { Design } from '../core/design.js';
import { designInfeasibility } from '../core/problem.js';
import type { StatRow } from '../core/result.js';
import type { StoppingCriterion } from '../core/stopping.js';
import { isBetter, type DesignEvaluator, type Scored } from './evaluator.js';
import { localSearch } from './local-search.js';
import { freeBits } from './neighbourhood.js';
import { repair } from './repair.js';
import type { Rng } from './rng.js';

/** VNS parameters; the defaults suit designs of 10-1000 bits. */
export interface VnsParams {
  /** Largest shake: this many random moves at once. */
  readonly kMax?: number;
  /** Stop after this many shakes in a row without improvement. */
  readonly stallShakes?: number;
}

/** What the VNS needs besides its parameters. */
export interface VnsInput {
  readonly evaluator: DesignEvaluator;
  readonly rng: Rng;
  readonly start: Scored;
  readonly deadline: number;
  readonly stop: StoppingCriterion | null;
  readonly params: VnsParams;
  /** Per-bit attractiveness for repair and local search (lower first). */
  readonly score: ArrayLike<number>;
  /** Swap-in partners per open site in the local search (default: the local search's own). */
  readonly swapCandidates?: number;
  readonly lowerBound?: number | null;
  readonly startTime: number;
}

const DEFAULT_K_MAX = 6;
// One full cycle of neighbourhoods k = 1..kMax without improvement: a local optimum for all of them.
const DEFAULT_STALL_SHAKES = DEFAULT_K_MAX;

/**
 * Shakes `d` by `k` random moves on free bits — close an open site, open a closed one, or swap
 * the two — then repairs it (groups, capacity). Several moves at once reach designs that differ
 * from a local optimum in several sites (e.g. fewer, larger sites), which single moves cannot.
 */
export function shake(d: Design, k: number, free: readonly number[], rng: Rng): Design {
  const n = Uint8Array.from(d);
  for (let s = 0; s < k; s++) {
    const open = free.filter((i) => n[i]);
    const closed = free.filter((i) => !n[i]);
    const r = rng.next();
    const close = open.length > 1 && (r < 0.4 || (r >= 0.6 && closed.length > 0));
    const add = closed.length > 0 && r >= 0.4;
    if (close) n[open[rng.int(open.length)]!] = 0;
    if (add) n[closed[rng.int(closed.length)]!] = 1;
  }
  return n;
}

/**
 * Basic variable neighbourhood search (Mladenović & Hansen 1997) from `start`: shake the best
 * design by k random moves, descend with the exact local search, and move there if better
 * (k back to 1); otherwise k + 1, cycling after `kMax`. Every design is priced exactly; the path
 * depends only on the seed, never on the number of workers (the local search prices whole batches).
 */
export async function variableNeighbourhoodSearch(input: VnsInput): Promise<{ best: Scored; stats: StatRow[] }> {
  const { evaluator: ev, rng, params } = input;
  const problem = ev.problem;
  const free = freeBits(problem.space);
  const kMax = params.kMax ?? DEFAULT_K_MAX;
  const stall = params.stallShakes ?? DEFAULT_STALL_SHAKES;
  let best = input.start;
  let k = 1;
  let sinceImprovement = 0;
  const stats: StatRow[] = [];
  for (let shakes = 1; performance.now() < input.deadline && sinceImprovement < stall; shakes++) {
    const shaken = repair(problem, shake(best.design, k, free, rng), rng, input.score);
    const found =
      designInfeasibility(problem, shaken) === null
        ? await localSearch(ev, shaken, {
            deadline: input.deadline,
            score: input.score,
            ...(input.swapCandidates ? { swapCandidates: input.swapCandidates } : {}),
          })
        : null;
    if (found && isBetter(found, best)) {
      best = found;
      k = 1;
      sinceImprovement = 0;
    } else {
      k = k >= kMax ? 1 : k + 1;
      sinceImprovement++;
    }
    const ub = best.evaluation.cost;
    const lb = input.lowerBound ?? null;
    const elapsedSeconds = (performance.now() - input.startTime) / 1000;
    stats.push({
      method: 'vns',
      iteration: shakes,
      timeSeconds: elapsedSeconds,
      upperBound: ub,
      lowerBound: lb,
      gap: lb !== null ? Math.max(0, (ub - lb) / Math.abs(ub)) : null,
      evaluations: ev.evaluations,
    });
    if (input.stop?.shouldStop({ iteration: shakes, elapsedSeconds, sinceImprovement, upperBound: ub, lowerBound: lb }))
      break;
  }
  return { best, stats };
}

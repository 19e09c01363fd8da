import { designKey, type Design } from '../core/design.js';
import type { StatRow } from '../core/result.js';
import type { StoppingCriterion } from '../core/stopping.js';
import { isBetter, type DesignEvaluator, type Scored } from './evaluator.js';
import { localSearch } from './local-search.js';
import { mutate, randomDesign, tournament, uniformCrossover } from './operators.js';
import { repair, siteScores } from './repair.js';
import type { Rng } from './rng.js';

/** Children priced per batch between deadline checks (a multiple of typical pool sizes). */
const GA_CHUNK = 16;

/** GA parameters; every one has a default suited to designs of 10-1000 bits. */
export interface GaParams {
  readonly populationSize?: number;
  readonly crossoverRate?: number;
  /** Per-bit mutation rate (default 1 / design size, at least 0.01). */
  readonly mutationRate?: number;
  readonly tournamentSize?: number;
  readonly elites?: number;
  /** Run local search on the best design every this many generations (0: never). */
  readonly localSearchEvery?: number;
  readonly maxGenerations?: number;
  /** Stop after this many generations without improvement. */
  readonly stallGenerations?: number;
}

/** What the GA needs besides its parameters. */
export interface GaInput {
  readonly evaluator: DesignEvaluator;
  readonly rng: Rng;
  readonly deadline: number;
  readonly stop: StoppingCriterion | null;
  readonly params: GaParams;
  /** Designs to put in the first population (e.g. from a Lagrangian heuristic). */
  readonly seeds?: readonly Design[];
  /** Per-bit attractiveness for repair and local search (lower first). */
  readonly score?: ArrayLike<number>;
  /** Lower bound, when known, for the stopping rule and statistics. */
  readonly lowerBound?: number | null;
  readonly startTime: number;
}

/**
 * Steady generational GA over designs: tournament selection, uniform (group-preserving)
 * crossover, bit-flip mutation, repair to structural and capacity feasibility, elitism, and an
 * exact local search on the best design. Every design is priced exactly by the problem's flow
 * model; a generation's children are priced as one batch (parallel when a pool is injected).
 */
export async function geneticAlgorithm(input: GaInput): Promise<{ best: Scored | null; stats: StatRow[] }> {
  const { evaluator: ev, rng, params } = input;
  const problem = ev.problem;
  const size = problem.space.size;
  const popSize = params.populationSize ?? Math.min(60, Math.max(16, 2 * Math.ceil(Math.sqrt(size)) + 10));
  const rate = params.mutationRate ?? Math.max(0.01, 1 / size);
  const elites = params.elites ?? 2;
  const lsEvery = params.localSearchEvery ?? 10;
  const maxGen = params.maxGenerations ?? 500;
  const stall = params.stallGenerations ?? 60;
  const score = input.score ?? siteScores(problem);
  const capSum = (problem.hints?.siteCapacity ?? []).reduce((a, c) => a + (Number.isFinite(c) ? c : 0), 0);
  const demand = problem.hints?.totalDemand ?? 0;
  // Diverse starting densities: from "just enough capacity" (repair tops it up) to a half-open network.
  const pLow = demand > 0 && capSum > 0 ? Math.min(0.9, demand / capSum) : 0.05;
  const pOpen = (): number => pLow + rng.next() * Math.max(0, 0.6 - pLow);

  const initial: Design[] = (input.seeds ?? []).map((d) => repair(problem, d, rng, score));
  while (initial.length < popSize) initial.push(repair(problem, randomDesign(problem.space, pOpen(), rng), rng, score));
  const evals = await ev.evaluateAll(initial);
  let pop: Scored[] = initial.map((design, k) => ({ design, evaluation: evals[k]! }));

  const stats: StatRow[] = [];
  let best: Scored | null = null;
  let sinceImprovement = 0;
  const record = (gen: number): void => {
    const ub = best?.evaluation.cost ?? null;
    const lb = input.lowerBound ?? null;
    stats.push({
      method: 'ga',
      iteration: gen,
      timeSeconds: (performance.now() - input.startTime) / 1000,
      upperBound: ub,
      lowerBound: lb,
      gap: ub !== null && lb !== null ? Math.max(0, (ub - lb) / Math.abs(ub)) : null,
      evaluations: ev.evaluations,
    });
  };
  for (const s of pop) if (isBetter(s, best)) best = s;
  record(0);

  for (let gen = 1; gen <= maxGen; gen++) {
    if (performance.now() >= input.deadline || sinceImprovement >= stall) break;
    const ranked = [...pop].sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0));
    const children: Design[] = [];
    const keys = new Set(ranked.slice(0, elites).map((s) => designKey(s.design)));
    while (children.length < popSize - elites) {
      const a = tournament(pop, rng, params.tournamentSize ?? 2).design;
      const b = tournament(pop, rng, params.tournamentSize ?? 2).design;
      let child =
        rng.next() < (params.crossoverRate ?? 0.9) ? uniformCrossover(problem.space, a, b, rng) : Uint8Array.from(a);
      child = repair(problem, mutate(problem.space, child, rate, rng), rng, score);
      const k = designKey(child);
      // Duplicates waste a slot; allow a few before accepting them, so the loop always ends.
      if (keys.has(k) && rng.next() < 0.9) continue;
      keys.add(k);
      children.push(child);
    }
    // Priced in chunks so a generation cannot run far past the deadline; children left unpriced
    // when it passes are dropped (the search stops after this generation anyway).
    const priced: Scored[] = [];
    for (let at = 0; at < children.length && (at === 0 || performance.now() < input.deadline); at += GA_CHUNK) {
      const part = children.slice(at, at + GA_CHUNK);
      const evs = await ev.evaluateAll(part);
      part.forEach((design, k) => priced.push({ design, evaluation: evs[k]! }));
    }
    pop = [...ranked.slice(0, elites), ...priced];
    const before = best;
    for (const s of pop) if (isBetter(s, best)) best = s;
    if (lsEvery > 0 && gen % lsEvery === 0 && best) {
      const improved = await localSearch(ev, best.design, { deadline: input.deadline, score });
      if (isBetter(improved, best)) {
        best = improved;
        pop[pop.length - 1] = improved;
      }
    }
    sinceImprovement = best === before ? sinceImprovement + 1 : 0;
    record(gen);
    const ub = best?.evaluation.cost ?? null;
    if (
      input.stop?.shouldStop({
        iteration: gen,
        elapsedSeconds: (performance.now() - input.startTime) / 1000,
        sinceImprovement,
        upperBound: ub,
        lowerBound: input.lowerBound ?? null,
      })
    )
      break;
  }
  if (best && lsEvery > 0 && performance.now() < input.deadline) {
    const improved = await localSearch(ev, best.design, { deadline: input.deadline, score });
    if (isBetter(improved, best)) best = improved;
    record(stats.length);
  }
  return { best, stats };
}

import { designKey } from '../core/design.js';
import type { LagrangianRelaxation } from '../core/problem.js';
import type { StatRow } from '../core/result.js';
import type { StoppingCriterion } from '../core/stopping.js';
import { isBetter, type DesignEvaluator, type Scored } from './evaluator.js';
import { breathe } from './breathe.js';
import { repair } from './repair.js';
import type { Rng } from './rng.js';
import { SubgradientStepper } from './subgradient.js';

/** Below this step factor the subgradient is in its end phase. */
const LATE_LAMBDA = 0.01;

/** Output of a Lagrangian run: best bound, best design found, and guidance for later search. */
export interface LagrangianOutcome {
  readonly lowerBound: number;
  readonly best: Scored | null;
  /** Reduced costs at the best multipliers (lower = more attractive). */
  readonly score: Float64Array;
  /** The multipliers that gave `lowerBound` (for reduced-cost fixing). */
  readonly multipliers: Float64Array;
  readonly stats: StatRow[];
  readonly iterations: number;
}

/** Options of the subgradient loop. */
export interface LagrangianParams {
  readonly maxIterations?: number;
  /** Run the Lagrangian heuristic every this many iterations. */
  readonly heuristicEvery?: number;
  readonly patience?: number;
}

/**
 * Subgradient optimisation of a problem's Lagrangian relaxation with a Lagrangian heuristic:
 * the relaxed design is repaired (group rules, enough capacity, guided by reduced costs) and
 * priced exactly by the flow LP, giving upper bounds. Stops on the deadline, the stopping rule,
 * convergence of the step, or a gap of 1e-9.
 */
export async function lagrangianSearch(input: {
  relaxation: LagrangianRelaxation;
  evaluator: DesignEvaluator;
  rng: Rng;
  deadline: number;
  stop: StoppingCriterion | null;
  params: LagrangianParams;
  startTime: number;
  method?: string;
  /** A design found before (e.g. by a quick heuristic): the first upper bound of the step size. */
  incumbent?: Scored | null;
}): Promise<LagrangianOutcome> {
  const { relaxation, evaluator: ev, rng, params } = input;
  const problem = ev.problem;
  const stepper = new SubgradientStepper(relaxation, relaxation.initial(), params.patience ?? 20);
  // One exact pricing costs about as much as `work / 100k` subgradient steps (both scale with the
  // relaxation's size), so large instances price a heuristic design less often. Counted in work,
  // not time, so the search path does not depend on the machine or the thread count.
  const every = params.heuristicEvery ?? Math.max(5, Math.round((relaxation.work ?? 0) / 100_000));
  const maxIt = params.maxIterations ?? 5000;
  const stats: StatRow[] = [];
  const tried = new Map<string, Scored>();
  let best: Scored | null = input.incumbent ?? null;
  let score = new Float64Array(problem.space.size);
  let sinceImprovement = 0;
  let it = 0;
  for (it = 1; it <= maxIt && performance.now() < input.deadline; it++) {
    await breathe();
    const lbBefore = stepper.best;
    const sol = stepper.step(best?.evaluation.cost ?? null);
    if (stepper.best > lbBefore) score = Float64Array.from(sol.score);
    ev.raiseBound(stepper.best);
    // Near convergence (small step) the multipliers are at their best: price their designs more often.
    const spacing = stepper.lambda < LATE_LAMBDA ? Math.max(5, Math.round(every / 5)) : every;
    if (it === 1 || stepper.converged(sol) || it % spacing === 0) {
      const d = repair(problem, sol.design, rng, sol.score);
      const key = designKey(d);
      if (!tried.has(key)) {
        const priced = ev.cached(d) ?? (await ev.evaluateWithFlows(d));
        const candidates: Scored[] = [{ design: d, evaluation: priced }];
        // Closing the sites the optimal flows leave unused is priced for free (see Problem.trim).
        const trimmed = priced.flows !== null && problem.trim ? problem.trim(d, priced.flows) : null;
        if (trimmed) {
          const c = problem.cost(trimmed, priced.flows);
          const tEval = { feasible: true, cost: c.total, parts: c.parts, flows: null };
          ev.remember(trimmed, tEval);
          candidates.push({ design: trimmed, evaluation: tEval });
        }
        tried.set(key, candidates[0]!);
        for (const scored of candidates) {
          if (trimmed) tried.set(designKey(scored.design), scored);
          if (isBetter(scored, best)) {
            best = scored;
            sinceImprovement = 0;
          }
        }
      }
    }
    sinceImprovement++;
    const ub = best?.evaluation.cost ?? null;
    const lb = Number.isFinite(stepper.best) ? stepper.best : null;
    const gap = ub !== null && lb !== null ? Math.max(0, (ub - lb) / Math.abs(ub)) : null;
    const elapsed = (performance.now() - input.startTime) / 1000;
    stats.push({
      method: input.method ?? 'lagrangian',
      iteration: it,
      timeSeconds: elapsed,
      upperBound: ub,
      lowerBound: lb,
      gap,
      step: stepper.lambda,
      evaluations: ev.evaluations,
    });
    if (gap !== null && gap <= 1e-9) break;
    if (stepper.converged(sol)) break;
    if (
      input.stop?.shouldStop({
        iteration: it,
        elapsedSeconds: elapsed,
        sinceImprovement,
        upperBound: ub,
        lowerBound: lb,
      })
    )
      break;
  }
  return { lowerBound: stepper.best, best, score, multipliers: stepper.bestMultipliers, stats, iterations: it };
}

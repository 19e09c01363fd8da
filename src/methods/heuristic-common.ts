import { designKey, type Design } from '../core/design.js';
import type { StatRow } from '../core/result.js';
import { DesignEvaluator, type Scored } from '../search/evaluator.js';
import type { MethodContext, MethodOutcome } from './method.js';
import { noDesignOutcome } from './no-design.js';

/**
 * Wall-clock deadline in performance.now() milliseconds for a context. 3% of the limit is kept
 * in reserve for the pricing already under way when the deadline passes and the final re-pricing
 * of the best design (seconds each on the largest instances), so the whole run ends within it.
 */
export function deadlineOf(ctx: MethodContext, start: number): number {
  if (!Number.isFinite(ctx.timeLimit)) return Infinity;
  return start + ctx.timeLimit * 1000 * (1 - RESERVE);
}

/** Share of a time limit kept in reserve (see {@link deadlineOf}). */
const RESERVE = 0.03;

/** A design evaluator wired to the context's handle and (optional) worker pool, pricing only what fits before `deadline`. */
export function evaluatorFor(ctx: MethodContext, deadline = Infinity): DesignEvaluator {
  const ev = new DesignEvaluator(ctx.problem, ctx.handle, ctx.runner, deadline);
  ctx.progress?.register(ev);
  return ev;
}

/** Numeric method parameter with a default; rejects non-numbers early. */
export function numParam(params: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`parameter ${key}: expected a number, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * Packages a heuristic's best design. The design is priced once more with a cold solve here, so
 * the returned flows do not depend on which worker priced it first or what it priced before.
 */
export async function finish(
  ctx: MethodContext,
  best: Scored | null,
  lowerBound: number | null,
  stats: StatRow[],
  options: Record<string, unknown>,
  start: number,
  ev?: DesignEvaluator,
): Promise<MethodOutcome> {
  if (!best || !best.evaluation.feasible)
    return noDesignOutcome(ctx, deadlineOf(ctx, start), lowerBound, stats, options);
  // Under a time limit the search's own pricing of the best design is returned (same cost; only
  // alternative optimal flows may differ): the cold re-pricing is a full LP from scratch (seconds at
  // 100 x 2,000, more on a busy machine) that no limit budgets for. Without a limit, a cold solve
  // makes the flows independent of which worker priced the design first.
  const kept =
    ev?.best && ev.best.evaluation.flows !== null && designKey(ev.best.design) === designKey(best.design)
      ? ev.best.evaluation
      : null;
  const fresh =
    kept && Number.isFinite(ctx.timeLimit)
      ? kept
      : await ctx.problem.evaluate(ctx.handle, best.design as Design, { fresh: true });
  // Sites the final flows leave unused are closed (free when their fixed cost is 0, a saving otherwise).
  const design = (fresh.flows !== null && ctx.problem.trim?.(best.design, fresh.flows)) || best.design;
  const trimmed = design !== best.design;
  const cost = fresh.flows !== null && trimmed ? ctx.problem.cost(design, fresh.flows).total : fresh.cost;
  const proven = lowerBound !== null && cost - lowerBound <= 1e-9 * Math.max(1, Math.abs(cost));
  return {
    status: proven ? 'optimal' : 'feasible',
    design,
    flows: fresh.flows,
    // The price the problem's `evaluate` gave the design (its pricer's figure); after a trim, the
    // trimmed design's cost on the same flows, the only price there is without another solve.
    claimedObjective: cost,
    lowerBound,
    stats,
    options,
    ...(fresh.inexact ? { message: fresh.inexact } : {}),
  };
}

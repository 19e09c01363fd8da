// A simulated-annealing method over designs, written outside rlnd and registered as a plugin:
// each move flips one site, and every design is priced by the problem's exact evaluator (its flow
// LP). `rlnd run exp.yaml --plugin ./sa-method.js --threads 2` runs it on every worker thread.
// Parameters: iterations (default 200), startTemperature as a share of the first cost (0.05).
import type { Method, MethodContext, MethodOutcome, StatRow } from 'rlnd';

type Priced = Awaited<ReturnType<MethodContext['problem']['evaluate']>>;

/** A small seeded generator (mulberry32): same seed, same run on any thread. */
function random(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function numberParam(ctx: MethodContext, key: string, fallback: number): number {
  const v = ctx.params[key] ?? fallback;
  if (typeof v !== 'number' || !(v > 0)) throw new Error(`method sa: params.${key} must be a number > 0`);
  return v;
}

/** Simulated annealing over open/closed sites, pricing each design exactly. */
export const simulatedAnnealing: Method = {
  name: 'sa',
  description: 'simulated annealing over designs (one-site flips), exact pricing (docs/examples/sa-method.ts)',
  unsupported: (problem) =>
    problem.space.groups.length > 0 ? 'one-site flips ignore design groups (one option per site, ...)' : null,
  async run(ctx): Promise<MethodOutcome> {
    const t0 = performance.now();
    const iterations = numberParam(ctx, 'iterations', 200);
    const n = ctx.problem.space.size;
    const rand = random(ctx.seed);
    const cache = new Map<string, Priced>();
    const price = async (d: Uint8Array): Promise<Priced> => {
      const key = d.join('');
      let e = cache.get(key);
      if (!e) cache.set(key, (e = await ctx.problem.evaluate(ctx.handle, d)));
      return e;
    };
    let current = new Uint8Array(n).fill(1);
    let cost = (await price(current)).cost;
    if (!Number.isFinite(cost))
      return {
        status: 'infeasible',
        design: null,
        flows: null,
        claimedObjective: null,
        lowerBound: null,
        stats: [],
        options: {},
      };
    let best = { design: current, cost };
    let temperature = numberParam(ctx, 'startTemperature', 0.05) * Math.abs(cost);
    const cooling = Math.pow(1e-3, 1 / iterations);
    const stats: StatRow[] = [];
    let since = 0;
    for (let it = 1; it <= iterations; it++) {
      const elapsed = (performance.now() - t0) / 1000;
      const progress = {
        iteration: it,
        elapsedSeconds: elapsed,
        sinceImprovement: since,
        upperBound: best.cost,
        lowerBound: null,
      };
      if (elapsed >= ctx.timeLimit || ctx.stop?.shouldStop(progress)) break;
      const next = Uint8Array.from(current);
      const i = Math.floor(rand() * n);
      next[i] = next[i] ? 0 : 1;
      const e = await price(next);
      const delta = e.cost - cost;
      if (e.feasible && (delta <= 0 || rand() < Math.exp(-delta / temperature))) [current, cost] = [next, e.cost];
      since++;
      if (cost < best.cost) [best, since] = [{ design: current, cost }, 0];
      temperature *= cooling;
      stats.push({
        method: 'sa',
        iteration: it,
        timeSeconds: elapsed,
        upperBound: best.cost,
        lowerBound: null,
        gap: null,
        temperature,
      });
    }
    const final = await price(best.design);
    return {
      status: 'feasible',
      design: best.design,
      flows: final.flows,
      claimedObjective: final.cost,
      lowerBound: null,
      stats,
      options: { iterations, evaluations: cache.size },
    };
  },
};

import { mean } from '../core/numeric.js';
import type { Design } from '../core/design.js';
import type { TwoStageDecomposition } from '../core/two-stage.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { PoolRunner } from '../parallel/pool-runner.js';
import type { NetworkChange } from '../problems/network/scenario.js';
import type { NetworkDocument, ScenarioDoc } from '../problems/network/schema.js';
import { compileStochastic } from '../problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../problems/network/stochastic/problem.js';
import { solve } from '../solve.js';
import type { Distribution } from './config-types.js';
import { rngFor, sample, type Rng } from './distributions.js';

/**
 * One uncertain factor: a single draw from `distribution` per scenario scales every value the
 * change selects (one draw shared by the selection: e.g. one return-volume factor per period, or
 * per cluster, correlates those values).
 */
export interface SaaFactor {
  readonly change: Omit<NetworkChange, 'scale' | 'set'>;
  readonly distribution: Distribution;
}

/** Options of {@link saaBounds}. */
export interface SaaOptions {
  /** Scenarios per SAA problem. */
  readonly n: number;
  /** SAA replications M for the lower bound and the gap. */
  readonly replications: number;
  /** Scenarios N' of the independent evaluation of the candidate (the upper bound). */
  readonly evaluation: number;
  readonly seed: number;
  /** Method solving each SAA problem: milp (extensive form) or lshaped. */
  readonly method?: 'milp' | 'lshaped';
  readonly handle: HighsHandle;
  /** Worker threads pricing the evaluation sample (1: this thread). */
  readonly threads?: number;
  readonly timeLimit?: number;
}

/** A mean with its 95% confidence half-width. */
export interface Estimate {
  readonly mean: number;
  readonly halfWidth: number;
  readonly values: readonly number[];
}

/** What {@link saaBounds} finds for the candidate design. */
export interface SaaResult {
  readonly candidate: readonly number[];
  readonly open: readonly string[];
  /** Mean of the M SAA optima: a lower bound on the true optimum in expectation. */
  readonly lower: Estimate;
  /** The candidate's cost on the evaluation sample (per-scenario costs, their mean). */
  readonly upper: Estimate;
  /** Gap of the candidate on each replication's own sample (common random numbers). */
  readonly gap: Estimate;
  /** Upper end of the one-sided 95% gap interval [0, mean + halfWidth] (Mak, Morton & Wood 1999). */
  readonly gapUpper: number;
  readonly seconds: number;
}

/** Scenario k of a seeded sample: each factor's draw as a scale of its change. */
export function sampleScenario(factors: readonly SaaFactor[], rng: Rng, id: string, probability: number): ScenarioDoc {
  return {
    id,
    probability,
    changes: factors.map((f) => ({ ...f.change, scale: sample(f.distribution, rng) })) as ScenarioDoc['changes'],
  };
}

/** N equally likely scenarios drawn from one seeded stream. */
export function sampleDocument(
  doc: NetworkDocument,
  factors: readonly SaaFactor[],
  n: number,
  key: string,
): NetworkDocument {
  const rng = rngFor(key);
  const { scenarios: _s, ...rest } = doc;
  return {
    ...rest,
    scenarios: Array.from({ length: n }, (_, k) => sampleScenario(factors, rng, `${key}:${k + 1}`, 1 / n)),
  };
}

/**
 * Sample average approximation with statistical bounds (Mak, Morton & Wood 1999): a candidate
 * design from one SAA problem of N scenarios; M independent N-scenario SAA problems, solved to
 * optimality, whose optima average to a lower bound (mean, 95% t half-width); the candidate priced
 * on an independent sample of N' scenarios (upper bound); and on each replication's own sample the
 * candidate's cost minus that replication's optimum, whose mean + t half-width bounds the
 * candidate's optimality gap with 95% confidence. Samples are seeded: the same seed gives the same
 * bounds, with any number of threads.
 */
export async function saaBounds(
  doc: NetworkDocument,
  factors: readonly SaaFactor[],
  o: SaaOptions,
): Promise<SaaResult> {
  const t0 = performance.now();
  const method = o.method ?? 'milp';
  const problemOf = (d: NetworkDocument) => stochasticNetworkProblem(compileStochastic(d, `${doc.name}-saa`));
  const solveSaa = async (key: string) => {
    const problem = problemOf(sampleDocument(doc, factors, o.n, key));
    const r = await solve(problem, {
      method,
      handle: o.handle,
      seed: o.seed,
      ...(o.timeLimit !== undefined ? { timeLimit: o.timeLimit } : {}),
    });
    if (r.status !== 'optimal' || r.lowerBound === null)
      throw new Error(`SAA problem ${key} ended ${r.status}${r.message ? `: ${r.message}` : ''}`);
    return { problem, result: r };
  };
  const first = await solveSaa(`saa:${o.seed}:candidate`);
  const candidate: Design = Uint8Array.from(first.result.design);
  const optima: number[] = [];
  const gaps: number[] = [];
  for (let m = 1; m <= o.replications; m++) {
    const { problem, result } = await solveSaa(`saa:${o.seed}:replication:${m}`);
    const at = await problem.evaluate(o.handle, candidate);
    if (!at.feasible)
      throw new Error(`the candidate design cannot serve replication ${m}: ${at.reason ?? 'infeasible'}`);
    // A certified bound, not an incumbent: the gap estimate stays conservative.
    optima.push(result.lowerBound!);
    gaps.push(at.cost - result.lowerBound!);
  }
  const evalDoc = sampleDocument(doc, factors, o.evaluation, `saa:${o.seed}:evaluation`);
  const costs = await scenarioCosts(evalDoc, candidate, o);
  const lower = estimate(optima);
  const gap = estimate(gaps);
  return {
    candidate: [...candidate],
    open: first.result.open,
    lower,
    upper: estimate(costs),
    gap,
    gapUpper: Math.max(0, gap.mean + gap.halfWidth),
    seconds: (performance.now() - t0) / 1000,
  };
}

/** First-stage plus second-stage cost of the design in each scenario, from the decomposition's cuts (exact at a binary design). */
async function scenarioCosts(doc: NetworkDocument, design: Design, o: SaaOptions): Promise<number[]> {
  const problem = stochasticNetworkProblem(compileStochastic(doc, `${doc.name}-saa-evaluation`));
  const dec: TwoStageDecomposition = problem.twoStage!();
  const at = Float64Array.from(design);
  const all = dec.scenarios.map((_, s) => s);
  const threads = o.threads ?? 1;
  let cuts;
  if (threads > 1) {
    const pool = new PoolRunner(
      { file: `${doc.name}-saa-evaluation.json`, text: JSON.stringify(doc), options: {} },
      threads,
    );
    cuts = await pool.scenarioCuts({ kind: 'cut', at, scenarios: all }).finally(() => pool.close());
  } else {
    cuts = [];
    for (const s of all) cuts.push(await dec.cut(o.handle, s, at));
  }
  const fixed = design.reduce((t, b, i) => t + b * dec.firstStageCost[i]!, 0);
  return cuts.map((c) => (c.feasible ? fixed + (c.exact ?? c.value) : Infinity));
}

/** Mean and 95% half-width (Student t) of a sample. */
export function estimate(values: readonly number[]): Estimate {
  const n = values.length;
  const m = mean(values) ?? NaN;
  if (n < 2) return { mean: m, halfWidth: Infinity, values };
  const variance = values.reduce((t, v) => t + (v - m) ** 2, 0) / (n - 1);
  return { mean: m, halfWidth: (tQuantile975(n - 1) * Math.sqrt(variance)) / Math.sqrt(n), values };
}

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** The 0.975 quantile of Student's t with df degrees of freedom (table to 30, Cornish-Fisher beyond). */
export function tQuantile975(df: number): number {
  if (df <= 30) return T975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

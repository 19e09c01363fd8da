import type { SaaBlock } from './config-types.js';
import { estimate } from './saa.js';
import type {
  SaaEstimate,
  SaaOutcome,
  SaaPriceOutcome,
  SaaSample,
  SaaSolveOutcome,
  SaaSolveTask,
  SaaTask,
} from './saa-types.js';
import type { TaskSource } from './tasks.js';

/** Scenarios per pricing task: small enough to spread N' = 2,000 over the pool, large enough to amortise the compile. */
export const SAA_PRICE_CHUNK = 100;

/** Runs one SAA task somewhere (this thread, or a worker pool) and returns its outcome. */
export type SaaExec = (task: SaaTask) => Promise<unknown>;

/** One SAA analysis: an instance, the factors, and one sample size N of a block. */
export interface SaaAnalysisInput {
  readonly source: TaskSource;
  readonly parameters: SaaSolveTask['parameters'];
  readonly n: number;
  readonly replications: number;
  readonly evaluation: number;
  readonly seed: number;
  readonly solver: SaaBlock['solver'];
  /** Also WS / EEV / RP on the candidate sample (N wait-and-see solves, one mean-value solve). */
  readonly values: boolean;
}

/** The sample keys (the library's `saaBounds` draws the same samples from the same seed). */
export const saaKeys = (seed: number) => ({
  candidate: `saa:${seed}:candidate`,
  replication: (m: number) => `saa:${seed}:replication:${m}`,
  evaluation: `saa:${seed}:evaluation`,
});

const chunks = (key: string, size: number): SaaSample[] =>
  Array.from({ length: Math.ceil(size / SAA_PRICE_CHUNK) }, (_, k) => ({
    key,
    size,
    slice: [k * SAA_PRICE_CHUNK, Math.min(size, (k + 1) * SAA_PRICE_CHUNK)] as const,
  }));

const half = (e: { mean: number; halfWidth: number }): SaaEstimate => ({ mean: e.mean, halfWidth: e.halfWidth });

/**
 * Sample average approximation with statistical bounds (Mak, Morton & Wood 1999), as tasks: the
 * candidate's SAA problem and the M replications are solved at once (independent tasks), then the
 * candidate is priced on every replication's sample and on the N' evaluation sample in chunks of
 * {@link SAA_PRICE_CHUNK} scenarios. Every task is a deterministic function of its inputs and the
 * figures are combined in a fixed order, so the outcome is the same with any number of workers.
 * The lower bound averages each replication's certified bound (its optimum when solved to
 * optimality; conservative when a solve stops at a gap or a time limit).
 */
export async function saaAnalysis(exec: SaaExec, a: SaaAnalysisInput): Promise<SaaOutcome> {
  const t0 = performance.now();
  const keys = saaKeys(a.seed);
  const phases: Record<string, number> = { solve: 0, priceEvaluation: 0, priceReplications: 0, values: 0 };
  const common = { source: a.source, parameters: a.parameters };
  const solveTask = (sample: SaaSample): Promise<SaaSolveOutcome> =>
    exec({ type: 'saa-solve', ...common, sample, solver: a.solver, seed: a.seed }) as Promise<SaaSolveOutcome>;
  const price = async (design: readonly number[], key: string, size: number, phase: string, what: string) => {
    const parts = (await Promise.all(
      chunks(key, size).map((sample) => exec({ type: 'saa-price', ...common, sample, design })),
    )) as SaaPriceOutcome[];
    const costs = parts.flatMap((p) => p.costs);
    phases[phase] = (phases[phase] ?? 0) + parts.reduce((t, p) => t + p.seconds, 0);
    const bad = costs.findIndex((c) => c === null);
    if (bad >= 0) throw new Error(`the candidate design cannot serve scenario ${bad + 1} of the ${what}`);
    return costs as number[];
  };
  const candidateP = solveTask({ key: keys.candidate, size: a.n });
  const replicationsP = Array.from({ length: a.replications }, (_, m) =>
    solveTask({ key: keys.replication(m + 1), size: a.n }),
  );
  // Unobserved rejections would crash the process while the candidate is awaited.
  replicationsP.forEach((p) => p.catch(() => {}));
  const candidate = await candidateP;
  if (candidate.objective === null)
    throw new Error(
      `the candidate's SAA problem ended ${candidate.status}${candidate.message ? `: ${candidate.message}` : ''}`,
    );
  const evaluationP = price(candidate.design, keys.evaluation, a.evaluation, 'priceEvaluation', 'evaluation sample');
  const atReplicationsP = replicationsP.map((_, m) =>
    price(candidate.design, keys.replication(m + 1), a.n, 'priceReplications', `replication ${m + 1}`),
  );
  const valuesP = a.values ? valuesOnSample(solveTask, price, candidate, keys.candidate, a.n, phases) : null;
  [evaluationP, ...atReplicationsP, ...(valuesP ? [valuesP] : [])].forEach((p) => p.catch(() => {}));
  const replications = await Promise.all(replicationsP);
  phases.solve = [candidate, ...replications].reduce((t, r) => t + r.seconds, 0);
  replications.forEach((r, m) => {
    if (r.lowerBound === null)
      throw new Error(`SAA replication ${m + 1} ended ${r.status} without a bound${r.message ? `: ${r.message}` : ''}`);
  });
  const bounds = replications.map((r) => r.lowerBound!);
  const atReplications = await Promise.all(atReplicationsP);
  const gaps = atReplications.map((costs, m) => costs.reduce((t, c) => t + c, 0) / costs.length - bounds[m]!);
  const evaluation = await evaluationP;
  const lower = estimate(bounds);
  const upper = estimate(evaluation);
  const gap = estimate(gaps);
  const gapUpper = Math.max(0, gap.mean + gap.halfWidth);
  const values = valuesP ? await valuesP : null;
  return {
    n: a.n,
    replications: a.replications,
    evaluation: a.evaluation,
    seed: a.seed,
    solver: a.solver,
    open: candidate.open,
    design: candidate.design,
    candidateStatus: candidate.status,
    lower: half(lower),
    upper: half(upper),
    gap: half(gap),
    gapUpper,
    gapUpperRelative: gapUpper / Math.abs(upper.mean),
    replicationBounds: bounds,
    replicationObjectives: replications.map((r) => r.objective),
    replicationStatus: replications.map((r) => r.status),
    values,
    phases,
    runtimeSeconds: (performance.now() - t0) / 1000,
  };
}

/** WS (mean of the N scenarios' own optima), EEV (the mean-value design's expected cost) and RP on the candidate sample. */
async function valuesOnSample(
  solveTask: (s: SaaSample) => Promise<SaaSolveOutcome>,
  price: (design: readonly number[], key: string, size: number, phase: string, what: string) => Promise<number[]>,
  candidate: SaaSolveOutcome,
  key: string,
  n: number,
  phases: Record<string, number>,
): Promise<NonNullable<SaaOutcome['values']>> {
  const [ev, ...ws] = await Promise.all([
    solveTask({ key, size: n, mean: true }),
    ...Array.from({ length: n }, (_, k) => solveTask({ key, size: n, only: k })),
  ]);
  phases.values = [ev!, ...ws].reduce((t, r) => t + r.seconds, 0);
  const bad = [ev!, ...ws].find((r) => r.objective === null || r.status !== 'optimal');
  if (bad) throw new Error(`a wait-and-see or mean-value problem ended ${bad.status}`);
  const eevCosts = await price(ev!.design, key, n, 'values', 'candidate sample (mean-value design)');
  const wsValue = ws.reduce((t, r) => t + r.objective!, 0) / n;
  const eev = eevCosts.reduce((t, c) => t + c, 0) / n;
  const rp = candidate.objective!;
  return { ws: wsValue, eev, rp, vss: eev - rp, evpi: rp - wsValue, evOpen: ev!.open };
}

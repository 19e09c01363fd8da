import { designFrom } from '../core/design.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { solveModel } from '../exact/solve-model.js';
import { buildNetworkModel } from '../problems/network/model.js';
import { parseNetworkDocument, parseNetworkText } from '../problems/network/reader.js';
import type { NetworkDocument, ScenarioDoc } from '../problems/network/schema.js';
import { recourseOptions, scenarioCost } from '../problems/network/stochastic/evaluate.js';
import { compileStochastic } from '../problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../problems/network/stochastic/problem.js';
import { solve } from '../solve.js';
import { canonicalJson } from './run-id.js';
import { sampleDocument, type SaaFactor } from './saa.js';
import { saaFactors } from './saa-factors.js';
import type { SaaPriceOutcome, SaaPriceTask, SaaSample, SaaSolveOutcome, SaaSolveTask, SaaTask } from './saa-types.js';
import type { TaskSource } from './tasks.js';

const docs = new Map<string, { doc: NetworkDocument; factors: Map<string, SaaFactor[]> }>();

/** The source's network document (without its own scenarios) and the factors of these parameters, read once per thread. */
export function saaInputs(
  source: TaskSource,
  parameters: SaaSolveTask['parameters'],
): { doc: NetworkDocument; factors: SaaFactor[] } {
  let entry = docs.get(source.hash);
  if (!entry) {
    if (source.kind !== 'network')
      throw new Error(`${source.file}: SAA needs a network instance (this is ${source.kind})`);
    const { scenarios: _s, ...doc } = parseNetworkDocument(parseNetworkText(source.text, source.file), source.file);
    entry = { doc, factors: new Map() };
    docs.set(source.hash, entry);
  }
  const key = canonicalJson(parameters);
  let factors = entry.factors.get(key);
  if (!factors) {
    factors = saaFactors(entry.doc, parameters);
    entry.factors.set(key, factors);
  }
  return { doc: entry.doc, factors };
}

/** The document of a sample (or of its slice, one scenario, or its mean scenario). */
export function sampleOf(doc: NetworkDocument, factors: readonly SaaFactor[], s: SaaSample): NetworkDocument {
  const full = sampleDocument(doc, factors, s.size, s.key);
  const all = full.scenarios!;
  let scenarios: ScenarioDoc[];
  if (s.mean) {
    const scale = (i: number) =>
      all.reduce((t, sc) => t + ((sc.changes![i] as { scale: number }).scale ?? 0), 0) / all.length;
    scenarios = [
      {
        id: `${s.key}:mean`,
        probability: 1,
        changes: factors.map((f, i) => ({ ...f.change, scale: scale(i) })) as ScenarioDoc['changes'],
      },
    ];
  } else if (s.only !== undefined) scenarios = [{ ...all[s.only]!, probability: 1 }];
  else if (s.slice) {
    const part = all.slice(s.slice[0], s.slice[1]);
    scenarios = part.map((sc) => ({ ...sc, probability: 1 / part.length }));
  } else scenarios = all;
  return { ...full, scenarios };
}

async function solveSample(handle: HighsHandle, t: SaaSolveTask): Promise<SaaSolveOutcome> {
  const t0 = performance.now();
  const { doc, factors } = saaInputs(t.source, t.parameters);
  const problem = stochasticNetworkProblem(compileStochastic(sampleOf(doc, factors, t.sample), `${doc.name}-saa`));
  const r = await solve(problem, {
    method: t.solver.name,
    handle,
    seed: t.seed,
    params: t.solver.params,
    ...(t.solver.timeLimit !== null ? { timeLimit: t.solver.timeLimit } : {}),
  });
  return {
    status: r.status,
    objective: r.objective,
    lowerBound: r.lowerBound,
    design: [...r.design],
    open: [...r.open],
    seconds: (performance.now() - t0) / 1000,
    ...(r.message ? { message: r.message } : {}),
  };
}

/** Each scenario's first- plus second-stage cost: the scenario's own exact flow model at the design. */
async function priceSample(handle: HighsHandle, t: SaaPriceTask): Promise<SaaPriceOutcome> {
  const t0 = performance.now();
  const { doc, factors } = saaInputs(t.source, t.parameters);
  const st = compileStochastic(sampleOf(doc, factors, t.sample), `${doc.name}-saa-price`);
  const design = designFrom(
    t.design.length,
    t.design.flatMap((b, i) => (b ? [i] : [])),
  );
  const costs: (number | null)[] = [];
  for (const s of st.scenarios) {
    const f = buildNetworkModel(s.instance, design, recourseOptions(st));
    const sol = await solveModel(handle, f.model);
    if (!sol.values || sol.status !== 'optimal') {
      costs.push(null);
      continue;
    }
    costs.push(scenarioCost(st, s, design, f.decode(sol.values).flows).cost.total);
  }
  return { costs, seconds: (performance.now() - t0) / 1000 };
}

/** True for the tasks {@link executeSaaTask} runs. */
export function isSaaTask(t: { readonly type: string }): t is SaaTask {
  return t.type === 'saa-solve' || t.type === 'saa-price';
}

/** Runs one SAA task on this thread's HiGHS handle. */
export function executeSaaTask(handle: HighsHandle, t: SaaTask): Promise<SaaSolveOutcome | SaaPriceOutcome> {
  return t.type === 'saa-solve' ? solveSample(handle, t) : priceSample(handle, t);
}

import { mean } from '../core/numeric.js';
import type { RunRecord, StochasticRecord } from './records.js';

/** A flat summary row (CSV/markdown friendly). */
export type Row = Record<string, string | number | null>;

const num = (v: readonly (number | null)[]): number[] => v.filter((x): x is number => x !== null && Number.isFinite(x));

/** Median, or null for no values. */
export function median(v: readonly number[]): number | null {
  if (!v.length) return null;
  const s = [...v].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/** Sample standard deviation, or null for fewer than two values. */
export function sd(v: readonly number[]): number | null {
  if (v.length < 2) return null;
  const m = mean(v)!;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}

const max = (v: readonly number[]): number | null => (v.length ? Math.max(...v) : null);
const min = (v: readonly number[]): number | null => (v.length ? Math.min(...v) : null);
const pct = (v: number | null): number | null => (v === null ? null : v * 100);

/** Which scenario set a run belongs to (`nominal` or the block name). */
export const setOf = (r: RunRecord): string => r.scenario.set ?? 'nominal';

/** Runs sorted by run id: the canonical order, whatever order the workers finished in. */
export function sortRuns(runs: readonly RunRecord[]): RunRecord[] {
  return [...runs].sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A run succeeded when it returned a feasible solution without error. */
export const succeeded = (r: RunRecord): boolean =>
  r.objective !== null && (r.status === 'optimal' || r.status === 'feasible');

/** Per scenario set, instance group and method: success rate, gap to optimum (%) and times. */
export function methodSummary(runs: readonly RunRecord[]): Row[] {
  return [...groupBy(runs, (r) => `${setOf(r)}\u0000${r.instance.group}\u0000${r.method.label}`).values()].map((rs) => {
    const gaps = num(rs.map((r) => r.gapToOptimum));
    const bound = num(rs.map((r) => r.gapToReferenceBound));
    const times = rs.map((r) => r.runtimeSeconds);
    return {
      set: setOf(rs[0]!),
      group: rs[0]!.instance.group,
      method: rs[0]!.method.label,
      runs: rs.length,
      successRate: rs.filter(succeeded).length / rs.length,
      gapRuns: gaps.length,
      meanGapPct: pct(mean(gaps)),
      medianGapPct: pct(median(gaps)),
      maxGapPct: pct(max(gaps)),
      meanGapToBoundPct: pct(mean(bound)),
      meanTime: mean(times),
      medianTime: median(times),
      maxTime: max(times),
    };
  });
}

/** Per instance and method on the nominal scenario: best and mean objective, gap and time. */
export function instanceSummary(runs: readonly RunRecord[]): Row[] {
  const nominal = runs.filter((r) => r.scenario.kind === 'nominal');
  return [...groupBy(nominal, (r) => `${r.instance.label}\u0000${r.method.label}`).values()].map((rs) => {
    const objs = num(rs.map((r) => r.objective));
    return {
      instance: rs[0]!.instance.label,
      method: rs[0]!.method.label,
      runs: rs.length,
      reference: rs[0]!.reference?.objective ?? null,
      referenceSource: rs[0]!.reference
        ? `${rs[0]!.reference.source}${rs[0]!.reference.status === 'optimal' ? '' : ` (${rs[0]!.reference.status})`}`
        : null,
      bestObjective: min(objs),
      meanObjective: mean(objs),
      meanGapPct: pct(mean(num(rs.map((r) => r.gapToOptimum)))),
      meanTime: mean(rs.map((r) => r.runtimeSeconds)),
    };
  });
}

/** Per stochastic block, instance and method: cost distribution, plus VSS/EVPI/regret of the analysis. */
export function stochasticSummary(runs: readonly RunRecord[], analyses: readonly StochasticRecord[]): Row[] {
  const stoch = runs.filter((r) => r.scenario.kind === 'stochastic');
  return [...groupBy(stoch, (r) => `${setOf(r)}\u0000${r.instance.label}\u0000${r.method.label}`).values()].map(
    (rs) => {
      const costs = num(rs.map((r) => r.objective));
      const a = analyses.find((x) => x.block === setOf(rs[0]!) && x.instance === rs[0]!.instance.label);
      const regrets = a ? num(a.perScenario.map((p) => p.regret)) : [];
      return {
        set: setOf(rs[0]!),
        instance: rs[0]!.instance.label,
        method: rs[0]!.method.label,
        runs: rs.length,
        solved: costs.length,
        meanCost: mean(costs),
        sdCost: sd(costs),
        minCost: min(costs),
        medianCost: median(costs),
        maxCost: max(costs),
        meanGapPct: pct(mean(num(rs.map((r) => r.gapToOptimum)))),
        meanRegretNominalDesign: mean(regrets),
        maxRegretNominalDesign: max(regrets),
        WS: a?.ws ?? null,
        EEV: a?.eev ?? null,
        RP: a?.rp ?? null,
        VSS: a?.vss ?? null,
        EVPI: a?.evpi ?? null,
      };
    },
  );
}

/** How often each site opens over a set of runs, per method (fractions in [0, 1]). */
export function siteFrequency(runs: readonly RunRecord[]): {
  sites: string[];
  methods: { name: string; values: number[] }[];
} {
  const sites = [...new Set(runs.flatMap((r) => r.open))].sort((a, b) =>
    a.localeCompare(b, undefined, { numeric: true }),
  );
  const methods = [
    ...groupBy(
      runs.filter((r) => r.objective !== null),
      (r) => r.method.label,
    ).values(),
  ].map((rs) => ({
    name: rs[0]!.method.label,
    values: sites.map((s) => rs.filter((r) => r.open.includes(s)).length / rs.length),
  }));
  return { sites, methods };
}

/** The run with the lowest objective (ties: first by run id), or null if none solved. */
function bestRun(runs: readonly RunRecord[]): RunRecord | null {
  let best: RunRecord | null = null;
  for (const r of sortRuns(runs))
    if (r.objective !== null && (best === null || r.objective < best.objective!)) best = r;
  return best;
}

/** Sites open in exactly one of two designs. */
function changedSites(a: readonly string[], b: readonly string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...sa].filter((s) => !sb.has(s)).length + [...sb].filter((s) => !sa.has(s)).length;
}

/**
 * Sensitivity points: per block, instance, method and level, the mean objective over seeds, and
 * the best run's sites: how many open, which, and how many differ from the nominal scenario's
 * best design (opened or closed; blank without a nominal run).
 */
export function sensitivityRows(runs: readonly RunRecord[]): Row[] {
  const sens = runs.filter((r) => r.scenario.kind === 'sensitivity');
  const nominal = new Map(
    [
      ...groupBy(
        runs.filter((r) => r.scenario.kind === 'nominal'),
        (r) => `${r.instance.label}\u0000${r.method.label}`,
      ),
    ].map(([k, rs]) => [k, bestRun(rs)]),
  );
  return [
    ...groupBy(
      sens,
      (r) => `${setOf(r)}\u0000${r.instance.label}\u0000${r.method.label}\u0000${r.scenario.id}`,
    ).values(),
  ].map((rs) => {
    const objs = num(rs.map((r) => r.objective));
    const best = bestRun(rs);
    const base = nominal.get(`${rs[0]!.instance.label}\u0000${rs[0]!.method.label}`) ?? null;
    return {
      set: setOf(rs[0]!),
      instance: rs[0]!.instance.label,
      method: rs[0]!.method.label,
      scenario: rs[0]!.scenario.id,
      ...Object.fromEntries(Object.entries(rs[0]!.scenario.levels).map(([g, v]) => [`level_${g}`, v])),
      runs: rs.length,
      solved: objs.length,
      meanObjective: mean(objs),
      reference: rs[0]!.reference?.objective ?? null,
      meanGapPct: pct(mean(num(rs.map((r) => r.gapToOptimum)))),
      openCount: best ? best.open.length : null,
      open: best ? best.open.join(' ') : null,
      changedVsNominal: best && base ? changedSites(best.open, base.open) : null,
    };
  });
}

/** Flattens a run for runs.csv. */
export function flatRun(r: RunRecord): Row {
  return {
    runId: r.runId,
    instance: r.instance.label,
    group: r.instance.group,
    method: r.method.label,
    methodName: r.method.name,
    seed: r.seed,
    scenario: r.scenario.id,
    scenarioKind: r.scenario.kind,
    scenarioSet: r.scenario.set,
    status: r.status,
    objective: r.objective,
    lowerBound: r.lowerBound,
    gap: r.gap,
    referenceSource: r.reference?.source ?? null,
    referenceStatus: r.reference?.status ?? null,
    referenceObjective: r.reference?.objective ?? null,
    referenceLowerBound: r.reference?.lowerBound ?? null,
    gapToOptimum: r.gapToOptimum,
    gapToReference: r.gapToReference,
    gapToReferenceBound: r.gapToReferenceBound,
    runtimeSeconds: r.runtimeSeconds,
    ...Object.fromEntries(Object.entries(r.dimensions ?? {}).map(([k, v]) => [`dim_${k}`, v])),
    peakRssMB: r.peakRssMB ?? null,
    openCount: r.open.length,
    open: r.open.join(' '),
    // Cost parts and figures differ by problem: prefixed columns, blank where a run has none.
    ...Object.fromEntries(Object.entries(r.costParts).map(([k, v]) => [`cost_${k}`, v])),
    ...Object.fromEntries(Object.entries(r.figures ?? {}).map(([k, v]) => [`fig_${k}`, v])),
    highsVersion: r.highs.version,
    host: r.host,
    message: r.message ?? null,
  };
}

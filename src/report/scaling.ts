import type { RunRecord } from '../experiments/records.js';
import type { Row } from '../experiments/summaries.js';
import { plotOf, type Plot } from './plot-data.js';
import type { Series } from './svg-plot.js';

/** Size of a run's instance: the product of its dimensions (sites x customers for facility location). */
export function runSize(r: RunRecord): number | null {
  const d = r.dimensions;
  if (!d || Object.keys(d).length === 0) return null;
  return Object.values(d).reduce((a, b) => a * b, 1);
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length / 2);
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
};

/** Least-squares slope of log(time) on log(size): time grows like size^slope. */
export function fittedExponent(points: readonly { size: number; seconds: number }[]): number | null {
  const ps = points.filter((p) => p.size > 0 && p.seconds > 0);
  if (new Set(ps.map((p) => p.size)).size < 2) return null;
  const xs = ps.map((p) => Math.log(p.size));
  const ys = ps.map((p) => Math.log(p.seconds));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, k) => {
    num += (x - mx) * (ys[k]! - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? num / den : null;
}

/** Objective within this relative distance of the proven optimum counts as matching it (issue 9: 0.1%). */
export const MATCH_TOLERANCE = 1e-3;

/**
 * One row per (size, method) over nominal runs: how many finished optimal, median wall time,
 * median certified gap (own bound) and gap to the reference, peak memory; and, against the MILP
 * run on the same instance and seed where it proved optimality, how many runs matched its
 * objective (within {@link MATCH_TOLERANCE}), how many were faster, and how many did both.
 */
export function scalingRows(runs: readonly RunRecord[]): Row[] {
  const nominal = runs.filter((r) => r.scenario.kind === 'nominal' && runSize(r) !== null);
  const keys = [...new Set(nominal.map((r) => `${runSize(r)}\u0000${r.method.label}`))];
  return keys
    .map((k) => {
      const [size, method] = k.split('\u0000') as [string, string];
      const rs = nominal.filter((r) => String(runSize(r)) === size && r.method.label === method);
      const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e6) / 1e4);
      // Against the MILP run on the same instance and seed, where that MILP proved optimality.
      const vsMilp = rs.flatMap((r) => {
        const m = nominal.find(
          (x) =>
            x.method.name === 'milp' &&
            x.instance.hash === r.instance.hash &&
            x.seed === r.seed &&
            x.status === 'optimal',
        );
        return m && m.objective !== null && r.objective !== null
          ? [{ gap: (r.objective - m.objective) / Math.abs(m.objective), faster: r.runtimeSeconds < m.runtimeSeconds }]
          : [];
      });
      const matched = vsMilp.filter((v) => v.gap <= MATCH_TOLERANCE);
      return {
        size: Number(size),
        dimensions: Object.entries(rs[0]!.dimensions ?? {})
          .map(([d, v]) => `${d}=${v}`)
          .join(' '),
        method,
        runs: rs.length,
        optimal: rs.filter((r) => r.status === 'optimal').length,
        medianSeconds: median(rs.map((r) => r.runtimeSeconds)),
        medianCertifiedGapPct: pct(median(rs.flatMap((r) => (r.gap === null ? [] : [r.gap])))),
        medianGapToReferencePct: pct(median(rs.flatMap((r) => (r.gapToReference === null ? [] : [r.gapToReference])))),
        maxGapToOptimalMilpPct: vsMilp.length ? pct(Math.max(...vsMilp.map((v) => v.gap))) : null,
        vsOptimalMilp: vsMilp.length,
        matchedMilp: vsMilp.length ? matched.length : null,
        fasterThanMilp: vsMilp.length ? vsMilp.filter((v) => v.faster).length : null,
        matchedAndFaster: vsMilp.length ? matched.filter((v) => v.faster).length : null,
        maxPeakRssMB: rs.some((r) => r.peakRssMB !== undefined) ? Math.max(...rs.map((r) => r.peakRssMB ?? 0)) : null,
      };
    })
    .sort((a, b) => a.size - b.size || (a.method < b.method ? -1 : 1));
}

/** Largest size at which every MILP run finished optimal, and the smallest at which one did not. */
export function milpFrontier(rows: readonly Row[]): { lastFinished: number | null; firstUnfinished: number | null } {
  const milp = rows.filter((r) => r.method === 'milp');
  const done = milp.filter((r) => r.optimal === r.runs).map((r) => Number(r.size));
  const notDone = milp.filter((r) => r.optimal !== r.runs).map((r) => Number(r.size));
  return {
    lastFinished: done.length ? Math.max(...done) : null,
    firstUnfinished: notDone.length ? Math.min(...notDone) : null,
  };
}

/** Time and certified gap against instance size (log scales), one line per method. */
export function scalingPlots(runs: readonly RunRecord[]): Plot[] {
  const rows = scalingRows(runs);
  if (new Set(rows.map((r) => r.size)).size < 2) return [];
  const methods = [...new Set(rows.map((r) => String(r.method)))];
  const series = (key: string): Series[] =>
    methods.map((m) => ({
      name: m,
      points: rows
        .filter((r) => r.method === m && typeof r[key] === 'number' && (r[key] as number) > 0)
        .map((r) => ({ x: Number(r.size), y: r[key] as number })),
    }));
  const logLog = {
    kind: 'xy',
    xLabel: 'size (product of dimensions, log)',
    lines: true,
    logX: true,
    logY: true,
  } as const;
  return [
    plotOf('scaling-time.svg', 'Wall time vs instance size', {
      ...logLog,
      yLabel: 'median wall time (s, log)',
      series: series('medianSeconds'),
    }),
    plotOf('scaling-gap.svg', 'Certified gap vs instance size', {
      ...logLog,
      yLabel: 'median certified gap (%, log)',
      series: series('medianCertifiedGapPct'),
    }),
  ];
}

import type { RunRecord } from '../experiments/records.js';
import { setOf, siteFrequency, type Row } from '../experiments/summaries.js';
import { finalGapProfile, gapOverTime, PROFILE_TARGET_GAP, timeProfile, type ProfileProblem } from './profiles.js';
import { plotOf, type Plot } from './plot-data.js';
import type { Series } from './svg-plot.js';

export type { Plot } from './plot-data.js';

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');
const labels = (runs: readonly RunRecord[]): string[] => [...new Set(runs.map((r) => r.method.label))];

/** Gap to the optimum (%) against run time, one colour per method (all runs with a gap). */
export function gapVsTime(runs: readonly RunRecord[]): Plot | null {
  const withGap = runs.filter((r) => r.gapToOptimum !== null);
  if (withGap.length === 0) return null;
  const series: Series[] = labels(withGap).map((m) => ({
    name: m,
    points: withGap
      .filter((r) => r.method.label === m)
      .map((r) => ({ x: Math.max(r.runtimeSeconds, 1e-3), y: r.gapToOptimum! * 100 })),
  }));
  return plotOf('gap-vs-time.svg', 'Gap to optimum vs run time', {
    kind: 'xy',
    xLabel: 'run time (s, log scale)',
    yLabel: 'gap to optimum (%)',
    series,
    logX: true,
  });
}

/** Box plot of the gap to the optimum (%) per method. */
export function gapBoxes(runs: readonly RunRecord[]): Plot | null {
  const withGap = runs.filter((r) => r.gapToOptimum !== null);
  if (withGap.length === 0) return null;
  const groups = labels(withGap).map((m) => ({
    name: m,
    values: withGap.filter((r) => r.method.label === m).map((r) => r.gapToOptimum! * 100),
  }));
  return plotOf('gap-box.svg', 'Gap to optimum per method', { kind: 'box', yLabel: 'gap to optimum (%)', groups });
}

/**
 * Sensitivity curves from the sensitivity rows: objective against the multiplier, one line per
 * method; for a two-parameter grid, one plot per method with a line per level of the second parameter.
 */
export function sensitivityCurves(rows: readonly Row[]): Plot[] {
  const out: Plot[] = [];
  const keys = [...new Set(rows.map((r) => `${r.set}\u0000${r.instance}`))];
  for (const key of keys) {
    const [set, instance] = key.split('\u0000') as [string, string];
    const rs = rows.filter((r) => r.set === set && r.instance === instance && r.meanObjective !== null);
    const levelKeys = Object.keys(rs[0] ?? {}).filter((k) => k.startsWith('level_'));
    if (levelKeys.length === 0) continue;
    const xKey = levelKeys[0]!;
    const methods = [...new Set(rs.map((r) => String(r.method)))];
    const point = (r: Row): { x: number; y: number } => ({ x: Number(r[xKey]), y: Number(r.meanObjective) });
    if (levelKeys.length === 1) {
      const title = `Sensitivity ${set} on ${instance}`;
      const series = methods.map((m) => ({ name: m, points: rs.filter((r) => r.method === m).map(point) }));
      out.push(
        plotOf(`sensitivity-${safe(set)}-${safe(instance)}.svg`, title, {
          kind: 'xy',
          xLabel: `${xKey.slice(6)} multiplier`,
          yLabel: 'mean objective',
          series,
          lines: true,
        }),
      );
    } else {
      const zKey = levelKeys[1]!;
      for (const m of methods) {
        const mr = rs.filter((r) => r.method === m);
        const zs = [...new Set(mr.map((r) => Number(r[zKey])))].sort((a, b) => a - b);
        const series = zs.map((z) => ({
          name: `${zKey.slice(6)} x${z}`,
          points: mr.filter((r) => Number(r[zKey]) === z).map(point),
        }));
        const title = `Sensitivity ${set} on ${instance} (${m})`;
        out.push(
          plotOf(`sensitivity-${safe(set)}-${safe(instance)}-${safe(m)}.svg`, title, {
            kind: 'xy',
            xLabel: `${xKey.slice(6)} multiplier`,
            yLabel: 'mean objective',
            series,
            lines: true,
          }),
        );
      }
    }
  }
  return out;
}

/** How often each site opens across the scenarios of each stochastic block, per method. */
export function siteOpening(runs: readonly RunRecord[]): Plot[] {
  const stoch = runs.filter((r) => r.scenario.kind === 'stochastic');
  const keys = [...new Set(stoch.map((r) => `${setOf(r)}\u0000${r.instance.label}`))].sort();
  return keys.map((key) => {
    const [set, instance] = key.split('\u0000') as [string, string];
    const f = siteFrequency(stoch.filter((r) => setOf(r) === set && r.instance.label === instance));
    const title = `Site opening frequency: ${set} on ${instance}`;
    return plotOf(`sites-${safe(set)}-${safe(instance)}.svg`, title, {
      kind: 'bar',
      xLabel: 'site',
      yLabel: 'share of runs with the site open',
      categories: f.sites,
      series: f.methods,
    });
  });
}

/** Performance profiles (time to the target gap, final gap) and the mean primal gap over time, per method. */
export function profilePlots(ps: readonly ProfileProblem[]): Plot[] {
  if (ps.length === 0) return [];
  const target = `${100 * PROFILE_TARGET_GAP}%`;
  return [
    plotOf('profile-time.svg', `Performance profile: time to a ${target} gap`, {
      kind: 'xy',
      xLabel: 'tau: within tau x the fastest method (log)',
      yLabel: `share of problems at a ${target} gap`,
      series: timeProfile(ps),
      lines: true,
      logX: true,
    }),
    plotOf('profile-final-gap.svg', 'Performance profile: final gap', {
      kind: 'xy',
      xLabel: 'final gap to the reference (%)',
      yLabel: 'share of problems within the gap',
      series: finalGapProfile(ps),
      lines: true,
    }),
    plotOf('primal-gap-over-time.svg', 'Mean primal gap over time', {
      kind: 'xy',
      xLabel: 'time (s, log)',
      yLabel: 'mean primal gap (%)',
      series: gapOverTime(ps),
      lines: true,
      logX: true,
    }),
  ];
}

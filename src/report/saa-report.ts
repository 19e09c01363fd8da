import type { SaaRecord } from '../experiments/saa-types.js';
import type { Row } from '../experiments/summaries.js';
import { plotOf } from './plot-data.js';
import type { Plot } from './plot-data.js';

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');
const byBlockAndN = (a: SaaRecord, b: SaaRecord): number =>
  a.block < b.block
    ? -1
    : a.block > b.block
      ? 1
      : a.instance < b.instance
        ? -1
        : a.instance > b.instance
          ? 1
          : a.n - b.n;

/** The SAA bounds table: per analysis and N, LB and UB (mean, 95% half-width), the gap interval and the candidate design. */
export function saaRows(records: readonly SaaRecord[]): Row[] {
  return [...records].sort(byBlockAndN).map((r) => ({
    set: r.block,
    instance: r.instance,
    N: r.n,
    M: r.replications,
    evaluation: r.evaluation,
    solver: r.solver.name,
    lowerMean: r.lower.mean,
    lowerHalfWidth: r.lower.halfWidth,
    upperMean: r.upper.mean,
    upperHalfWidth: r.upper.halfWidth,
    gapMean: r.gap.mean,
    gapIntervalUpper: r.gapUpper,
    gapIntervalUpperPct: 100 * r.gapUpperRelative,
    candidate: r.open.join(' '),
    seconds: r.runtimeSeconds,
  }));
}

/** VSS / EVPI on the candidate sample of each analysis that computed them. */
export function saaValueRows(records: readonly SaaRecord[]): Row[] {
  return [...records]
    .sort(byBlockAndN)
    .filter((r) => r.values !== null)
    .map((r) => ({
      set: r.block,
      instance: r.instance,
      N: r.n,
      WS: r.values!.ws,
      RP: r.values!.rp,
      EEV: r.values!.eev,
      VSS: r.values!.vss,
      EVPI: r.values!.evpi,
      evDesign: r.values!.evOpen.join(' '),
    }));
}

/** Per block and instance: the lower and upper bounds vs N, each with its 95% band (mean -+ half-width). */
export function saaPlots(records: readonly SaaRecord[]): Plot[] {
  const groups = new Map<string, SaaRecord[]>();
  for (const r of [...records].sort(byBlockAndN)) {
    const k = `${r.block}\u0000${r.instance}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const { block, instance } = rs[0]!;
    const line = (name: string, y: (r: SaaRecord) => number) => ({
      name,
      points: rs.map((r) => ({ x: r.n, y: y(r) })),
    });
    return plotOf(`saa-${safe(block)}-${safe(instance)}.svg`, `SAA bounds vs N: ${block} on ${instance}`, {
      kind: 'xy',
      xLabel: 'scenarios per SAA problem (N)',
      yLabel: 'expected cost',
      lines: true,
      series: [
        line('upper bound + half-width', (r) => r.upper.mean + r.upper.halfWidth),
        line('upper bound (mean)', (r) => r.upper.mean),
        line('lower bound (mean)', (r) => r.lower.mean),
        line('lower bound - half-width', (r) => r.lower.mean - r.lower.halfWidth),
      ],
    });
  });
}

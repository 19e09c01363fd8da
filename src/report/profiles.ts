import type { RunRecord } from '../experiments/records.js';
import type { Row } from '../experiments/summaries.js';

/** Gap to the reference (relative) a run must reach to count as solved in the time profile. */
export const PROFILE_TARGET_GAP = 1e-3;

/** Shortest time counted, in seconds (a time of 0 would make every ratio infinite). */
const MIN_SECONDS = 1e-3;

/** One run's incumbent over time, ending with its final objective at its run time. */
export interface Trace {
  readonly method: string;
  readonly points: readonly { t: number; incumbent: number | null }[];
  readonly end: number;
  readonly failed: boolean;
}

/** The runs of one comparison problem (instance, scenario, seed), with the value gaps are measured to. */
export interface ProfileProblem {
  readonly key: string;
  /** The optimum where proven or published, else the best objective any run or the reference found. */
  readonly reference: number;
  readonly traces: readonly Trace[];
  /** Time over which the primal integral runs: the longest run of the problem. */
  readonly horizon: number;
}

function traceOf(r: RunRecord): Trace {
  const pts = (r.trajectory ?? []).map((p) => ({ t: Math.min(p.t, r.runtimeSeconds), incumbent: p.incumbent }));
  // The final objective is the checked one (the method's last row may be its own, untrimmed figure).
  pts.push({ t: r.runtimeSeconds, incumbent: r.objective });
  return { method: r.method.label, points: pts, end: r.runtimeSeconds, failed: r.status === 'error' };
}

/**
 * The nominal runs grouped by instance and seed, one problem per group with at least two methods
 * (a profile compares methods). Runs in error count as never reaching any gap.
 */
export function profileProblems(runs: readonly RunRecord[]): ProfileProblem[] {
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) {
    if (r.scenario.kind !== 'nominal') continue;
    const key = `${r.instance.label} / ${r.scenario.id} / seed ${r.seed}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: ProfileProblem[] = [];
  for (const [key, rs] of groups) {
    if (new Set(rs.map((r) => r.method.label)).size < 2) continue;
    const ref = rs[0]!.reference;
    const proven = ref && (ref.source === 'known' || ref.status === 'optimal') ? ref.objective : null;
    const found = [...rs.map((r) => r.objective), ref?.objective ?? null].filter(
      (v): v is number => v !== null && Number.isFinite(v),
    );
    const reference = proven ?? (found.length > 0 ? Math.min(...found) : null);
    if (reference === null) continue;
    out.push({
      key,
      reference,
      traces: rs.map(traceOf),
      horizon: Math.max(MIN_SECONDS, ...rs.map((r) => r.runtimeSeconds)),
    });
  }
  return out;
}

const methodsOf = (ps: readonly ProfileProblem[]): string[] => [
  ...new Set(ps.flatMap((p) => p.traces.map((t) => t.method))),
];

/** Relative gap of an incumbent to the reference (>= 0), or null without an incumbent. */
function relGap(incumbent: number | null, ref: number): number | null {
  if (incumbent === null || !Number.isFinite(incumbent)) return null;
  return Math.max(0, (incumbent - ref) / Math.max(Math.abs(ref), 1e-12));
}

/** Berthold's primal gap in [0, 1]: 1 without an incumbent, 0 at the reference. */
function primalGap(incumbent: number | null, ref: number): number {
  if (incumbent === null || !Number.isFinite(incumbent)) return 1;
  if (Math.abs(incumbent - ref) <= 1e-9 * Math.max(1, Math.abs(ref))) return 0;
  if (incumbent * ref < 0) return 1;
  return Math.min(1, Math.abs(incumbent - ref) / Math.max(Math.abs(incumbent), Math.abs(ref)));
}

/** The trace's incumbent at time t (the last one found by then), or null. */
function incumbentAt(tr: Trace, t: number): number | null {
  let v: number | null = null;
  for (const p of tr.points)
    if (p.t <= t && p.incumbent !== null) v = v === null ? p.incumbent : Math.min(v, p.incumbent);
  return v;
}

/** Seconds until the trace's gap first falls to `target`, or Infinity. */
export function timeToGap(tr: Trace, ref: number, target: number): number {
  if (tr.failed) return Infinity;
  let best: number | null = null;
  for (const p of [...tr.points].sort((a, b) => a.t - b.t)) {
    if (p.incumbent !== null) best = best === null ? p.incumbent : Math.min(best, p.incumbent);
    const g = relGap(best, ref);
    if (g !== null && g <= target + 1e-12) return Math.max(MIN_SECONDS, p.t);
  }
  return Infinity;
}

/** Integral of the primal gap from 0 to `horizon` (the gap stays at its final value after the run ends). */
export function primalIntegral(tr: Trace, ref: number, horizon: number): number {
  if (tr.failed) return horizon;
  const pts = [...tr.points].sort((a, b) => a.t - b.t);
  let area = 0;
  let t = 0;
  let best: number | null = null;
  for (const p of pts) {
    const until = Math.min(p.t, horizon);
    area += primalGap(best, ref) * Math.max(0, until - t);
    t = Math.max(t, until);
    if (p.incumbent !== null) best = best === null ? p.incumbent : Math.min(best, p.incumbent);
  }
  return area + primalGap(best, ref) * Math.max(0, horizon - t);
}

/** A step curve per method: x against the share of problems (a performance profile). */
export interface ProfileCurve {
  readonly name: string;
  readonly points: readonly { x: number; y: number }[];
}

/** Cumulative share of problems whose value is <= x, as a step curve over the sorted finite values. */
function cumulative(values: readonly number[], total: number, from: number, to: number): { x: number; y: number }[] {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const pts = [{ x: from, y: 0 }];
  finite.forEach((v, k) => {
    const x = Math.max(from, v);
    pts.push({ x, y: pts.at(-1)!.y }, { x, y: (k + 1) / total });
  });
  pts.push({ x: to, y: finite.length / total });
  return pts;
}

/**
 * Dolan-Moré performance profile of the time to reach {@link PROFILE_TARGET_GAP}: for each method,
 * the share of problems it solves within tau times the fastest method's time, tau from 1 up.
 */
export function timeProfile(ps: readonly ProfileProblem[], target = PROFILE_TARGET_GAP): ProfileCurve[] {
  const ratios = new Map<string, number[]>(methodsOf(ps).map((m) => [m, []]));
  for (const p of ps) {
    const times = new Map(methodsOf(ps).map((m) => [m, Infinity]));
    for (const tr of p.traces)
      times.set(tr.method, Math.min(times.get(tr.method)!, timeToGap(tr, p.reference, target)));
    const fastest = Math.min(...times.values());
    for (const [m, t] of times) ratios.get(m)!.push(Number.isFinite(fastest) ? t / fastest : Infinity);
  }
  const maxRatio = Math.max(2, ...[...ratios.values()].flat().filter(Number.isFinite));
  return [...ratios].map(([name, rs]) => ({ name, points: cumulative(rs, ps.length, 1, maxRatio * 1.5) }));
}

/** Profile of the final gap: the share of problems each method ends within x % of the reference. */
export function finalGapProfile(ps: readonly ProfileProblem[]): ProfileCurve[] {
  const gaps = new Map<string, number[]>(methodsOf(ps).map((m) => [m, []]));
  for (const p of ps)
    for (const m of gaps.keys()) {
      const mine = p.traces.filter((t) => t.method === m && !t.failed);
      const g = mine.map((t) => relGap(incumbentAt(t, Infinity), p.reference)).filter((v): v is number => v !== null);
      gaps.get(m)!.push(g.length > 0 ? 100 * Math.min(...g) : Infinity);
    }
  const max = Math.max(0.01, ...[...gaps.values()].flat().filter(Number.isFinite));
  return [...gaps].map(([name, gs]) => ({ name, points: cumulative(gs, ps.length, 0, max * 1.1) }));
}

/** Mean primal gap (%) over the problems against time (log-spaced), per method: gap over time. */
export function gapOverTime(ps: readonly ProfileProblem[], steps = 40): ProfileCurve[] {
  const tMax = Math.max(...ps.map((p) => p.horizon));
  const tMin = Math.min(
    tMax / 2,
    Math.max(MIN_SECONDS, Math.min(...ps.flatMap((p) => p.traces.map((t) => t.points[0]?.t ?? tMax)))),
  );
  const grid = Array.from({ length: steps }, (_, k) => tMin * (tMax / tMin) ** (k / (steps - 1)));
  return methodsOf(ps).map((m) => ({
    name: m,
    points: grid.map((t) => {
      const gs = ps.flatMap((p) =>
        p.traces
          .filter((tr) => tr.method === m)
          .map((tr) => (tr.failed ? 1 : primalGap(incumbentAt(tr, t), p.reference))),
      );
      return { x: t, y: gs.length > 0 ? (100 * gs.reduce((a, b) => a + b, 0)) / gs.length : 100 };
    }),
  }));
}

/** Per method: problems, how many reach the target gap, geometric mean time to it, mean final gap and primal integral. */
export function profileRows(ps: readonly ProfileProblem[], target = PROFILE_TARGET_GAP): Row[] {
  return methodsOf(ps).map((m) => {
    const mine = ps.flatMap((p) => p.traces.filter((t) => t.method === m).map((t) => ({ p, t })));
    const times = mine.map(({ p, t }) => timeToGap(t, p.reference, target));
    const solved = times.filter(Number.isFinite);
    const finals = mine.map(({ p, t }) => (t.failed ? null : relGap(incumbentAt(t, Infinity), p.reference)));
    const integrals = mine.map(({ p, t }) => primalIntegral(t, p.reference, p.horizon));
    const mean = (v: number[]): number | null => (v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null);
    const geo = solved.length > 0 ? Math.exp(mean(solved.map((t) => Math.log(t)))!) : null;
    return {
      method: m,
      runs: mine.length,
      reachedTarget: solved.length,
      geoMeanSecondsToTarget: geo,
      meanFinalGapPct: mean(finals.filter((g): g is number => g !== null).map((g) => 100 * g)),
      meanPrimalIntegral: mean(integrals),
      // Primal integral over the horizon: the mean primal gap (%) over the run, comparable across instances.
      meanPrimalGapPct: mean(mine.map(({ p }, k) => (100 * integrals[k]!) / p.horizon)),
    };
  });
}

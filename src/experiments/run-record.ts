import { hostname } from 'node:os';
import type { ExperimentConfig } from './config-types.js';
import type { RunSpec } from './expand.js';
import type { InstanceSource } from './instance-source.js';
import type { StatRow } from '../core/result.js';
import type { ReferenceSummary, RunRecord, TrajectoryPoint } from './records.js';
import { referenceOptimum } from './references.js';
import type { ReferenceOutcome, RunOutcome } from './tasks.js';

/** Relative difference to a reference value, or null when either is missing. */
export function relGap(value: number | null, ref: number | null): number | null {
  if (value === null || ref === null || !Number.isFinite(value) || !Number.isFinite(ref)) return null;
  // Rounded to 1e-10: below that the difference is summation order, not solution quality.
  return Math.round(((value - ref) / Math.max(Math.abs(ref), 1e-12)) * 1e10) / 1e10 || 0;
}

/** The outcome recorded for a run whose worker failed (the experiment goes on). */
export function errorOutcome(err: unknown): RunOutcome {
  return {
    instanceName: '',
    status: 'error',
    objective: null,
    lowerBound: null,
    gap: null,
    open: [],
    costParts: {},
    figures: {},
    runtimeSeconds: 0,
    stats: [],
    solver: { version: '', options: {} },
    message: `worker failed: ${err instanceof Error ? err.message : String(err)}`,
  };
}

/** Most points a run's trajectory keeps (improvements only; evenly thinned beyond). */
const TRAJECTORY_POINTS = 200;

/**
 * The incumbent and bound over time from a run's statistics rows: the running best of each
 * (rows may show an iteration's own value, not the best so far), one point per improvement.
 * Empty when no row has a figure.
 */
export function trajectoryOf(stats: readonly StatRow[]): TrajectoryPoint[] {
  const rows = [...stats].sort((a, b) => a.timeSeconds - b.timeSeconds);
  const out: TrajectoryPoint[] = [];
  let ub: number | null = null;
  let lb: number | null = null;
  for (const r of rows) {
    const u = r.upperBound !== null && Number.isFinite(r.upperBound) && (ub === null || r.upperBound < ub);
    const l = r.lowerBound !== null && Number.isFinite(r.lowerBound) && (lb === null || r.lowerBound > lb);
    if (u) ub = r.upperBound;
    if (l) lb = r.lowerBound;
    if (u || l) out.push({ t: Math.max(0, r.timeSeconds), incumbent: ub, bound: lb });
  }
  if (out.length <= TRAJECTORY_POINTS) return out;
  // Thinned evenly, keeping the last point (the final figures).
  const step = out.length / TRAJECTORY_POINTS;
  return [...Array.from({ length: TRAJECTORY_POINTS - 1 }, (_, k) => out[Math.floor(k * step)]!), out.at(-1)!];
}

/** A one-line summary of a finished run for a log: status, objective, gap to the reference, time. */
export function runLine(r: RunRecord): string {
  const raw = r.gapToOptimum ?? r.gapToReference;
  // Round-off below the printed digits shows as 0.000%, not -0.000%.
  const gap = raw !== null && Math.abs(raw) < 5e-6 ? 0 : raw;
  const obj = r.objective !== null ? r.objective.toFixed(2) : '-';
  return `${r.status} objective ${obj}${gap !== null ? ` gap ${(100 * gap).toFixed(3)}%` : ''} in ${r.runtimeSeconds.toFixed(1)} s`;
}

/** The runs.jsonl line of a finished run. */
export function runRecord(
  config: ExperimentConfig,
  spec: RunSpec,
  inst: InstanceSource,
  out: RunOutcome,
  ref: ReferenceOutcome | null,
): RunRecord {
  const reference: ReferenceSummary | null = ref
    ? { source: ref.source, status: ref.status, objective: ref.objective, lowerBound: ref.lowerBound }
    : null;
  return {
    experiment: config.name,
    runId: spec.runId,
    instance: {
      label: inst.label,
      group: inst.group,
      file: inst.file,
      name: out.instanceName,
      hash: inst.hash,
      options: inst.options,
    },
    method: spec.method,
    seed: spec.seed,
    scenario: {
      id: spec.scenario.id,
      kind: spec.scenario.kind,
      set: spec.scenario.set,
      index: spec.scenario.index,
      levels: spec.scenario.levels,
    },
    status: out.status,
    objective: out.objective,
    lowerBound: out.lowerBound,
    gap: out.gap,
    reference,
    gapToOptimum: relGap(out.objective, referenceOptimum(ref)),
    gapToReference: relGap(out.objective, ref?.objective ?? null),
    gapToReferenceBound: relGap(out.objective, ref?.lowerBound ?? null),
    runtimeSeconds: out.runtimeSeconds,
    trajectory: trajectoryOf(out.stats),
    ...(out.dimensions ? { dimensions: out.dimensions } : {}),
    ...(out.peakRssMB !== undefined ? { peakRssMB: out.peakRssMB } : {}),
    open: out.open,
    costParts: out.costParts,
    ...(Object.keys(out.figures).length > 0 ? { figures: out.figures } : {}),
    highs: out.solver,
    host: hostname(),
    finishedAt: new Date().toISOString(),
    ...(out.message ? { message: out.message } : {}),
  };
}

import { hostname } from 'node:os';
import type { ExperimentConfig } from './config-types.js';
import type { RunSpec } from './expand.js';
import type { InstanceSource } from './instance-source.js';
import type { ReferenceSummary, RunRecord } from './records.js';
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

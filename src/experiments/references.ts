import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { scenarioHook } from '../problems/scenario-hooks.js';
import type { ExperimentConfig } from './config-types.js';
import { refKey, type RunSpec, type StochasticSpec } from './expand.js';
import type { InstanceSource } from './instance-source.js';
import type { ReferenceRecord } from './records.js';
import { NOMINAL, type ScenarioSpec } from './scenarios.js';
import type { ReferenceOutcome } from './tasks.js';

/** Which references an experiment run has and which MILPs it still has to solve. */
export interface ReferencePlan {
  /** Published optima by reference key. */
  readonly gapRefs: Map<string, ReferenceOutcome>;
  /** MILP references loaded from the cache (solved ones are added by the runner). */
  readonly milp: Map<string, ReferenceOutcome>;
  readonly toSolve: [string, { inst: InstanceSource; scenario: ScenarioSpec }][];
  /** Per stochastic analysis: the nominal MILP key and each scenario's reference key. */
  readonly stochRefKeys: Map<string, { nominal: string; scenarios: string[] }>;
  readonly counts: { known: number; cached: number; computed: number };
  /** Cache files that were not valid references: deleted, their MILPs solved again. */
  readonly discarded: string[];
}

/**
 * Settles the references for the pending work: published optima, the disk cache
 * (`milp-cache/<key>.json`), or a MILP still to solve.
 */
export async function planReferences(
  config: ExperimentConfig,
  outDir: string,
  pendingRuns: readonly RunSpec[],
  pendingStoch: readonly StochasticSpec[],
  byLabel: ReadonlyMap<string, InstanceSource>,
): Promise<ReferencePlan> {
  // Gap references are published optima where they exist, else the MILP; the stochastic
  // analyses also need the nominal MILP's design. Decided per key, never by what is pending,
  // so a run's record does not depend on the shard it ran in.
  const gapRefs = new Map<string, ReferenceOutcome>();
  const milpNeeded = new Map<string, { inst: InstanceSource; scenario: ScenarioSpec }>();
  const counts = { known: 0, cached: 0, computed: 0 };
  const wantGap = async (inst: InstanceSource, scenario: ScenarioSpec, key: string): Promise<void> => {
    if (gapRefs.has(key)) return;
    const known = scenario.kind === 'nominal' ? await knownOptimum(inst) : null;
    if (known === null) milpNeeded.set(key, { inst, scenario });
    else {
      gapRefs.set(key, {
        source: 'known',
        status: 'optimal',
        objective: known,
        lowerBound: known,
        design: null,
        open: [],
        runtimeSeconds: 0,
      });
      counts.known++;
    }
  };
  if (config.reference.enabled)
    for (const r of pendingRuns) await wantGap(byLabel.get(r.instance)!, r.scenario, r.refKey);
  const stochRefKeys = new Map<string, { nominal: string; scenarios: string[] }>();
  for (const s of pendingStoch) {
    const inst = byLabel.get(s.instance)!;
    const nominal = refKey(inst, NOMINAL);
    milpNeeded.set(nominal, { inst, scenario: NOMINAL });
    const keys = s.scenarios.map((sc) => refKey(inst, sc));
    for (let i = 0; i < keys.length; i++) await wantGap(inst, s.scenarios[i]!, keys[i]!);
    stochRefKeys.set(s.key, { nominal, scenarios: keys });
  }
  const milp = new Map<string, ReferenceOutcome>();
  const toSolve: [string, { inst: InstanceSource; scenario: ScenarioSpec }][] = [];
  const discarded: string[] = [];
  for (const [key, n] of milpNeeded) {
    const cacheFile = join(outDir, 'milp-cache', `${key}.json`);
    const present = existsSync(cacheFile);
    const cached = present ? await readCacheFile(cacheFile) : null;
    if (present && !cached) discarded.push(cacheFile);
    if (cached) {
      milp.set(key, cached);
      counts.cached++;
    } else toSolve.push([key, n]);
  }
  return { gapRefs, milp, toSolve, stochRefKeys, counts, discarded };
}

/** The objective of a reference only when it is a proven or published optimum. */
export function referenceOptimum(ref: ReferenceOutcome | null): number | null {
  return ref && ref.status === 'optimal' ? ref.objective : null;
}

const optimaCache = new Map<string, unknown>();

/** A published optimum from optima.json beside the instance file, if its kind knows how to read one. */
export async function knownOptimum(inst: InstanceSource): Promise<number | null> {
  const hook = scenarioHook(inst.kind);
  if (!hook.knownOptimum) return null;
  const file = join(dirname(inst.file), 'optima.json');
  if (!optimaCache.has(file)) optimaCache.set(file, existsSync(file) ? JSON.parse(await readFile(file, 'utf8')) : null);
  const optima = optimaCache.get(file);
  return optima ? hook.knownOptimum(optima, inst.file, inst.options) : null;
}

/**
 * A cached MILP reference, or null when the file is not one (a crash mid-write, an edit): the
 * corrupt file is deleted and the reference solved again, instead of stopping the runner.
 */
async function readCacheFile(file: string): Promise<ReferenceRecord | null> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    const rec = value as Partial<ReferenceRecord> | null;
    if (
      typeof rec === 'object' &&
      rec !== null &&
      typeof rec.status === 'string' &&
      (rec.objective === null || typeof rec.objective === 'number')
    )
      return value as ReferenceRecord;
  } catch {
    // not JSON: discarded below
  }
  await rm(file, { force: true });
  return null;
}

import { InputError } from '../core/errors.js';
import type { BlockScope, ExperimentConfig, MethodEntry } from './config-types.js';
import type { InstanceSource } from './instance-source.js';
import { stableId } from './run-id.js';
import { blockScenarios, NOMINAL, type ScenarioSpec } from './scenarios.js';

/** One run: an instance under a scenario, solved by one method setting with one seed. */
export interface RunSpec {
  readonly runId: string;
  readonly instance: string;
  readonly method: MethodEntry;
  readonly seed: number;
  readonly scenario: ScenarioSpec;
  /** Key of the MILP reference (optimum) for this instance and scenario. */
  readonly refKey: string;
}

/** A stochastic analysis: one instance against all scenarios of one stochastic block. */
export interface StochasticSpec {
  readonly key: string;
  readonly instance: string;
  readonly block: string;
  readonly scenarios: readonly ScenarioSpec[];
  readonly twoStage: boolean;
}

/** The full, ordered work list of an experiment. */
export interface Expansion {
  readonly runs: readonly RunSpec[];
  readonly stochastic: readonly StochasticSpec[];
  readonly scenarios: readonly ScenarioSpec[];
}

/** Reference key: instance content and scenario recipe (not its display id). */
export function refKey(inst: InstanceSource, scenario: ScenarioSpec): string {
  return stableId({ instance: inst.hash, changes: scenario.changes });
}

function inScope(scope: BlockScope | null, inst: InstanceSource, m: MethodEntry, seed: number): boolean {
  if (!scope) return true;
  return (
    (!scope.methods || scope.methods.includes(m.label)) &&
    (!scope.seeds || scope.seeds.includes(seed)) &&
    (!scope.instances || scope.instances.includes(inst.label))
  );
}

/**
 * Expands a config into runs in a fixed order (scenario, instance, method, seed). Each run id
 * hashes what determines its result (instance content, method and options, seed, scenario
 * recipe), so ids are stable across machines, shards and re-runs.
 */
export function expand(config: ExperimentConfig, sources: readonly InstanceSource[]): Expansion {
  const blocks = blockScenarios(config);
  const scopes = new Map<string, BlockScope>([...config.stochastic, ...config.sensitivity].map((b) => [b.name, b]));
  checkGroups(config, sources);
  const scenarios: ScenarioSpec[] = [...(config.nominal ? [NOMINAL] : []), ...blocks.flatMap((b) => b.scenarios)];
  const runs: RunSpec[] = [];
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    const scope = scenario.set ? scopes.get(scenario.set)! : null;
    for (const inst of sources) {
      for (const method of config.methods) {
        for (const seed of config.seeds) {
          if (!inScope(scope, inst, method, seed)) continue;
          const runId = stableId({
            instance: inst.hash,
            method: {
              label: method.label,
              name: method.name,
              params: method.params,
              timeLimit: method.timeLimit,
              stop: method.stop,
            },
            seed,
            scenario: { id: scenario.id, changes: scenario.changes },
          });
          if (seen.has(runId))
            throw new InputError(
              config.file,
              'instances',
              `distinct runs; instance ${inst.label} appears twice with the same options`,
            );
          seen.add(runId);
          runs.push({ runId, instance: inst.label, method, seed, scenario, refKey: refKey(inst, scenario) });
        }
      }
    }
  }
  const stochastic: StochasticSpec[] = [];
  for (const b of config.stochastic) {
    const block = blocks.find((x) => x.block === b.name)!;
    for (const inst of sources) {
      if (b.instances && !b.instances.includes(inst.label)) continue;
      stochastic.push({
        key: stableId({
          instance: inst.hash,
          block: b.name,
          changes: block.scenarios.map((s) => s.changes),
          twoStage: b.twoStage,
        }),
        instance: inst.label,
        block: b.name,
        scenarios: block.scenarios,
        twoStage: b.twoStage,
      });
    }
  }
  return { runs, stochastic, scenarios };
}

/** Every scenario parameter must be a group the instance's problem kind can scale. */
function checkGroups(config: ExperimentConfig, sources: readonly InstanceSource[]): void {
  const check = (group: string, path: string, scope: BlockScope): void => {
    for (const inst of sources) {
      if (scope.instances && !scope.instances.includes(inst.label)) continue;
      if (!inst.groups.includes(group)) {
        const expected =
          inst.groups.length > 0
            ? `a parameter group of ${inst.kind} (${inst.groups.join(', ')}), got ${group}`
            : `no scenario parameters: ${inst.kind} has no scenario support yet (nominal runs only); restrict the block with instances: [...]`;
        throw new InputError(config.file, path, `${expected} (instance ${inst.label})`);
      }
    }
  };
  config.stochastic.forEach((b, i) =>
    Object.keys(b.parameters).forEach((g) => check(g, `scenarios.stochastic[${i}].parameters.${g}`, b)),
  );
  config.sensitivity.forEach((b, i) =>
    b.axes.forEach((a) =>
      check(a.group, `scenarios.sensitivity[${i}].${b.axes.length > 1 ? `grid.${a.group}` : 'parameter'}`, b),
    ),
  );
}

/** Parses `i/N` (1 <= i <= N). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count)
    throw new InputError(
      '--shard',
      text,
      'i/N with 1 <= i <= N (e.g. 3/10; Slurm: $SLURM_ARRAY_TASK_ID/N with --array=1-N)',
    );
  return { index, count };
}

/** Shard i of N: every N-th item starting at i-1 (round robin, so shards get mixed work). */
export function shardOf<T>(items: readonly T[], shard: { index: number; count: number } | null): T[] {
  if (!shard) return [...items];
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}

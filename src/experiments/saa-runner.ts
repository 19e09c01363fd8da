import { hostname } from 'node:os';
import { InputError } from '../core/errors.js';
import { compileStochastic } from '../problems/network/stochastic/instance.js';
import type { WorkerPool } from '../parallel/worker-pool.js';
import type { ExperimentConfig, SaaBlock } from './config-types.js';
import type { InstanceSource } from './instance-source.js';
import { appendLine } from './jsonl.js';
import { stableId } from './run-id.js';
import { saaAnalysis } from './saa-analysis.js';
import { saaInputs, sampleOf } from './saa-task.js';
import type { SaaOutcome, SaaRecord, SaaTask } from './saa-types.js';
import type { TaskSource } from './tasks.js';

/** One SAA analysis of an experiment: a block, an instance in its scope, one N. */
export interface SaaSpec {
  readonly key: string;
  readonly instance: string;
  readonly block: SaaBlock;
  readonly n: number;
}

const sourceOf = (s: InstanceSource): TaskSource => ({
  file: s.file,
  text: s.text,
  hash: s.hash,
  options: s.options,
  kind: s.kind,
});

/**
 * The SAA analyses of a config in order (block, instance, N). Each key hashes what determines
 * the record (instance content, N, M, N', seed, solver, factors), so a rerun skips finished
 * analyses and a changed block runs again. The factors are checked against every instance here,
 * before any work: an unknown group, echelon or product is a one-line error naming the field.
 */
export function expandSaa(config: ExperimentConfig, sources: readonly InstanceSource[]): SaaSpec[] {
  const out: SaaSpec[] = [];
  for (const b of config.saa ?? []) {
    const at = `scenarios.stochastic(${b.name})`;
    for (const inst of sources) {
      if (b.instances && !b.instances.includes(inst.label)) continue;
      if (inst.kind !== 'network')
        throw new InputError(
          config.file,
          `${at}.instances`,
          `network instances (SAA samples network scenarios); ${inst.label} is ${inst.kind}`,
        );
      checkSaaFactors(config.file, at, b, sourceOf(inst), inst.label);
      for (const n of b.n)
        out.push({
          key: stableId({
            kind: 'saa',
            instance: inst.hash,
            block: b.name,
            n,
            replications: b.replications,
            evaluation: b.evaluation,
            seed: b.seed,
            solver: b.solver,
            parameters: b.parameters,
            values: b.values && n === b.n[0],
          }),
          instance: inst.label,
          block: b,
          n,
        });
    }
  }
  return out;
}

/** Each group must parse and its sampled scenario must compile on this instance; errors name `file` and `at.parameters.<group>`. */
export function checkSaaFactors(file: string, at: string, b: SaaBlock, source: TaskSource, label: string): void {
  for (const g of Object.keys(b.parameters)) {
    try {
      const { doc, factors } = saaInputs(source, { [g]: b.parameters[g]! });
      compileStochastic(sampleOf(doc, factors, { key: 'check', size: 1 }), source.file);
    } catch (err) {
      throw new InputError(
        file,
        `${at ? `${at}.` : ''}parameters.${g}`,
        `${err instanceof InputError ? err.expected : (err as Error).message} (instance ${label})`,
      );
    }
  }
}

/** Runs one SAA analysis on an executor and returns its stochastic.jsonl line. */
export async function saaRecord(
  exec: (t: SaaTask) => Promise<unknown>,
  config: ExperimentConfig,
  spec: SaaSpec,
  source: InstanceSource,
): Promise<SaaRecord> {
  const b = spec.block;
  const out: SaaOutcome = await saaAnalysis(exec, {
    source: sourceOf(source),
    parameters: b.parameters,
    n: spec.n,
    replications: b.replications,
    evaluation: b.evaluation,
    seed: b.seed,
    solver: b.solver,
    values: b.values && spec.n === b.n[0],
  });
  return {
    kind: 'saa',
    experiment: config.name,
    key: spec.key,
    instance: spec.instance,
    block: b.name,
    ...out,
    host: hostname(),
    finishedAt: new Date().toISOString(),
  };
}

/** What the experiment runner hands the SAA jobs. */
export interface SaaJobContext {
  readonly config: ExperimentConfig;
  readonly pool: WorkerPool<SaaTask>;
  readonly byLabel: ReadonlyMap<string, InstanceSource>;
  readonly file: string;
  readonly stopped: () => boolean;
  readonly track: <T>(p: Promise<T>) => Promise<T>;
  readonly tick: (message: string) => void;
  readonly log: (message: string) => void;
}

/**
 * Runs the pending SAA analyses at once on the experiment's pool (their tasks interleave), one
 * stochastic.jsonl line per finished analysis. A failed analysis is logged and not recorded, so
 * a rerun tries it again. Resolves to the analyses done and their summed wall time.
 */
export async function runSaaJobs(
  ctx: SaaJobContext,
  specs: readonly SaaSpec[],
): Promise<{ done: number; seconds: number }> {
  let done = 0;
  let seconds = 0;
  await Promise.all(
    specs.map(async (spec) => {
      if (ctx.stopped()) return;
      let rec: SaaRecord;
      try {
        rec = await saaRecord((t) => ctx.pool.run(t), ctx.config, spec, ctx.byLabel.get(spec.instance)!);
      } catch (err) {
        if (!ctx.stopped())
          ctx.log(
            `saa ${spec.block.name} ${spec.instance} N=${spec.n} failed: ${err instanceof Error ? err.message : String(err)}`,
          );
        return;
      }
      if (ctx.stopped()) return;
      await ctx.track(appendLine(ctx.file, rec));
      done++;
      seconds += rec.runtimeSeconds;
      const f = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
      ctx.log(
        `saa ${spec.block.name} ${spec.instance} N=${spec.n}: LB ${f(rec.lower.mean)} +- ${f(rec.lower.halfWidth)}, UB ${f(rec.upper.mean)} +- ${f(rec.upper.halfWidth)}, gap interval [0, ${f(rec.gapUpper)}] (${(100 * rec.gapUpperRelative).toFixed(4)}% of UB)`,
      );
      ctx.tick(
        `saa ${spec.block.name} ${spec.instance} N=${spec.n}: gap <= ${(100 * rec.gapUpperRelative).toFixed(3)}% of UB`,
      );
    }),
  );
  return { done, seconds };
}

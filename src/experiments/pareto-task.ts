import { InputError } from '../core/errors.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { paretoFront, type ParetoFront } from '../pareto/epsilon-constraint.js';
import { localScalarRunner } from '../pareto/scalar.js';
import type { NetworkInstance } from '../problems/network/instance.js';
import { scenarioHook } from '../problems/scenario-hooks.js';
import type { ExperimentConfig } from './config-types.js';
import type { InstanceSource } from './instance-source.js';
import type { ParetoBlock } from './pareto-block.js';
import { stableId } from './run-id.js';
import type { ParetoTask } from './tasks.js';

/** One front to compute: an instance, a pareto block and a seed. */
export interface ParetoSpec {
  /** Hash of what determines the front (instance content, the block's settings, seed). */
  readonly key: string;
  readonly instance: string;
  readonly block: ParetoBlock;
  readonly seed: number;
}

/** The fronts of an experiment's pareto blocks, in a fixed order (block, instance, seed). */
export function expandPareto(config: ExperimentConfig, sources: readonly InstanceSource[]): ParetoSpec[] {
  const out: ParetoSpec[] = [];
  config.pareto.forEach((block, b) => {
    for (const src of sources) {
      if (block.instances && !block.instances.includes(src.label)) continue;
      if (src.kind !== 'network')
        throw new InputError(
          config.file,
          `pareto[${b}].instances`,
          `network instances only (${src.label} is ${src.kind}; name the network instances with instances: [...])`,
        );
      for (const seed of block.seeds ?? config.seeds) {
        const settings = { ...block, instances: null, seeds: null };
        out.push({ key: stableId({ instance: src.hash, block: settings, seed }), instance: src.label, block, seed });
      }
    }
  });
  return out;
}

/**
 * Computes one front in the worker, its scalarised problems one after another on the worker's
 * HiGHS: the front is then the same whatever the experiment's thread count.
 */
export async function runParetoTask(handle: HighsHandle, t: ParetoTask): Promise<ParetoFront> {
  const inst = scenarioHook('network').read(t.source.text, t.source.file, t.source.options) as NetworkInstance;
  const { block } = t;
  return paretoFront(inst, localScalarRunner(inst, handle), {
    method: block.method,
    seed: t.seed,
    ...(block.timeLimit !== null ? { timeLimit: block.timeLimit } : {}),
    ...(block.points !== null ? { points: block.points } : {}),
    ...(block.resolution !== null ? { resolution: block.resolution } : {}),
  });
}

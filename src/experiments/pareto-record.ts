import type { ParetoFront } from '../pareto/epsilon-constraint.js';

/**
 * One line of pareto.jsonl: the `rlnd pareto --json` object of one finished front, with what made
 * it. `instance` is the experiment's instance label (as in the other records); the front's own
 * `instance` (the network's name) is kept as `network`.
 */
export interface ParetoRecord extends Omit<ParetoFront, 'instance'> {
  readonly experiment: string;
  readonly key: string;
  readonly instance: string;
  readonly network: string;
  readonly block: string;
  readonly seed: number;
  readonly host: string;
  readonly finishedAt: string;
}

/** Fields of a pareto record that vary between identical runs. */
export const PARETO_TIMING_FIELDS = ['runtimeSeconds', 'finishedAt', 'host'] as const;

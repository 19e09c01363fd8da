import { parse as parseYaml } from 'yaml';
import type { Problem } from '../core/problem.js';
import { problemFromText } from '../io/load-problem.js';
import { flScenarioHook } from './fl-scenario-hook.js';
import { networkScenarioHook } from './network/scenario-hook.js';
import type { LoadOptions } from './problem-kind.js';

/**
 * Multipliers for named parameter groups of an instance: one number for the whole group
 * (shared) or one per item of the group (e.g. one per customer for `demand`).
 */
export type Factors = Readonly<Record<string, number | readonly number[]>>;

/** Any problem's read-only instance object; the hook that made it knows its real type. */
export interface KindedInstance {
  readonly kind: string;
}

/**
 * What the experiment runner needs from a problem kind to build scenario and sensitivity
 * instances: read the instance, know its parameter groups and their sizes, and scale them by a
 * pure `withChanges`-style copy. Kept apart from the problem files so scenarios plug in
 * without editing them.
 */
export interface ScenarioHook {
  readonly kind: string;
  /** Parameter groups that can be scaled (e.g. demand, fixedCost, capacity, transportCost). */
  readonly groups: readonly string[];
  /** Reads the instance object (same dispatch as `problemFromText`). */
  read(text: string, file: string, options: LoadOptions): KindedInstance;
  /** Number of items in each group (the length of a per-item factor array). */
  sizes(inst: KindedInstance): Readonly<Record<string, number>>;
  /** A new instance with the groups scaled; the input is untouched. */
  scale(inst: KindedInstance, factors: Factors): KindedInstance;
  /** The problem for an instance. */
  toProblem(inst: KindedInstance): Problem;
  /**
   * A published optimum from an `optima.json` beside the instance file (parsed), or null when
   * none applies to this file and these load options.
   */
  knownOptimum?(optima: unknown, file: string, options: LoadOptions): number | null;
}

/** Every kind with scenario support. A new problem kind adds one line here. */
export const SCENARIO_HOOKS: readonly ScenarioHook[] = [flScenarioHook, networkScenarioHook];

/** The problem kind of an instance file, dispatched like `problemFromText`. */
export function kindOfText(text: string, file: string): string {
  const yaml = /\.ya?ml$/i.test(file);
  if (!file.endsWith('.json') && !yaml) return 'facility-location';
  try {
    const data: unknown = yaml ? parseYaml(text) : JSON.parse(text);
    if (typeof data === 'object' && data !== null && 'problem' in data)
      return String((data as { problem: unknown }).problem);
  } catch {
    // The reader reports the syntax error with its position.
  }
  return 'facility-location';
}

/**
 * For a kind without scenario support: nominal runs only. Its instance wraps the problem read by
 * the kind's own reader, and it has no parameter groups, so a scenario block naming any group is
 * rejected when the config is expanded.
 */
function nominalOnlyHook(kind: string): ScenarioHook {
  interface Wrapped extends KindedInstance {
    readonly problem: Problem;
  }
  return {
    kind,
    groups: [],
    read: (text, file, options): Wrapped => ({ kind, problem: problemFromText(text, file, options) }),
    sizes: () => ({}),
    scale() {
      throw new Error(`${kind} has no scenario support (add a hook in src/problems/scenario-hooks.ts)`);
    },
    toProblem: (inst) => (inst as Wrapped).problem,
  };
}

/** The scenario hook for a kind; kinds without one get a nominal-only hook. */
export function scenarioHook(kind: string): ScenarioHook {
  return SCENARIO_HOOKS.find((h) => h.kind === kind) ?? nominalOnlyHook(kind);
}

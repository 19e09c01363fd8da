import { parse as parseYaml } from 'yaml';
import type { Problem } from '../core/problem.js';
import { DEFAULT_KIND, PROBLEM_KINDS } from './kinds.js';
import { problemFromText } from './load-problem.js';
import type { KindedInstance, ScenarioHook } from './problem-kind.js';
import { kindOfData } from './registry.js';

/** The problem kind of an instance file, dispatched like `problemFromText`. */
export function kindOfText(text: string, file: string): string {
  const yaml = /\.ya?ml$/i.test(file);
  if (!file.endsWith('.json') && !yaml) return DEFAULT_KIND;
  try {
    return kindOfData(yaml ? parseYaml(text) : JSON.parse(text));
  } catch {
    // The reader reports the syntax error with its position.
    return DEFAULT_KIND;
  }
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
    groups: [],
    read: (text, file, options): Wrapped => ({ kind, problem: problemFromText(text, file, options) }),
    sizes: () => ({}),
    scale() {
      throw new Error(
        `${kind} has no scenario support (add a scenario hook to its entry, src/problems/${kind}/kind.ts)`,
      );
    },
    toProblem: (inst) => (inst as Wrapped).problem,
  };
}

/** The scenario hook of a kind's entry; kinds without one get a nominal-only hook. */
export function scenarioHook(kind: string): ScenarioHook {
  return PROBLEM_KINDS.find((k) => k.kind === kind)?.scenario ?? nominalOnlyHook(kind);
}

import type { ScenarioCut } from './two-stage.js';
import type { BatchRunner } from './batch-runner.js';

/** What a scenario worker is asked: cuts of the listed scenarios at one point, or their lower cuts. */
export interface ScenarioTask {
  readonly kind: 'cut' | 'lower';
  /** The first-stage point (for `cut`). */
  readonly at: Float64Array | null;
  readonly scenarios: readonly number[];
}

/**
 * A runner that also prices two-stage scenario subproblems (cuts of a decomposition) on its
 * workers; results come back in the order of `task.scenarios`, so a decomposition is the same
 * whatever the number of workers.
 */
export interface ScenarioRunner extends BatchRunner {
  scenarioCuts(task: ScenarioTask): Promise<ScenarioCut[]>;
}

/** True when a runner can price scenario subproblems. */
export function isScenarioRunner(r: BatchRunner | null): r is ScenarioRunner {
  return r !== null && typeof (r as Partial<ScenarioRunner>).scenarioCuts === 'function';
}

/**
 * Scenarios per pricing task. Fixed, never derived from the thread count: a decomposition may
 * price a task's scenarios with state carried from one to the next (TwoStageDecomposition.cuts),
 * so the chunks must be the same on 1 or N threads. Eight gives a 200-scenario problem 25 tasks
 * to balance over the workers.
 */
export const SCENARIO_CHUNK = 8;

/** The scenario list cut into consecutive chunks of {@link SCENARIO_CHUNK}. */
export function scenarioChunks(scenarios: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < scenarios.length; k += SCENARIO_CHUNK) out.push(scenarios.slice(k, k + SCENARIO_CHUNK));
  return out;
}

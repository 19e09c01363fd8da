import type { Problem } from '../core/problem.js';
import type { ScenarioCut } from '../core/two-stage.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { problemFromText } from '../problems/load-problem.js';
import { sourceKey, type ProblemSource } from './problem-source.js';
import type { ScenarioTask } from '../core/scenario-runner.js';
import { workerSetup } from './worker-setup.js';

// Kept for the worker's life: the problem (its scenario LPs are built once) and a HiGHS module.
let handle: Promise<HighsHandle> | null = null;
let current: { key: string; problem: Problem } | null = null;

/** Piscina entry point (run on the design pool's workers): cuts of each listed scenario, in order. */
export default async function priceScenarios(task: ScenarioTask): Promise<ScenarioCut[]> {
  handle ??= HighsHandle.load();
  const source = await workerSetup<ProblemSource>();
  const h = await handle;
  const key = sourceKey(source);
  if (!current || current.key !== key)
    current = { key, problem: problemFromText(source.text, source.file, source.options) };
  const dec = current.problem.twoStage?.();
  if (!dec) throw new Error(`${source.file} is not a two-stage problem`);
  if (task.kind === 'cut') return dec.cuts(h, task.scenarios, task.at!);
  const out: ScenarioCut[] = [];
  for (const s of task.scenarios) out.push(await dec.lowerCut(h, s));
  return out;
}

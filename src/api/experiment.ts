import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import type { ExperimentConfig } from '../experiments/config-types.js';
import { readJsonlChecked } from '../experiments/jsonl.js';
import { configFromObject, loadConfig } from '../experiments/load-config.js';
import type { RunRecord } from '../experiments/records.js';
import { ExperimentRun, type RunOptions, type RunSummary } from '../experiments/runner.js';
import { loadPlugins } from '../parallel/plugins.js';

/** How to run an experiment from code. */
export interface ExperimentOptions extends Pick<RunOptions, 'shard' | 'out' | 'progress' | 'log'> {
  /** Worker threads (default 1); results do not depend on it. */
  threads?: number;
  /** Plugin modules to load before the config is read (paths relative to the working directory). */
  plugins?: readonly string[];
  /**
   * Name of a config given as data, for messages and for its `plugins` paths (relative to its
   * folder); default `<working directory>/experiment.json`.
   */
  configFile?: string;
}

/**
 * Runs (or resumes) an experiment: a config file (YAML/JSON, docs/experiments.md) or the same
 * config as data. Writes runs.jsonl and the rest to the config's output folder (or `out`), and
 * returns what it did. Runs already recorded there are skipped.
 */
export async function runExperiment(
  config: string | Readonly<Record<string, unknown>>,
  options: ExperimentOptions = {},
): Promise<RunSummary> {
  if (options.plugins) await loadPlugins(options.plugins, 'plugins');
  const cfg: ExperimentConfig =
    typeof config === 'string'
      ? await loadConfig(config)
      : await configFromObject(config, resolve(options.configFile ?? 'experiment.json'));
  return new ExperimentRun(cfg, {
    threads: options.threads ?? 1,
    shard: options.shard ?? null,
    ...(options.out !== undefined ? { out: options.out } : {}),
    ...(options.progress !== undefined ? { progress: options.progress } : {}),
    ...(options.log ? { log: options.log } : {}),
  }).run();
}

/** The run records of a result folder (its runs.jsonl), in file order; corrupt lines are skipped. */
export async function readRuns(resultsDir: string): Promise<RunRecord[]> {
  const file = join(resultsDir, 'runs.jsonl');
  if (!existsSync(file))
    throw new InputError(resultsDir, 'runs.jsonl', 'a result folder written by runExperiment or `rlnd run`');
  return (await readJsonlChecked<RunRecord>(file, { key: 'runId' })).records;
}

import { InputError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';
import type { Result } from '../core/result.js';
import { parseStopping, type StoppingCriterion } from '../core/stopping.js';
import { HighsHandle } from '../exact/highs-handle.js';
import { loadPlugins } from '../parallel/plugins.js';
import { getMethod } from '../methods/registry.js';
import { PoolRunner } from '../parallel/pool-runner.js';
import { solve as solveOnce } from '../solve.js';
import { sourceOf } from './problem-sources.js';

/** How to solve one problem (every field optional). */
export interface SolveOptions {
  /** A registered method name (default `milp`): built-in, registered, or from `plugins`. */
  method?: string;
  /** Random seed, an integer >= 0 (default 1): same seed, same result, for any `threads`. */
  seed?: number;
  /** Wall-clock limit in seconds. */
  timeLimit?: number;
  /** Heuristic stopping rule: an object (maxIterations(500), ...) or a string (`iters=500,stall=50`). */
  stop?: StoppingCriterion | string | null;
  /** Method parameters, checked against the method's declared parameters. */
  params?: Readonly<Record<string, unknown>>;
  /**
   * Worker threads that price designs for heuristics (default 1). Needs a problem made by
   * `loadProblem` or `buildNetwork`: workers rebuild it from its source.
   */
  threads?: number;
  /** Plugin modules to load first (paths relative to the working directory). */
  plugins?: readonly string[];
}

// One HiGHS module for the thread's public-API solves (loading one takes a while); `solve`
// resets its pricing sessions before each run, so results do not depend on earlier runs.
let shared: Promise<HighsHandle> | null = null;

/**
 * Solves a problem: returns the best design and flows with the objective recomputed from them,
 * the lower bound where the method proves one, status, runtime and per-iteration statistics.
 */
export async function solve<F>(problem: Problem<F>, options: SolveOptions = {}): Promise<Result<F>> {
  const startedAt = performance.now();
  if (options.plugins) await loadPlugins(options.plugins, 'plugins');
  const method = getMethod(options.method ?? 'milp', 'method');
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new InputError('threads', String(threads), 'an integer >= 1');
  const stop = typeof options.stop === 'string' ? parseStopping(options.stop, 'stop') : (options.stop ?? null);
  let runner: PoolRunner | null = null;
  // The exact MILP is one HiGHS solve: a pool would sit idle.
  if (threads > 1 && method.name !== 'milp') {
    const source = sourceOf(problem);
    if (!source)
      throw new InputError(
        'threads',
        String(threads),
        'a problem made by loadProblem or buildNetwork (workers rebuild it)',
      );
    runner = new PoolRunner(await source, threads);
  }
  shared ??= HighsHandle.load();
  try {
    return await solveOnce(problem, {
      method: method.name,
      seed: options.seed ?? 1,
      ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
      stop,
      params: options.params ?? {},
      handle: await shared,
      runner,
      startedAt,
    });
  } finally {
    await runner?.close();
  }
}

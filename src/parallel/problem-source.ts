import type { LoadOptions } from '../problems/problem-kind.js';

/**
 * How a worker rebuilds a problem: the instance file's text, its name (for the reader's choice
 * and messages) and the load options. Plain data, so it can be posted to a worker thread.
 */
export interface ProblemSource {
  readonly file: string;
  readonly text: string;
  readonly options: LoadOptions;
}

/** Cache key of a source. */
export function sourceKey(s: ProblemSource): string {
  return `${s.file}\u0000${JSON.stringify(s.options)}\u0000${s.text.length}\u0000${s.text.slice(0, 64)}`;
}

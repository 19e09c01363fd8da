import type { Problem } from '../core/problem.js';

/** Options a user may give when loading any instance (each problem uses what applies). */
export interface LoadOptions {
  /** Facility-location variant: cflp | sscflp | uflp. */
  variant?: string;
  /** Capacity for OR-Library files whose capacity is the word `capacity`. */
  capacity?: number;
  /** Relax integer flows to continuous, where a problem has integer flows. */
  relax?: boolean;
}

/** How a problem kind reads its JSON instance files (the `problem` field names the kind). */
export interface ProblemKind {
  readonly kind: string;
  readonly description: string;
  fromJson(data: unknown, file: string, options: LoadOptions): Problem;
}

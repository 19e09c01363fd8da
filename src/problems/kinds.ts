import { facilityLocationKind } from './facility-location/kind.js';
import { networkKind } from './network/kind.js';
import type { ProblemKind } from './problem-kind.js';

/**
 * Every problem kind rlnd knows: its reader, scenario hook and generators are in its entry
 * (src/problems/<kind>/kind.ts). A new problem adds one entry and one line here, nothing else.
 */
export const PROBLEM_KINDS: readonly ProblemKind[] = [facilityLocationKind, networkKind];

/** The kind of a JSON or YAML file without a `problem` field, and of any other text file (OR-Library). */
export const DEFAULT_KIND = 'facility-location';

import { facilityLocationKind } from './facility-location/kind.js';
import { networkKind } from './network/kind.js';
import type { ProblemKind } from './problem-kind.js';

/** Every problem kind rlnd can read. A new problem adds one line here and nothing else. */
export const PROBLEM_KINDS: readonly ProblemKind[] = [facilityLocationKind, networkKind];

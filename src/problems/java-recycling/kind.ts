import type { ProblemKind } from '../problem-kind.js';
import { parseJavaJson } from './json-reader.js';
import { javaRecyclingProblem } from './problem.js';

/** The Java NMC recycling network (Kasy et al. 2025) from rlnd JSON. */
export const javaRecyclingKind: ProblemKind = {
  kind: 'java-recycling',
  description: 'multi-period NMC battery recycling network: facility opening, metal production, inventory, profit (Kasy et al. 2025)',
  fromJson: (data, file) => javaRecyclingProblem(parseJavaJson(data, file)),
};

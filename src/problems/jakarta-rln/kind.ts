import type { ProblemKind } from '../problem-kind.js';
import { parseJakartaJson } from './json-reader.js';
import { jakartaProblem } from './problem.js';

/** The Jakarta reverse-logistics network (Bafadal et al. 2025) from rlnd JSON. */
export const jakartaRlnKind: ProblemKind = {
  kind: 'jakarta-rln',
  description: 'three-echelon EV-battery network: dealers -> CC per cluster -> RMC / WDC, quality classes, carbon tax',
  fromJson: (data, file) => jakartaProblem(parseJakartaJson(data, file)),
};

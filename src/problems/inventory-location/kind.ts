import type { ProblemKind } from '../problem-kind.js';
import { parseIlJson } from './json-reader.js';
import { inventoryLocationProblem } from './problem.js';

/** Inventory-location with repair and recycling technology levels (Phan et al. 2025), from rlnd JSON. */
export const inventoryLocationKind: ProblemKind = {
  kind: 'inventory-location',
  description: 'multi-period inventory-location with repair/recycling technology levels (Phan et al. 2025)',
  fromJson: (data, file, options) => inventoryLocationProblem(parseIlJson(data, file, options.relax ? { relax: true } : {})),
};

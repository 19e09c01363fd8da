import type { Problem } from '../../../core/problem.js';
import type { NetworkFlows } from '../flows.js';
import type { NetworkInstance } from '../instance.js';
import type { Accelerator } from './accelerator.js';
import { facilityLocationAccelerator } from './facility-location.js';
import { groupDecompositionAccelerator } from './group-decomposition.js';

/** Every accelerator, tried in order; the first whose structure test passes is applied. */
export const ACCELERATORS: readonly Accelerator[] = [facilityLocationAccelerator, groupDecompositionAccelerator];

/** The accelerated problem for an instance (the generic one when no accelerator supports it). */
export function accelerate(
  inst: NetworkInstance,
  generic: Problem<NetworkFlows>,
): { problem: Problem<NetworkFlows>; accelerator: string | null } {
  for (const a of ACCELERATORS)
    if (a.supports(inst) === null) return { problem: a.apply(inst, generic), accelerator: a.name };
  return { problem: generic, accelerator: null };
}

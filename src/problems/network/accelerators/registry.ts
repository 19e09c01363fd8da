import type { Problem } from '../../../core/problem.js';
import type { NetworkFlows } from '../flows.js';
import type { NetworkInstance } from '../instance.js';
import type { Accelerator } from './accelerator.js';
import { facilityLocationAccelerator } from './facility-location.js';
import { groupDecompositionAccelerator } from './group-decomposition.js';

/** The built-in accelerators, tried in order after any plugin's; the first whose structure test passes is applied. */
export const ACCELERATORS: readonly Accelerator[] = [facilityLocationAccelerator, groupDecompositionAccelerator];

// Accelerators from plugins (parallel/plugins.ts), tried before the built-in ones: a plugin is
// loaded to specialise what rlnd already does.
const PLUGGED: Accelerator[] = [];

/** Names of every accelerator, plugins' first. */
export function acceleratorNames(): string[] {
  return [...PLUGGED, ...ACCELERATORS].map((a) => a.name);
}

/** Adds an accelerator (a plugin's) to this thread's list; a name already taken is an error. */
export function registerAccelerator(a: Accelerator): void {
  if (acceleratorNames().includes(a.name)) throw new Error(`accelerator ${a.name} is already registered`);
  PLUGGED.push(a);
}

/** The accelerated problem for an instance (the generic one when no accelerator supports it). */
export function accelerate(
  inst: NetworkInstance,
  generic: Problem<NetworkFlows>,
): { problem: Problem<NetworkFlows>; accelerator: string | null } {
  for (const a of [...PLUGGED, ...ACCELERATORS])
    if (a.supports(inst) === null) return { problem: a.apply(inst, generic), accelerator: a.name };
  return { problem: generic, accelerator: null };
}

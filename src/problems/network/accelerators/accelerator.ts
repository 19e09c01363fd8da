import type { Problem } from '../../../core/problem.js';
import type { NetworkFlows } from '../flows.js';
import type { NetworkInstance } from '../instance.js';

/**
 * Specialised code that speeds up networks of one structure (a Lagrangian, a faster exact pricer,
 * a decomposition bound). It is chosen by the instance's structure, never by a problem's name:
 * `supports` says why not (a reason) or null when it applies; `apply` returns the network problem
 * with some members replaced. What it returns must price designs exactly as the generic flow model
 * would (tests compare the two).
 */
export interface Accelerator {
  readonly name: string;
  supports(inst: NetworkInstance): string | null;
  apply(inst: NetworkInstance, generic: Problem<NetworkFlows>): Problem<NetworkFlows>;
}

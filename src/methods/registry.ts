import { InputError } from '../core/errors.js';
import type { Method } from './method.js';
import { gaMethod } from './ga.js';
import { hybridMethod } from './hybrid.js';
import { lagrangianMethod } from './lagrangian.js';
import { lshapedMethod } from './lshaped.js';
import { milpMethod } from './milp.js';

const METHODS = new Map<string, Method>();

/** Adds a method to the registry (algorithms register themselves here, problems never do). */
export function registerMethod(method: Method): void {
  METHODS.set(method.name, method);
}

registerMethod(milpMethod);
registerMethod(lagrangianMethod);
registerMethod(gaMethod);
registerMethod(hybridMethod);
registerMethod(lshapedMethod);

/** Names of all registered methods. */
export function methodNames(): string[] {
  return [...METHODS.keys()];
}

/** Looks a method up by name; an unknown name is a user error listing the known ones. */
export function getMethod(name: string, source = '--method'): Method {
  const m = METHODS.get(name);
  if (!m) throw new InputError(source, name, `a method among ${methodNames().join(', ')}`);
  return m;
}

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import type { Method } from '../methods/method.js';
import { methodNames, registerMethod } from '../methods/registry.js';
import type { Accelerator } from '../problems/network/accelerators/accelerator.js';
import { acceleratorNames, registerAccelerator } from '../problems/network/accelerators/registry.js';

// Absolute paths of the plugin modules loaded in this thread, in load order: worker pools hand
// the same list to their workers, so a plugin method runs on every thread like a built-in one.
const LOADED: string[] = [];
const BUILT_IN = new Set(methodNames());
const BUILT_IN_ACCELERATORS = new Set(acceleratorNames());

/** Paths of the plugin modules loaded so far in this thread (absolute, in load order). */
export function loadedPlugins(): readonly string[] {
  return [...LOADED];
}

/** Whether an export has the shape of a {@link Method}. */
function isMethod(value: unknown): value is Method {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.name === 'string' &&
    m.name.length > 0 &&
    typeof m.description === 'string' &&
    typeof m.unsupported === 'function' &&
    typeof m.run === 'function'
  );
}

/** Whether an export has the shape of a network {@link Accelerator} (and is not a method). */
function isAccelerator(value: unknown): value is Accelerator {
  if (typeof value !== 'object' || value === null || isMethod(value)) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.name === 'string' && a.name.length > 0 && typeof a.supports === 'function' && typeof a.apply === 'function'
  );
}

/** What a plugin module exports of one kind: every export that is one, or an array of them. */
function exported<T extends { name: string }>(mod: Record<string, unknown>, is: (v: unknown) => v is T): T[] {
  const out = new Map<string, T>();
  for (const value of Object.values(mod))
    for (const v of Array.isArray(value) ? value : [value]) if (is(v)) out.set(v.name, v);
  return [...out.values()];
}

const EXPECTED =
  'an ES module exporting a method (an object with name, description, unsupported(problem) and run(ctx)) ' +
  'or a network accelerator (name, supports(instance), apply(instance, generic)), ' +
  'as its default export, a named export, or an array of them';

/**
 * Imports plugin modules (paths relative to `baseDir`, default the working directory) and
 * registers the methods and network accelerators they export. A module already loaded is skipped, so a plugin named both
 * on the command line and in a config loads once. Errors are one-line {@link InputError}s naming
 * `source` (e.g. `--plugin` or the config file) and the path.
 */
export async function loadPlugins(
  paths: readonly string[],
  source = '--plugin',
  baseDir = process.cwd(),
): Promise<Method[]> {
  const added: Method[] = [];
  for (const path of paths) {
    const file = resolve(baseDir, path);
    if (LOADED.includes(file)) continue;
    if (!existsSync(file) || !statSync(file).isFile())
      throw new InputError(source, path, `an existing plugin module (no file at ${file})`);
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      throw new InputError(source, path, `a loadable ES module (.js or .mjs; import failed: ${reason})`);
    }
    const methods = exported(mod, isMethod);
    const accelerators = exported(mod, isAccelerator);
    if (methods.length === 0 && accelerators.length === 0) throw new InputError(source, path, EXPECTED);
    for (const m of methods)
      if (BUILT_IN.has(m.name))
        throw new InputError(source, path, `methods with new names (${m.name} is a built-in method)`);
    for (const a of accelerators)
      if (BUILT_IN_ACCELERATORS.has(a.name))
        throw new InputError(source, path, `accelerators with new names (${a.name} is a built-in accelerator)`);
    for (const m of methods) registerMethod(m);
    for (const a of accelerators) registerAccelerator(a);
    LOADED.push(file);
    added.push(...methods);
  }
  return added;
}

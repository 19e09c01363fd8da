import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import type { Method } from './method.js';
import { methodNames, registerMethod } from './registry.js';

// Absolute paths of the plugin modules loaded in this thread, in load order: worker pools hand
// the same list to their workers, so a plugin method runs on every thread like a built-in one.
const LOADED: string[] = [];
const BUILT_IN = new Set(methodNames());

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

/** The methods a plugin module exports: every export that is a method or an array of methods. */
function exportedMethods(mod: Record<string, unknown>): Method[] {
  const out = new Map<string, Method>();
  for (const value of Object.values(mod))
    for (const v of Array.isArray(value) ? value : [value]) if (isMethod(v)) out.set(v.name, v);
  return [...out.values()];
}

const EXPECTED =
  'an ES module exporting a method (an object with name, description, unsupported(problem) and run(ctx)), ' +
  'as its default export, a named export, or an array of them';

/**
 * Imports plugin modules (paths relative to `baseDir`, default the working directory) and
 * registers the methods they export. A module already loaded is skipped, so a plugin named both
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
    const methods = exportedMethods(mod);
    if (methods.length === 0) throw new InputError(source, path, EXPECTED);
    for (const m of methods)
      if (BUILT_IN.has(m.name))
        throw new InputError(source, path, `methods with new names (${m.name} is a built-in method)`);
    for (const m of methods) registerMethod(m);
    LOADED.push(file);
    added.push(...methods);
  }
  return added;
}

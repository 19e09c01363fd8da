import { readFile } from 'node:fs/promises';
import type { LoadOptions } from '../problems/problem-kind.js';
import { kindOfText, scenarioHook } from '../problems/scenario-hooks.js';
import type { InstanceEntry } from './config-types.js';
import { stableId, textHash } from './run-id.js';

/** An instance as plain data for a worker: its text, how to load it, and a content hash. */
export interface InstanceSource {
  readonly label: string;
  readonly group: string;
  readonly file: string;
  readonly text: string;
  readonly options: LoadOptions;
  readonly kind: string;
  /** Hash of the file contents and load options (identifies the instance in run ids and caches). */
  readonly hash: string;
  /** Items per parameter group (for per-item scenario draws). */
  readonly sizes: Readonly<Record<string, number>>;
  /** Scalable parameter groups of this kind. */
  readonly groups: readonly string[];
}

/** Reads every instance once, checks it loads, and hashes it. */
export async function loadSources(entries: readonly InstanceEntry[]): Promise<InstanceSource[]> {
  const texts = new Map<string, string>();
  const out: InstanceSource[] = [];
  for (const e of entries) {
    let text = e.text ?? texts.get(e.file);
    if (text === undefined) {
      text = await readFile(e.file, 'utf8');
      texts.set(e.file, text);
    }
    const kind = kindOfText(text, e.file);
    const hook = scenarioHook(kind);
    const inst = hook.read(text, e.file, e.options);
    const sizes = hook.sizes(inst);
    out.push({
      label: e.label,
      group: e.group,
      file: e.file,
      text,
      options: e.options,
      kind,
      hash: stableId({ text: textHash(text), options: e.options }),
      sizes,
      // The groups this instance has: a network's depend on its echelons and products
      // (`fixedCost@CC`), so they come from the sizes the hook gives, not from its fixed list.
      groups: Object.keys(sizes),
    });
  }
  return out;
}

import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { corruptWarnings, readJsonlChecked, writeAtomic } from './jsonl.js';
import type { RunRecord, StochasticRecord } from './records.js';

/** What a merge combined. */
export interface MergeSummary {
  readonly runs: number;
  readonly duplicates: number;
  /** Lines of the inputs that were not valid records (each also in `warnings`). */
  readonly corrupt: number;
  readonly stochastic: number;
  readonly warnings: readonly string[];
}

async function copyFolder(from: string, to: string): Promise<void> {
  if (!existsSync(from)) return;
  await mkdir(to, { recursive: true });
  for (const f of await readdir(from)) if (!f.endsWith('.tmp')) await copyFile(join(from, f), join(to, f));
}

/**
 * Combines shard folders (or any result folders of one experiment) into `out`: runs are
 * de-duplicated by run id and sorted by it, stochastic analyses by key; MILP caches, statistics
 * and the config are copied. A run id recorded twice with different objectives is reported.
 */
export async function mergeResults(dirs: readonly string[], out: string): Promise<MergeSummary> {
  const warnings: string[] = [];
  const runs = new Map<string, RunRecord>();
  const stoch = new Map<string, StochasticRecord>();
  let duplicates = 0;
  let corrupt = 0;
  let config: string | null = null;
  for (const dir of dirs) {
    if (!existsSync(join(dir, 'runs.jsonl')))
      throw new InputError(dir, 'runs.jsonl', 'a result folder written by `rlnd run` (no runs.jsonl found)');
    const runsRead = await readJsonlChecked<RunRecord>(join(dir, 'runs.jsonl'), { key: 'runId' });
    const stochRead = await readJsonlChecked<StochasticRecord>(join(dir, 'stochastic.jsonl'), { key: 'key' });
    warnings.push(
      ...corruptWarnings(join(dir, 'runs.jsonl'), runsRead.corrupt),
      ...corruptWarnings(join(dir, 'stochastic.jsonl'), stochRead.corrupt),
    );
    corrupt += runsRead.corrupt.length + stochRead.corrupt.length;
    for (const r of runsRead.records) {
      const prev = runs.get(r.runId);
      if (prev) {
        duplicates++;
        if (prev.objective !== r.objective || prev.status !== r.status)
          warnings.push(
            `run ${r.runId} recorded twice with different results (${prev.status} ${prev.objective} vs ${r.status} ${r.objective}); kept the first`,
          );
        continue;
      }
      runs.set(r.runId, r);
    }
    for (const s of stochRead.records) if (!stoch.has(s.key)) stoch.set(s.key, s);
    for (const name of ['config.yaml', 'config.json']) {
      if (!existsSync(join(dir, name))) continue;
      const text = await readFile(join(dir, name), 'utf8');
      if (config === null) {
        config = text;
        await mkdir(out, { recursive: true });
        await writeAtomic(join(out, name), text);
        if (existsSync(join(dir, 'scenarios.json')))
          await writeAtomic(join(out, 'scenarios.json'), await readFile(join(dir, 'scenarios.json'), 'utf8'));
      } else if (config !== text)
        warnings.push(`${dir}/${name} differs from the first folder's config; runs are merged by id regardless`);
    }
    await copyFolder(join(dir, 'milp-cache'), join(out, 'milp-cache'));
    await copyFolder(join(dir, 'stats'), join(out, 'stats'));
  }
  const sortedRuns = [...runs.values()].sort((a, b) => (a.runId < b.runId ? -1 : 1));
  const sortedStoch = [...stoch.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  await writeAtomic(join(out, 'runs.jsonl'), sortedRuns.map((r) => `${JSON.stringify(r)}\n`).join(''));
  if (sortedStoch.length > 0)
    await writeAtomic(join(out, 'stochastic.jsonl'), sortedStoch.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return { runs: sortedRuns.length, duplicates, corrupt, stochastic: sortedStoch.length, warnings };
}

import { designFrom } from '../core/design.js';
import { HighsHandle } from '../exact/highs-handle.js';
import type { RunRecord } from '../experiments/records.js';
import { isNetworkSource, loadNetwork } from '../problems/network/load.js';
import { networkMapSvg } from '../problems/network/map.js';
import { networkProblem } from '../problems/network/problem.js';

/** A map for the HTML report. */
export interface ReportMap {
  readonly title: string;
  readonly svg: string;
}

/**
 * The map of the best nominal solution of each network instance of an experiment (the one with
 * the lowest objective): its design rebuilt from the record's open sites and priced again for its
 * flows (records keep no flows), drawn by the network map code. Instances without coordinates,
 * files that no longer load, and other problem kinds get no map; `warn` says why.
 */
export async function networkMaps(
  runs: readonly RunRecord[],
  warn: (m: string) => void = () => {},
): Promise<ReportMap[]> {
  const best = new Map<string, RunRecord>();
  for (const r of runs) {
    if (r.scenario.kind !== 'nominal' || r.objective === null || r.status === 'error') continue;
    const b = best.get(r.instance.label);
    if (!b || r.objective < b.objective!) best.set(r.instance.label, r);
  }
  const out: ReportMap[] = [];
  let handle: HighsHandle | null = null;
  for (const [label, r] of [...best].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      if (!(await isNetworkSource(r.instance.file))) continue;
      const inst = await loadNetwork(r.instance.file);
      const problem = networkProblem(inst);
      const open = new Set(r.open);
      const design = designFrom(
        problem.space.size,
        problem.space.labels.flatMap((l, i) => (open.has(l) ? [i] : [])),
      );
      handle ??= await HighsHandle.load();
      const ev = await problem.evaluate(handle, design, { fresh: true });
      if (!ev.feasible || ev.flows === null) continue;
      const note = `${r.method.label}, seed ${r.seed}: objective ${r.objective!.toFixed(2)} (${r.status}); ${r.open.length} sites open`;
      const svg = networkMapSvg(inst, design, ev.flows, `${label}: best solution of the experiment`, [note]);
      if (svg !== null) out.push({ title: `${label} (${r.method.label}, seed ${r.seed})`, svg });
    } catch (err) {
      warn(`map of ${label}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

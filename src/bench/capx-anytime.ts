import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { trajectoryOf } from '../experiments/run-record.js';
import { problemFromText } from '../problems/load-problem.js';
import { primalIntegral, type Trace } from '../report/profiles.js';
import { solve } from '../solve.js';
import { loadTimed } from './load-timed.js';

const DIR = 'instances/orlib-cap';
const CAPS: Record<string, number[]> = {
  capa: [8000, 10000, 12000, 14000],
  capb: [5000, 6000, 7000, 8000],
  capc: [5000, 5750, 6500, 7250],
};
/** Times (s) at which the incumbent's gap to the published optimum is reported. */
const CHECKPOINTS = [1, 5, 10, 15];

/**
 * `npm run bench -- capx-anytime`: the hybrid on the 12 capa/b/c variants with one thread (no
 * pricing pool), 20 s and 10 s limits: the incumbent's gap to the published optimum at 1/5/10/15 s
 * (issue 17, target 2: <= 1% at 5 s, <= 0.1% at 15 s), the final gap of the 10 s run (<= 1%), and
 * the primal integral (gap-seconds over the 20 s run, src/report/profiles.ts).
 */
export async function capxAnytime(): Promise<unknown> {
  const { handle } = await loadTimed();
  const optima = JSON.parse(await readFile(`${DIR}/optima.json`, 'utf8')) as Record<
    string,
    { capacitated_opt_by_capacity?: Record<string, number> }
  >;
  const rows = [];
  for (const name of Object.keys(CAPS)) {
    for (const capacity of CAPS[name]!) {
      const file = `${DIR}/${name}.txt`;
      const text = await readFile(file, 'utf8');
      const opt = optima[name]!.capacitated_opt_by_capacity?.[String(capacity)];
      if (opt === undefined) throw new Error(`${name}-${capacity}: no published optimum`);
      const gap = (v: number | null): number | null => (v === null ? null : (v - opt) / opt);
      const load = loadavg()[0]!;
      const long = await solve(problemFromText(text, file, { capacity }), {
        method: 'hybrid',
        seed: 1,
        handle,
        timeLimit: 20,
      });
      const points = trajectoryOf(long.stats).map((p) => ({ t: p.t, incumbent: p.incumbent }));
      points.push({ t: long.runtimeSeconds, incumbent: long.objective });
      const at = (t: number): number | null => {
        const seen = points.filter((p) => p.t <= t && p.incumbent !== null).map((p) => p.incumbent!);
        return seen.length > 0 ? gap(Math.min(...seen)) : null;
      };
      const trace: Trace = { method: 'hybrid', points, end: long.runtimeSeconds, failed: long.status === 'error' };
      const short = await solve(problemFromText(text, file, { capacity }), {
        method: 'hybrid',
        seed: 1,
        handle,
        timeLimit: 10,
      });
      rows.push({
        instance: `${name}-${capacity}`,
        threads: 1,
        loadAverage: Math.round(load * 10) / 10,
        ...Object.fromEntries(CHECKPOINTS.map((t) => [`gapAt${t}s`, at(t)])),
        finalGap20s: gap(long.objective),
        wall20s: long.runtimeSeconds,
        primalIntegral20s: primalIntegral(trace, opt, 20),
        finalGap10s: gap(short.objective),
        wall10s: short.runtimeSeconds,
        curve: points.map((p) => ({ t: Math.round(p.t * 100) / 100, gap: gap(p.incumbent) })),
      });
      console.log(JSON.stringify({ ...rows.at(-1), curve: undefined }));
    }
  }
  return { rows };
}

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { stochasticFacilityLocation, type StochasticFlOptions } from '../problems/network/stochastic/generate.js';

/** One two-stage instance: generator options, and whether lshaped must equal the extensive form there. */
interface Case {
  readonly options: StochasticFlOptions;
  /** Both finish within the limit: assert lshaped = milp to 1e-6 (relative). */
  readonly compare: boolean;
  /** Seconds for milp (the target's 10 min on the big case) and for lshaped. */
  readonly limit: number;
  readonly lshapedLimit: number;
}

// Issue 18's target (50 x 200, 200 scenarios, recourse) and two sizes where the extensive form finishes.
const CASES: readonly Case[] = [
  {
    options: { sites: 8, customers: 20, scenarios: 12, seed: 1, penalty: 200 },
    compare: true,
    limit: 300,
    lshapedLimit: 300,
  },
  {
    options: { sites: 10, customers: 30, scenarios: 40, seed: 2, penalty: 200 },
    compare: true,
    limit: 300,
    lshapedLimit: 300,
  },
  {
    options: { sites: 50, customers: 200, scenarios: 200, seed: 1, penalty: 200 },
    compare: false,
    limit: 600,
    lshapedLimit: 1200,
  },
];

interface CliJson {
  status: string;
  objective: number | null;
  lowerBound: number | null;
  gap: number | null;
  runtimeSeconds: number;
  solver: { options: Record<string, unknown> };
}

/** `rlnd solve --json` in a child process: wall time, peak RSS (GNU time, where installed), the JSON. */
function cli(args: readonly string[]): Promise<{ json: CliJson; wallSeconds: number; peakRssMB: number | null }> {
  const gnuTime = existsSync('/usr/bin/time');
  const [cmd, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', 'RLND_PEAK_KB=%M', process.execPath, 'bin/rlnd.js', ...args]]
    : [process.execPath, ['bin/rlnd.js', ...args]];
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(cmd, argv, { encoding: 'utf8', maxBuffer: 2 ** 28 }, (err, stdout, stderr) => {
      if (err && !stdout) return reject(new Error(`rlnd ${args.join(' ')} failed: ${stderr.slice(-2000)}`));
      const kb = /RLND_PEAK_KB=(\d+)/.exec(stderr)?.[1];
      resolve({
        json: JSON.parse(stdout) as CliJson,
        wallSeconds: (performance.now() - t0) / 1000,
        peakRssMB: kb ? Math.round(Number(kb) / 1024) : null,
      });
    }),
  );
}

/**
 * lshaped-200 (issue 18): `rlnd solve --method lshaped --threads T` against the extensive form
 * (`--method milp`) on generated two-stage facility-location networks, wall time, peak RSS and
 * certified gap of each, the load average before and after each run. Where both finish,
 * lshaped must equal the extensive form to 1e-6 (a mismatch fails the suite).
 */
export async function lshaped200(threads: number): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'rlnd-bench-lshaped-'));
  const rows = [];
  try {
    for (const c of CASES) {
      const doc = stochasticFacilityLocation(c.options);
      const file = join(dir, `${doc.name}.json`);
      await writeFile(file, JSON.stringify(doc));
      const byMethod: Record<string, CliJson> = {};
      for (const method of ['lshaped', 'milp']) {
        const load = loadavg()[0]!;
        const limit = method === 'lshaped' ? c.lshapedLimit : c.limit;
        const flags = ['--time-limit', String(limit), '--json', '--quiet'];
        const run = await cli([
          'solve',
          file,
          '--method',
          method,
          ...(method === 'lshaped' ? ['--threads', String(threads)] : []),
          ...flags,
        ]);
        byMethod[method] = run.json;
        rows.push({
          instance: doc.name,
          method,
          threads: method === 'lshaped' ? threads : 1,
          timeLimit: limit,
          status: run.json.status,
          objective: run.json.objective,
          lowerBound: run.json.lowerBound,
          certifiedGap: run.json.gap,
          wallSeconds: run.wallSeconds,
          solveSeconds: run.json.runtimeSeconds,
          peakRssMB: run.peakRssMB,
          loadBefore: load,
          loadAfter: loadavg()[0]!,
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
      const l = byMethod.lshaped!;
      const m = byMethod.milp!;
      if (c.compare) {
        if (l.status !== 'optimal' || m.status !== 'optimal')
          throw new Error(`${doc.name}: lshaped ${l.status}, milp ${m.status} (both should finish)`);
        const diff = Math.abs(l.objective! - m.objective!) / Math.max(1, Math.abs(m.objective!));
        if (diff > 1e-6) throw new Error(`${doc.name}: lshaped ${l.objective} != milp ${m.objective} (${diff})`);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const target = rows.filter((r) => r.instance.startsWith('stochastic-fl-50x200-200s'));
  const [ls, milp] = [target.find((r) => r.method === 'lshaped'), target.find((r) => r.method === 'milp')];
  return {
    target: 'lshaped --threads 2 certifies 50 x 200 x 200 >= 3x faster than milp, or milp does not finish in 600 s',
    met:
      ls?.status === 'optimal' &&
      (milp?.status !== 'optimal' ||
        (ls !== undefined && milp !== undefined && 3 * ls.wallSeconds <= milp.wallSeconds)),
    rows,
  };
}

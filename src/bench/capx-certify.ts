import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** capa/b/c capacity variants (OR-Library files whose capacity is the word 'capacity'). */
const CAPS: Record<string, number[]> = {
  capa: [8000, 10000, 12000, 14000],
  capb: [5000, 6000, 7000, 8000],
  capc: [5000, 5750, 6500, 7250],
};
const LIMIT = 60;
const THREADS = 2;

/** One `rlnd solve` in a fresh process under /usr/bin/time, for its own peak RSS (worker threads included). */
function solveOnce(args: string[], rssFile: string): Promise<{ wall: number; stdout: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/time',
      ['-f', '%M %U %S', '-o', rssFile, process.execPath, 'bin/rlnd.js', ...args],
      { maxBuffer: 2 ** 28 },
      (_err, stdout) => resolve({ wall: (performance.now() - t0) / 1000, stdout }),
    );
  });
}

/**
 * `npm run bench -- capx-certify` (issue 17, target 1): hybrid, 60 s, `--threads 2`, on the 12
 * capa/b/c variants, one fresh process per instance: status, certified gap, gap to the published
 * optimum, wall seconds (process start to exit), CPU seconds and peak RSS of the process, the
 * branch-and-bound's node count (from the run's --stats file), with the load average.
 */
export async function capxCertify(): Promise<unknown> {
  const optima = JSON.parse(await readFile('instances/orlib-cap/optima.json', 'utf8')) as Record<
    string,
    { capacitated_opt_by_capacity?: Record<string, number> }
  >;
  const dir = await mkdtemp(join(tmpdir(), 'rlnd-certify-'));
  const rows = [];
  for (const [name, caps] of Object.entries(CAPS)) {
    for (const capacity of caps) {
      const load = loadavg()[0]!;
      const rssFile = join(dir, `${name}-${capacity}.rss`);
      const statsFile = join(dir, `${name}-${capacity}.csv`);
      const args = ['solve', `instances/orlib-cap/${name}.txt`, '--capacity', String(capacity), '--method', 'hybrid'];
      const r = await solveOnce(
        [
          ...args,
          '--time-limit',
          String(LIMIT),
          '--threads',
          String(THREADS),
          '--json',
          '--quiet',
          '--stats',
          statsFile,
        ],
        rssFile,
      );
      const out = r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as Record<string, unknown>) : null;
      // /usr/bin/time's last line: peak RSS (KB), user and system CPU seconds (workers included).
      const [rssKB, user, sys] = (await readFile(rssFile, 'utf8').catch(() => ''))
        .trim()
        .split('\n')
        .at(-1)!
        .split(' ')
        .map(Number);
      const tree = /lagrangian-bnb\((\d+) nodes/.exec(await readFile(statsFile, 'utf8').catch(() => ''));
      const published = optima[name]?.capacitated_opt_by_capacity?.[String(capacity)] ?? null;
      const objective = typeof out?.objective === 'number' ? out.objective : null;
      rows.push({
        instance: `${name}-${capacity}`,
        status: out?.status ?? null,
        objective,
        lowerBound: out?.lowerBound ?? null,
        certifiedGap: out?.gap ?? null,
        gapToPublished: objective !== null && published ? (objective - published) / published : null,
        wallSeconds: Number(r.wall.toFixed(2)),
        cpuSeconds: user !== undefined && sys !== undefined ? Number((user + sys).toFixed(2)) : null,
        peakRssMB: rssKB !== undefined && Number.isFinite(rssKB) ? Math.round(rssKB / 1024) : null,
        bnbNodes: tree ? Number(tree[1]) : null,
        bound: (out?.solver as { options?: { bound?: string } } | undefined)?.options?.bound ?? null,
        load1mAtStart: Number(load.toFixed(2)),
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
  await rm(dir, { recursive: true, force: true });
  return {
    method: 'hybrid',
    timeLimit: LIMIT,
    threads: THREADS,
    optimal: rows.filter((r) => r.status === 'optimal').length,
    rows,
  };
}

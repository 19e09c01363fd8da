import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = 'instances/sscflp/yang';
/** The bundled Yang, Chu & Chen (2012) files (README.md there: p3, p5 30 x 200; p8 60 x 200; p13 60 x 300; p17, p20 80 x 400). */
const FILES = ['p3', 'p5', 'p8', 'p13', 'p17', 'p20'] as const;
const LIMIT = 60;

/** One `rlnd solve` in a fresh process under /usr/bin/time: wall, peak RSS and CPU seconds (worker threads included). */
function solveOnce(args: string[], timeFile: string): Promise<{ wall: number; stdout: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/time',
      ['-f', '%M %U %S', '-o', timeFile, process.execPath, 'bin/rlnd.js', ...args],
      { maxBuffer: 2 ** 28 },
      (_err, stdout) => resolve({ wall: (performance.now() - t0) / 1000, stdout }),
    );
  });
}

/**
 * The hybrid (60 s, one thread, seed 1) on the bundled published single-source files, one fresh
 * process each (issue 17, target 3: within 0.5% of the published optimum in 60 s, never over the
 * limit): objective, gap to the published optimum, certified gap, wall and CPU seconds, peak RSS.
 */
export async function sscflpYangRows(): Promise<unknown[]> {
  const optima = JSON.parse(await readFile(join(DIR, 'optima.json'), 'utf8')) as Record<string, number>;
  const dir = await mkdtemp(join(tmpdir(), 'rlnd-yang-'));
  const rows = [];
  for (const name of FILES) {
    const load = loadavg()[0]!;
    const timeFile = join(dir, `${name}.time`);
    const args = ['solve', join(DIR, name), '--method', 'hybrid', '--time-limit', String(LIMIT), '--threads', '1'];
    const r = await solveOnce([...args, '--json', '--quiet'], timeFile);
    const out = r.stdout.startsWith('{') ? (JSON.parse(r.stdout) as Record<string, unknown>) : null;
    const [rssKB, user, sys] = (await readFile(timeFile, 'utf8').catch(() => ''))
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ')
      .map(Number);
    const published = optima[name] ?? null;
    const objective = typeof out?.objective === 'number' ? out.objective : null;
    rows.push({
      instance: `yang-${name}`,
      published,
      status: out?.status ?? null,
      objective,
      lowerBound: out?.lowerBound ?? null,
      certifiedGap: out?.gap ?? null,
      gapToPublished: objective !== null && published ? (objective - published) / published : null,
      timeLimit: LIMIT,
      wallSeconds: Number(r.wall.toFixed(2)),
      cpuSeconds: user !== undefined && sys !== undefined ? Number((user + sys).toFixed(2)) : null,
      peakRssMB: rssKB !== undefined && Number.isFinite(rssKB) ? Math.round(rssKB / 1024) : null,
      loadAverage: Number(load.toFixed(2)),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  await rm(dir, { recursive: true, force: true });
  return rows;
}

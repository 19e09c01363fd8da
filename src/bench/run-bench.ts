import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync, execSync } from 'node:child_process';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { designFrom } from '../core/design.js';
import { problemFromText } from '../problems/load-problem.js';
import { PoolRunner } from '../parallel/pool-runner.js';
import { formatNetworkDocument } from '../problems/network/convert/format.js';
import { networkFromText } from '../problems/network/reader.js';
import { generateJakartaScale } from '../problems/network/generators/jakarta/scale-generator.js';
import { solve } from '../solve.js';
import { PeakMemory } from '../core/peak-memory.js';
import { loadTimed } from './load-timed.js';
import { timeLimits } from './time-limits.js';
import { paretoScale } from './pareto-scale.js';
import { saaJakarta } from './saa-jakarta.js';
import { capxCertify } from './capx-certify.js';
import { capxAnytime } from './capx-anytime.js';
import { sscflpBench } from './sscflp.js';
import { lshaped200 } from './lshaped-200.js';

/**
 * `npm run bench [-- suite ...]`: figures for the foundation and heuristics issues, written to
 * results/bench/<suite>.json. Suites:
 *  - orlib-small: MILP on cap41-cap134 (CFLP), time, peak memory, gap to the published optimum;
 *  - capx-milp:   MILP on capa/capb/capc (first capacity), 300 s limit;
 *  - capx-milp-60: MILP on all 12 capacity variants with the hybrid's 60 s limit (side by side);
 *  - capx-hybrid: hybrid (60 s) and lagrangian (30 s) on all 12 capa/b/c capacity variants;
 *  - flow-lp:     flow-LP evaluations per second (cold and warm-started) on capa, memory per worker;
 *  - jakarta-20k: `rlnd solve --method hybrid --json` wall time on generated Jakarta-style networks of
 *                 20,000 dealers (100 and 1,000 clusters x 4 CCs, 10 RMC, 5 WDC), target < 10 s certified.
 *  - time-limits: `rlnd solve --time-limit L` wall time per method and size, overrun against limit + max(2 s, 5%).
 *  - saa-jakarta: SAA on the Jakarta network (N = 50, M = 10, N' = 2,000, 2 threads), gap interval and time.
 *  - lshaped-200: lshaped (--threads) vs the extensive form on two-stage facility location up to 50 x 200 x 200.
 * Default: orlib-small and flow-lp. Run one process per suite so memory figures are per suite.
 */
const DIR = 'instances/orlib-cap';
const CAPS: Record<string, number[]> = {
  capa: [8000, 10000, 12000, 14000],
  capb: [5000, 6000, 7000, 8000],
  capc: [5000, 5750, 6500, 7250],
};

interface Optima {
  [name: string]: { capacitated_opt: number | null; capacitated_opt_by_capacity?: Record<string, number> };
}

async function optima(): Promise<Optima> {
  return JSON.parse(await readFile(`${DIR}/optima.json`, 'utf8')) as Optima;
}

async function problem(name: string, capacity?: number) {
  const file = `${DIR}/${name}.txt`;
  const text = await readFile(file, 'utf8');
  const options = capacity !== undefined ? { capacity } : {};
  return { problem: problemFromText(text, file, options), source: { file, text, options } };
}

function gapTo(objective: number | null, opt: number | undefined | null): number | null {
  return objective === null || !opt ? null : (objective - opt) / opt;
}

async function orlibSmall(): Promise<unknown> {
  const { handle, loadSeconds } = await loadTimed();
  const opt = await optima();
  const rows = [];
  for (const name of Object.keys(opt).filter((k) => /^cap\d+$/.test(k))) {
    const mem = new PeakMemory();
    const { problem: p } = await problem(name);
    const r = await solve(p, { handle });
    rows.push({
      instance: name,
      method: 'milp',
      status: r.status,
      objective: r.objective,
      seconds: r.runtimeSeconds,
      gapToPublished: gapTo(r.objective, opt[name]!.capacitated_opt),
      peakRssMB: mem.stop(),
      wasmMB: Math.round(handle.memoryBytes / 2 ** 20),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  return { wasmLoadSeconds: loadSeconds, totalSolveSeconds: rows.reduce((a, r) => a + r.seconds, 0), rows };
}

/** MILP on capa/b/c: the first capacity of each with 300 s, or (`all`) every capacity with `limit` s. */
async function capxMilp(all: boolean, limit: number): Promise<unknown> {
  const { handle, loadSeconds } = await loadTimed();
  const opt = await optima();
  const rows = [];
  for (const [name, capacity] of Object.keys(CAPS).flatMap((n) =>
    (all ? CAPS[n]! : [CAPS[n]![0]!]).map((c) => [n, c] as const),
  )) {
    const mem = new PeakMemory();
    const { problem: p } = await problem(name, capacity);
    const r = await solve(p, { handle, timeLimit: limit });
    rows.push({
      instance: `${name}-${capacity}`,
      method: 'milp',
      status: r.status,
      objective: r.objective,
      lowerBound: r.lowerBound,
      gap: r.gap,
      seconds: r.runtimeSeconds,
      gapToPublished: gapTo(r.objective, opt[name]!.capacitated_opt_by_capacity?.[String(capacity)]),
      peakRssMB: mem.stop(),
      wasmMB: Math.round(handle.memoryBytes / 2 ** 20),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  return { wasmLoadSeconds: loadSeconds, timeLimitSeconds: limit, rows };
}

async function capxHybrid(threads: number): Promise<unknown> {
  const { handle, loadSeconds } = await loadTimed();
  const opt = await optima();
  const rows = [];
  for (const name of Object.keys(CAPS)) {
    for (const capacity of CAPS[name]!) {
      const published = opt[name]!.capacitated_opt_by_capacity?.[String(capacity)];
      for (const [method, limit] of [
        ['lagrangian', 30],
        ['hybrid', 60],
      ] as const) {
        const { problem: p, source } = await problem(name, capacity);
        const runner = threads > 1 && method === 'hybrid' ? new PoolRunner(source, threads) : null;
        const t0 = performance.now();
        const mem = new PeakMemory();
        const r = await solve(p, { method, seed: 1, handle, timeLimit: limit, runner });
        const wall = (performance.now() - t0) / 1000;
        await runner?.close();
        rows.push({
          instance: `${name}-${capacity}`,
          method,
          threads: runner ? threads : 1,
          timeLimit: limit,
          status: r.status,
          objective: r.objective,
          lowerBound: r.lowerBound,
          certifiedGap: r.gap,
          gapToPublished: gapTo(r.objective, published),
          lowerBoundBelowPublished: gapTo(r.lowerBound, published),
          wallSeconds: wall,
          evaluations: r.solver.options.evaluations ?? null,
          peakRssMB: mem.stop(),
        });
        console.log(JSON.stringify(rows.at(-1)));
      }
    }
  }
  return { wasmLoadSeconds: loadSeconds, rows };
}

async function flowLp(): Promise<unknown> {
  const { handle, loadSeconds } = await loadTimed();
  const { problem: p } = await problem('capa', 8000);
  const m = p.space.size;
  let seed = 12345;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const base = designFrom(
    m,
    [...Array(m).keys()].filter(() => rand() < 0.5),
  );
  const designs = Array.from({ length: 60 }, () => {
    const d = Uint8Array.from(base);
    const i = Math.floor(rand() * m);
    d[i] = 1 - d[i]!;
    return d;
  });
  const timeIt = async (fresh: boolean): Promise<number> => {
    const t0 = performance.now();
    for (const d of designs) await p.evaluate(handle, d, { fresh });
    return designs.length / ((performance.now() - t0) / 1000);
  };
  await p.evaluate(handle, base, {}); // build the persistent model once (not timed)
  const warm = await timeIt(false);
  const cold = await timeIt(true);
  return {
    instance: 'capa-8000',
    designs: 'one site flipped from a random half-open design',
    wasmLoadSeconds: loadSeconds,
    evaluationsPerSecondWarm: warm,
    evaluationsPerSecondCold: cold,
    wasmMemoryPerWorkerMB: Math.round(handle.memoryBytes / 2 ** 20),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

/** Generated 20,000-dealer Jakarta networks: load time in process, then the CLI's wall time (what a user waits for). */
async function jakarta20k(): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'rlnd-bench-'));
  const rows = [];
  for (const clusters of [100, 1000]) {
    const params = {
      dealers: 20_000,
      clusters,
      ccPerCluster: 4,
      rmc: 10,
      wdc: 5,
      layout: 'clustered',
      seed: 1,
    } as const;
    const file = join(dir, `jrln-20000-k${clusters}.json`);
    let t0 = performance.now();
    const text = formatNetworkDocument(generateJakartaScale(params), file);
    await writeFile(file, text);
    const generateSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const inst = networkFromText(text, file);
    const loadSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const out = execFileSync(process.execPath, ['bin/rlnd.js', 'solve', file, '--method', 'hybrid', '--json'], {
      encoding: 'utf8',
      maxBuffer: 2 ** 28,
    });
    const cliWallSeconds = (performance.now() - t0) / 1000;
    const r = JSON.parse(out) as {
      status: string;
      objective: number;
      lowerBound: number;
      gap: number;
      runtimeSeconds: number;
      solver: { options: Record<string, unknown> };
    };
    rows.push({
      instance: inst.name,
      ...params,
      nodes: inst.nodes.length,
      arcs: inst.arcs.length,
      fileMB: Number((text.length / 2 ** 20).toFixed(2)),
      generateSeconds,
      loadSeconds,
      cliWallSeconds,
      solveRuntimeSeconds: r.runtimeSeconds,
      status: r.status,
      objective: r.objective,
      lowerBound: r.lowerBound,
      certifiedGap: r.gap,
      bound: r.solver.options.bound ?? null,
      evaluations: r.solver.options.evaluations ?? null,
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  await rm(dir, { recursive: true, force: true });
  return { targetSeconds: 10, rows };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const threadsArg = args.find((a) => a.startsWith('--threads='));
  const threads = threadsArg ? Number(threadsArg.split('=')[1]) : 2;
  const suites = args.filter((a) => !a.startsWith('--'));
  const chosen = suites.length > 0 ? suites : ['orlib-small', 'flow-lp'];
  await mkdir('results/bench', { recursive: true });
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  })();
  for (const suite of chosen) {
    const run: Record<string, () => Promise<unknown>> = {
      'orlib-small': orlibSmall,
      'capx-milp': () => capxMilp(false, 300),
      'capx-milp-60': () => capxMilp(true, 60),
      'capx-hybrid': () => capxHybrid(threads),
      'capx-anytime': capxAnytime,
      sscflp: sscflpBench,
      'flow-lp': flowLp,
      'jakarta-20k': jakarta20k,
      'time-limits': timeLimits,
      'pareto-scale': () => paretoScale(threads),
      'saa-jakarta': saaJakarta,
      'capx-certify': capxCertify,
      'lshaped-200': () => lshaped200(threads),
    };
    if (!run[suite]) throw new Error(`unknown suite ${suite}; choose from ${Object.keys(run).join(', ')}`);
    const figures = await run[suite]();
    const out = {
      suite,
      commit,
      date: new Date().toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      figures,
    };
    await writeFile(`results/bench/${suite}.json`, JSON.stringify(out, null, 2) + '\n');
    console.log(`wrote results/bench/${suite}.json`);
  }
}

await main();

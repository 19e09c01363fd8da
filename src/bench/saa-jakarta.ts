import { loadavg } from 'node:os';
import { loadConfig } from '../experiments/load-config.js';
import { saaOnFile } from '../experiments/saa-local.js';

const CONFIG = 'experiments/stochastic-jakarta.yaml';
const env = (k: string, d: number): number => (process.env[k] !== undefined ? Number(process.env[k]) : d);

/**
 * The issue-18 target on the Jakarta network: SAA with N = 50, M = 10, N' = 2,000 on 2 threads,
 * the gap interval's upper end <= 1% of the upper bound in <= 10 min. The factors and solver are
 * experiments/stochastic-jakarta.yaml's; SAA_N (a list: 5,10), SAA_M, SAA_EVAL, SAA_THREADS and
 * SAA_GAP (milp mipRelGap) override the sizes. Records wall and process CPU seconds (all threads)
 * and the load average, since the machine is shared.
 */
export async function saaJakarta(): Promise<unknown> {
  const config = await loadConfig(CONFIG);
  const base = config.saa![0]!;
  const ns = (process.env.SAA_N ?? '50').split(',').map(Number);
  const threads = env('SAA_THREADS', 2);
  const block = {
    ...base,
    n: ns,
    replications: env('SAA_M', 10),
    evaluation: env('SAA_EVAL', 2000),
    values: false,
    solver: { ...base.solver, params: { ...base.solver.params, mipRelGap: env('SAA_GAP', 0.002) } },
  };
  const rows = [];
  for (const n of ns) {
    const load0 = loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let o;
    try {
      [o] = await saaOnFile(config.instances[0]!.file, { ...block, n: [n] }, threads, CONFIG);
    } catch (err) {
      // A solve stopped by its time limit without a bound ends the analysis: record why, and when.
      const c = process.cpuUsage(cpu0);
      rows.push({
        n,
        error: err instanceof Error ? err.message : String(err),
        wallSeconds: (performance.now() - t0) / 1000,
        cpuSeconds: (c.user + c.system) / 1e6,
        loadAverage: [load0, loadavg()[0]!],
      });
      console.log(JSON.stringify(rows.at(-1)));
      continue;
    }
    const cpu = process.cpuUsage(cpu0);
    const wall = (performance.now() - t0) / 1000;
    rows.push({
      n,
      replications: block.replications,
      evaluation: block.evaluation,
      threads,
      solver: block.solver,
      wallSeconds: wall,
      // cpuUsage is the whole process: the worker threads' CPU included.
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      phases: o!.phases,
      lower: o!.lower,
      upper: o!.upper,
      gap: o!.gap,
      gapUpper: o!.gapUpper,
      gapUpperPct: 100 * o!.gapUpperRelative,
      open: o!.open,
      targetGapMet: o!.gapUpperRelative <= 0.01,
      targetTimeMet: wall <= 600,
      loadAverage: [load0, loadavg()[0]!],
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  return { config: CONFIG, parameters: base.parameters, rows };
}

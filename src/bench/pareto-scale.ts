import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { paretoFront, type ParetoFront } from '../pareto/epsilon-constraint.js';
import { hypervolume } from '../pareto/hypervolume.js';
import { ScalarPool } from '../pareto/scalar-pool.js';
import { formatNetworkDocument } from '../problems/network/convert/format.js';
import { generateJakartaScale } from '../problems/network/generators/jakarta/scale-generator.js';
import { networkFromText } from '../problems/network/reader.js';

/** Largest certified gap a point of the scale target may carry. */
const TARGET_GAP = 0.01;

/** A front's figures: size, time, certificates, hypervolume. */
function figures(f: ParetoFront, wallSeconds: number): Record<string, unknown> {
  const gaps = f.points.map((p) => p.gap);
  return {
    method: f.method,
    points: f.points.length,
    supported: f.points.filter((p) => p.supported).length,
    problemsSolved: f.problemsSolved,
    wallSeconds,
    maxGap: gaps.some((g) => g === null) ? null : Math.max(0, ...(gaps as number[])),
    pointsWithin1pct: gaps.filter((g) => g !== null && g <= TARGET_GAP).length,
    certified: f.certified,
    hypervolumeNormalized: f.hypervolumeNormalized,
    ideal: f.ideal,
    nadir: f.nadir,
    breakpoints: f.carbonPrice.breakpoints.length,
  };
}

/**
 * `npm run bench -- pareto-scale`: cost / emission fronts of generated Jakarta-style networks
 * (clustered, 4 CCs per cluster, 10 RMC, 5 WDC). A 20-point hybrid front in the worker pool at each
 * size (target at 2,000 dealers: every point's certified gap <= 1%, <= 10 min on 2 cores), and the
 * exact (milp) 20-point front where it finishes, the two hypervolumes measured against one
 * reference point (the worse of the two nadirs) so they compare.
 */
export async function paretoScale(threads: number, sizes = [500, 2000]): Promise<unknown> {
  const dir = await mkdtemp(join(tmpdir(), 'rlnd-bench-pareto-'));
  const rows: Record<string, unknown>[] = [];
  for (const dealers of sizes) {
    const params = {
      dealers,
      clusters: Math.max(5, Math.round(dealers / 40)),
      ccPerCluster: 4,
      rmc: 10,
      wdc: 5,
      layout: 'clustered',
      seed: 1,
    } as const;
    const file = join(dir, `jrln-${dealers}.json`);
    const text = formatNetworkDocument(generateJakartaScale(params), file);
    await writeFile(file, text);
    const inst = networkFromText(text, file);
    const run = async (method: string, timeLimit: number): Promise<[ParetoFront, number]> => {
      const pool = new ScalarPool(inst, threads);
      const t0 = performance.now();
      try {
        const f = await paretoFront(inst, pool, { method, seed: 1, points: 20, timeLimit });
        return [f, (performance.now() - t0) / 1000];
      } finally {
        await pool.close();
      }
    };
    const loadBefore = loadavg()[0];
    const [hybrid, hybridWall] = await run('hybrid', 60);
    const row: Record<string, unknown> = {
      dealers,
      designBits: params.clusters * params.ccPerCluster + params.rmc + params.wdc,
      threads,
      loadAverage: [loadBefore, loadavg()[0]],
      hybrid: figures(hybrid, hybridWall),
    };
    // The exact front only where it is expected to finish (each epsilon MILP to optimality).
    if (dealers <= 500) {
      const [milp, milpWall] = await run('milp', 300);
      const ref = {
        cost: Math.max(milp.nadir.cost, hybrid.nadir.cost),
        emissions: Math.max(milp.nadir.emissions, hybrid.nadir.emissions),
      };
      const hvM = hypervolume(milp.points, ref);
      const hvH = hypervolume(hybrid.points, ref);
      row.milp = figures(milp, milpWall);
      row.hypervolumeRatio = hvM > 0 ? hvH / hvM : null;
    }
    rows.push(row);
    console.error(`pareto-scale: ${JSON.stringify(row)}`);
  }
  return { cpus: cpus().length, rows };
}

import { loadavg } from 'node:os';
import { generateFlInstance } from '../problems/facility-location/generator.js';
import { facilityLocationProblem } from '../problems/facility-location/problem.js';
import { parseFlJson } from '../problems/facility-location/json-reader.js';
import { solve } from '../solve.js';
import { loadTimed } from './load-timed.js';
import { sscflpYangRows } from './sscflp-yang.js';

/** Generated single-source cases of issue 17 (capacity 1.3 x demand), each with the hybrid's limit. */
const CASES = [
  { sites: 30, customers: 200, limit: 60 },
  { sites: 80, customers: 400, limit: 60 },
  { sites: 100, customers: 1000, limit: 60 },
] as const;

/**
 * `npm run bench -- sscflp`: the hybrid (one thread, seed 1) on generated single-source instances
 * (clustered, 1.3 x demand, generator seed 1): status, objective, certified gap, wall time against
 * the limit (issue 17, target 3: a feasible design within the limit, a certified gap); then the
 * published Yang et al. (2012) files, each in its own process (./sscflp-yang.ts).
 */
export async function sscflpBench(): Promise<unknown> {
  const { handle } = await loadTimed();
  const rows = [];
  for (const c of CASES) {
    const doc = generateFlInstance({
      sites: c.sites,
      customers: c.customers,
      layout: 'clustered',
      clusters: 5,
      tightness: 1.3,
      seed: 1,
      variant: 'sscflp',
    });
    const problem = facilityLocationProblem(parseFlJson(doc, `sscflp-${c.sites}x${c.customers}.json`));
    const load = loadavg()[0]!;
    const t0 = performance.now();
    const r = await solve(problem, { method: 'hybrid', seed: 1, handle, timeLimit: c.limit });
    rows.push({
      instance: `sscflp-${c.sites}x${c.customers}-t1.3`,
      loadAverage: Math.round(load * 10) / 10,
      timeLimit: c.limit,
      status: r.status,
      objective: r.objective,
      lowerBound: r.lowerBound,
      certifiedGap: r.gap,
      wallSeconds: (performance.now() - t0) / 1000,
      message: r.message ?? null,
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
  return { rows, yang: await sscflpYangRows() };
}

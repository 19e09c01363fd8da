// Read an experiment's results (runs.jsonl) from code into a table: one row per method, with the
// mean objective, the worst gap to the optimum and the mean runtime.
//   node results-table.js <results folder>
import { readRuns, type RunRecord } from 'rlnd';

/** One row of the table. */
export interface MethodRow {
  readonly method: string;
  readonly runs: number;
  readonly meanObjective: number;
  readonly worstGapPercent: number | null;
  readonly meanSeconds: number;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Groups run records by method label. */
export function methodTable(runs: readonly RunRecord[]): MethodRow[] {
  const by = new Map<string, RunRecord[]>();
  for (const r of runs) by.set(r.method.label, [...(by.get(r.method.label) ?? []), r]);
  return [...by].map(([method, rs]) => {
    const gaps = rs.flatMap((r) => (r.gapToOptimum === null ? [] : [r.gapToOptimum * 100]));
    return {
      method,
      runs: rs.length,
      meanObjective: mean(rs.map((r) => r.objective ?? NaN)),
      worstGapPercent: gaps.length === rs.length ? Math.max(...gaps) : null,
      meanSeconds: mean(rs.map((r) => r.runtimeSeconds)),
    };
  });
}

const rows = methodTable(await readRuns(process.argv[2] ?? 'results/sa-vs-hybrid'));
console.log('| method | runs | mean objective | worst gap % | mean s |\n|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.method} | ${r.runs} | ${r.meanObjective.toFixed(3)} | ${r.worstGapPercent?.toFixed(4) ?? '-'} | ${r.meanSeconds.toFixed(2)} |`,
  );
console.log(JSON.stringify(rows));

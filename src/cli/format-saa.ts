import type { SaaOutcome } from '../experiments/saa-types.js';

const num = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
const pct = (x: number): string => `${(100 * x).toFixed(4)}%`;

/** The text summary of `rlnd saa`: per N, the bounds with their 95% half-widths and the gap interval. */
export function formatSaa(file: string, outcomes: readonly SaaOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    lines.push(
      `SAA ${file}: N = ${o.n}, M = ${o.replications}, N' = ${o.evaluation}, seed ${o.seed}, solver ${o.solver.name} (${o.runtimeSeconds.toFixed(1)} s)`,
      `  candidate (${o.candidateStatus}): ${o.open.join(', ')}`,
      `  lower bound  ${num(o.lower.mean)} +- ${num(o.lower.halfWidth)}`,
      `  upper bound  ${num(o.upper.mean)} +- ${num(o.upper.halfWidth)}`,
      `  gap          ${num(o.gap.mean)} +- ${num(o.gap.halfWidth)}`,
      `  gap interval [0, ${num(o.gapUpper)}] (95%, Mak-Morton-Wood): <= ${pct(o.gapUpperRelative)} of the upper bound`,
    );
    if (o.values)
      lines.push(
        `  on the candidate sample: WS ${num(o.values.ws)}, RP ${num(o.values.rp)}, EEV ${num(o.values.eev)}, VSS ${num(o.values.vss)}, EVPI ${num(o.values.evpi)}`,
      );
  }
  return lines.join('\n');
}

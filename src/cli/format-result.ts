import { roundTo } from '../core/numeric.js';
import type { Result } from '../core/result.js';

/**
 * The `--json` contract: one object whose field names stay stable (extend, never rename):
 * objective, lowerBound, gap, status, open, runtimeSeconds, method, seed, plus problem, instance,
 * costParts, figures (non-cost figures such as emissions; {} when the problem has none), solver,
 * message, and for two-stage problems scenarios (id, probability, cost, unmetDemand per scenario);
 * claimedObjective, claimedBound (the method's own figures, null when it gave none) and
 * claimMismatch (true when the claim differs from the recomputed objective beyond 1e-6 relative).
 */
export function resultJson(result: Result, withFlows = false): Record<string, unknown> {
  return {
    objective: result.objective === null ? null : roundTo(result.objective),
    lowerBound: result.lowerBound === null ? null : roundTo(result.lowerBound),
    gap: result.gap,
    status: result.status,
    open: result.open,
    runtimeSeconds: round(result.runtimeSeconds, 3),
    method: result.method,
    seed: result.seed,
    problem: result.problem,
    instance: result.instance,
    costParts: result.costParts,
    figures: result.figures,
    solver: result.solver,
    claimedObjective: result.claimedObjective === null ? null : roundTo(result.claimedObjective),
    claimedBound: result.claimedBound === null ? null : roundTo(result.claimedBound),
    claimMismatch: result.claimMismatch,
    ...(result.message ? { message: result.message } : {}),
    ...(result.scenarios
      ? {
          scenarios: result.scenarios.map((s) => ({
            ...s,
            cost: roundTo(s.cost),
            unmetDemand: roundTo(s.unmetDemand),
          })),
        }
      : {}),
    ...(withFlows ? { design: result.design, flows: result.flows } : {}),
  };
}

/** A readable summary: status, objective and bound, cost split, then the problem's own report. */
export function resultText(result: Result, report: string | null): string {
  const lines = [`${result.instance} — ${result.method} (seed ${result.seed}): ${result.status}`];
  if (result.message) lines.push(`  ${result.message}`);
  if (result.objective !== null) {
    lines.push(`  objective    ${fmt(result.objective)}`);
    if (result.lowerBound !== null)
      lines.push(`  lower bound  ${fmt(result.lowerBound)}   gap ${((result.gap ?? 0) * 100).toFixed(4)}%`);
    const total = result.objective;
    const width = Math.max(12, ...Object.keys(result.costParts).map((k) => k.length));
    for (const [k, v] of Object.entries(result.costParts)) {
      lines.push(`  ${k.padEnd(width)} ${fmt(v)}${total !== 0 ? `   (${((100 * v) / total).toFixed(2)}%)` : ''}`);
    }
    const figures = Object.entries(result.figures);
    if (figures.length > 0) {
      const w = Math.max(...figures.map(([k]) => k.length));
      lines.push('  figures (not costs):', ...figures.map(([k, v]) => `    ${k.padEnd(w)} ${fmt(v)}`));
    }
  }
  lines.push(`  time         ${result.runtimeSeconds.toFixed(2)} s`);
  if (report) lines.push('', report);
  return lines.join('\n');
}

function fmt(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

import type { Design } from '../../../core/design.js';
import type { HighsHandle } from '../../../exact/highs-handle.js';
import { solve } from '../../../solve.js';
import type { JavaAccount } from '../cost.js';
import type { JavaFlows } from '../flows.js';
import { scaleDemand, type JavaInstance } from '../instance.js';
import { javaRecyclingProblem } from '../problem.js';
import { indicatorsOf, type TechnoOptions } from './indicators.js';

/** One row of the investment sensitivity (Figures 5-7). */
export interface InvestmentRow {
  readonly [key: string]: string | number | null;
  readonly change: number;
  readonly investment: number;
  readonly npv: number;
  readonly irr: number | null;
  readonly roi: number;
}

/**
 * NPV, IRR and ROI of a fixed network as the investment cost changes by each fraction in
 * `changes` (e.g. -0.2 .. +0.5). The network and its operations stay as solved: the paper's
 * Figures 5-7 re-evaluate the chosen investment, they do not re-optimise it.
 */
export function investmentSensitivity(
  inst: JavaInstance,
  design: Design,
  account: JavaAccount,
  changes: readonly number[],
  options: TechnoOptions = {},
): InvestmentRow[] {
  return changes.map((change) => {
    const te = indicatorsOf(inst, design, { ...account, investment: account.investment * (1 + change) }, options);
    return { change, investment: account.investment * (1 + change), npv: te.npv, irr: te.irr, roi: te.roi };
  });
}

/** One row of the demand sensitivity (Figure 4). */
export interface DemandRow {
  readonly [key: string]: string | number | null;
  readonly change: number;
  readonly status: string;
  readonly profit: number | null;
  readonly open: string;
  readonly openCount: number;
}

/**
 * Profit and opening decision as every manufacturer demand changes by each fraction in `changes`
 * (-0.10 .. +0.20 in the paper): the full MILP is re-solved at each step, so the number of
 * facilities may change. An infeasible step (supply or capacity short) is reported, not skipped.
 */
export async function demandSensitivity(
  handle: HighsHandle,
  inst: JavaInstance,
  changes: readonly number[],
): Promise<{ rows: DemandRow[]; solutions: (JavaFlows | null)[] }> {
  const rows: DemandRow[] = [];
  const solutions: (JavaFlows | null)[] = [];
  for (const change of changes) {
    const problem = javaRecyclingProblem(scaleDemand(inst, 1 + change));
    const res = await solve(problem, { handle });
    const ok = res.objective !== null && (res.status === 'optimal' || res.status === 'feasible');
    rows.push({
      change,
      status: res.status,
      profit: ok ? -res.objective! : null,
      open: res.open.join('+'),
      openCount: res.open.length,
    });
    solutions.push(ok ? (res.flows as JavaFlows) : null);
  }
  return { rows, solutions };
}

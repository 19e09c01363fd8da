import type { Design } from '../../core/design.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { compileNetwork } from '../../problems/network/compile.js';
import type { NetworkInstance } from '../../problems/network/instance.js';
import { networkProblem } from '../../problems/network/problem.js';
import { applyChanges, type NetworkChange } from '../../problems/network/scenario.js';
import { solve } from '../../solve.js';
import type { StudyAccount } from './account.js';
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
  inst: NetworkInstance,
  design: Design,
  account: StudyAccount,
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
 * The network with the demand of every node that pays for what it receives (the paper's
 * manufacturers) multiplied by `factor`, and with `supplyToo` every supply as well (a growing
 * market): a scenario change of the network document, compiled again.
 */
export function scaleMarket(inst: NetworkInstance, factor: number, supplyToo = false): NetworkInstance {
  const buyers = inst.nodes.filter((n) => n.price !== null && n.demand.length > 0).map((n) => n.id);
  if (buyers.length === 0) throw new RangeError(`${inst.name}: no node has both a demand and a price to scale`);
  const changes: NetworkChange[] = [{ field: 'demand', select: { node: buyers }, scale: factor }];
  if (supplyToo)
    changes.push({
      field: 'supply',
      select: { node: inst.nodes.filter((n) => n.supply.size > 0).map((n) => n.id) },
      scale: factor,
    });
  return compileNetwork(applyChanges(inst.doc, changes), inst.source);
}

/**
 * Profit and opening decision as the paying demand changes by each fraction in `changes`
 * (-0.10 .. +0.20 in the paper): the full MILP is re-solved at each step, so the number of
 * facilities may change. An infeasible step (supply or capacity short) is reported, not skipped.
 */
export async function demandSensitivity(
  handle: HighsHandle,
  inst: NetworkInstance,
  changes: readonly number[],
  supplyToo = false,
): Promise<DemandRow[]> {
  const rows: DemandRow[] = [];
  for (const change of changes) {
    const res = await solve(networkProblem(scaleMarket(inst, 1 + change, supplyToo)), { handle });
    const ok = res.objective !== null && (res.status === 'optimal' || res.status === 'feasible');
    rows.push({
      change,
      status: res.status,
      profit: ok ? -res.objective! : null,
      open: res.open.join('+'),
      openCount: res.open.length,
    });
  }
  return rows;
}

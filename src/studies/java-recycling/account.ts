import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import { networkCost } from '../../problems/network/cost.js';
import type { NetworkFlows } from '../../problems/network/flows.js';
import type { NetworkInstance } from '../../problems/network/instance.js';

/** Revenue and operating costs of one period, from the network's cost parts of that period's flows. */
export interface PeriodAccount {
  readonly period: number;
  readonly revenue: number;
  /** The period's share of the design-independent `constantCost` (the paper's FC per period). */
  readonly fixed: number;
  /** acquisition + processing (recycling and waste treatment) + transport + holding + carbon tax. */
  readonly operating: number;
  /** revenue - fixed - operating. */
  readonly operatingProfit: number;
}

/** A solution as a techno-economic account: the investment once, then one {@link PeriodAccount} per period. */
export interface StudyAccount {
  /** Fixed cost of the open candidates, charged once (the paper's IC_r of the open facilities). */
  readonly investment: number;
  readonly periods: readonly PeriodAccount[];
  readonly revenue: number;
  /** Σ operating profit - investment: minus the network objective. */
  readonly profit: number;
}

/** The flows of one period (1-based) only. */
function periodFlows(flows: NetworkFlows, t: number): NetworkFlows {
  const of = <E extends { readonly period: number }>(list: readonly E[]): E[] => list.filter((e) => e.period === t);
  return {
    arcs: of(flows.arcs),
    stock: of(flows.stock),
    processed: of(flows.processed),
    supplied: of(flows.supplied),
    delivered: of(flows.delivered),
  };
}

/**
 * Splits a network solution by period with the network's own cost function applied to each
 * period's flows: every period-t term of the objective depends on period-t flows only when holding
 * is charged on end-of-period stock (the Java networks), so the periods sum to the objective. The
 * design-independent `constantCost` is spread evenly over the periods (the Java conversion writes
 * FC x T there, FC being the paper's fixed cost per period); the fixed cost of the open candidates
 * is the investment at year 0. Average holding links two periods, so it is refused.
 */
export function studyAccount(inst: NetworkInstance, design: Design, flows: NetworkFlows): StudyAccount {
  if (inst.holding !== 'end-of-period')
    throw new RangeError(
      `${inst.name}: the techno-economic account needs holding 'end-of-period' (a period's cost from its own flows), got '${inst.holding}'`,
    );
  const T = inst.periods;
  const whole = networkCost(inst, design, flows).parts;
  const periods: PeriodAccount[] = [];
  for (let t = 1; t <= T; t++) {
    const p = networkCost(inst, design, periodFlows(flows, t)).parts;
    const revenue = -p.revenue!;
    const fixed = inst.constantCost / T;
    const operating = preciseSum([p.acquisition!, p.processing!, p.transport!, p.holding!, p.carbonTax!]);
    periods.push({ period: t, revenue, fixed, operating, operatingProfit: revenue - fixed - operating });
  }
  const investment = whole.fixed!;
  return {
    investment,
    periods,
    revenue: preciseSum(periods.map((p) => p.revenue)),
    profit: preciseSum([...periods.map((p) => p.operatingProfit), -investment]),
  };
}

import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import type { CostBreakdown } from '../../core/problem.js';
import type { JavaFlows } from './flows.js';
import type { JavaInstance } from './instance.js';

/** Revenue and operating costs of one period (IDR), each recomputed from the flows. */
export interface PeriodAccount {
  readonly period: number;
  /** Revenue per metal (instance metal order). */
  readonly revenueByMetal: readonly number[];
  readonly revenue: number;
  readonly fixed: number;
  readonly recycle: number;
  readonly wasteTreatment: number;
  readonly inventory: number;
  /** Transport on the three legs: collection centre -> facility, facility -> manufacturer, facility -> landfill. */
  readonly transportCollection: number;
  readonly transportManufacturer: number;
  readonly transportLandfill: number;
  readonly transport: number;
  /** revenue - fixed - recycle - wasteTreatment - inventory - transport. */
  readonly operatingProfit: number;
}

/** The whole account of a solution: investment once, then one {@link PeriodAccount} per period. */
export interface JavaAccount {
  readonly investment: number;
  readonly periods: readonly PeriodAccount[];
  readonly revenue: number;
  readonly profit: number;
}

/** Fixed cost charged in one period under the instance's basis (see FixedCostBasis). */
export function periodFixedCost(inst: JavaInstance, design: Design, t: number): number {
  const { amount, basis } = inst.fixedCost;
  const open = design.reduce((s, b) => s + b, 0);
  if (basis === 'network-period') return amount;
  if (basis === 'facility-period') return amount * open;
  // `facility`: charged once, in the first period.
  return t === 0 ? amount * open : 0;
}

/** Splits revenue and every cost of a design and its flows by period (Table 9, per period). */
export function javaAccount(inst: JavaInstance, design: Design, flows: JavaFlows): JavaAccount {
  const tc = inst.transportCostPerKgKm;
  const R = inst.facilities.length;
  const investment = preciseSum(inst.facilities.map((f, r) => (design[r] ? f.investmentCost : 0)));
  const periods: PeriodAccount[] = [];
  for (let t = 0; t < inst.periods; t++) {
    const revenueByMetal = inst.metals.map((k, ki) =>
      k.price * preciseSum(flows.ship.flatMap((byM) => byM.map((byK) => byK[ki]![t]!))),
    );
    const revenue = preciseSum(revenueByMetal);
    const fixed = periodFixedCost(inst, design, t);
    const terms = (f: (r: number) => number[]): number => preciseSum([...Array(R).keys()].flatMap(f));
    const recycle = terms((r) => inst.metals.map((k, ki) => k.recycleCost * flows.production[r]![ki]![t]!));
    const wasteTreatment = terms((r) => inst.landfills.map((_, w) => inst.wasteTreatmentCost * flows.residue[r]![w]![t]!));
    const inventory = terms((r) => inst.metals.map((_, ki) => inst.inventoryCost * flows.inventory[r]![ki]![t]!));
    const transportCollection = terms((r) => inst.centres.map((_, c) => tc * inst.dCR[c]![r]! * flows.collect[c]![r]![t]!));
    const transportManufacturer = terms((r) =>
      inst.manufacturers.flatMap((_, m) => inst.metals.map((_k, ki) => tc * inst.dRM[r]![m]! * flows.ship[r]![m]![ki]![t]!)),
    );
    const transportLandfill = terms((r) => inst.landfills.map((_, w) => tc * inst.dRW[r]![w]! * flows.residue[r]![w]![t]!));
    const transport = transportCollection + transportManufacturer + transportLandfill;
    const operatingProfit = revenue - preciseSum([fixed, recycle, wasteTreatment, inventory, transport]);
    periods.push({
      period: t + 1, revenueByMetal, revenue, fixed, recycle, wasteTreatment, inventory,
      transportCollection, transportManufacturer, transportLandfill, transport, operatingProfit,
    });
  }
  const revenue = preciseSum(periods.map((p) => p.revenue));
  const profit = preciseSum([...periods.map((p) => p.operatingProfit), -investment]);
  return { investment, periods, revenue, profit };
}

/**
 * The objective rlnd minimises, minus the profit, split into parts that sum to it:
 * `revenue` (negative: income lowers the objective), fixed, investment, recycle, wasteTreatment,
 * inventory, transport. Profit = -total.
 */
export function javaCost(inst: JavaInstance, design: Design, flows: JavaFlows): CostBreakdown {
  const a = javaAccount(inst, design, flows);
  const sum = (f: (p: PeriodAccount) => number): number => preciseSum(a.periods.map(f));
  const parts = {
    revenue: -a.revenue,
    fixed: sum((p) => p.fixed),
    investment: a.investment,
    recycle: sum((p) => p.recycle),
    wasteTreatment: sum((p) => p.wasteTreatment),
    inventory: sum((p) => p.inventory),
    transport: sum((p) => p.transport),
  };
  return { total: preciseSum(Object.values(parts)), parts };
}

/**
 * What the network achieves besides its cost: profit (IDR; the objective is minus this), revenue,
 * kg of battery recycled, kg of each metal produced and kg of residue landfilled, over the horizon.
 */
export function javaFigures(inst: JavaInstance, design: Design, flows: JavaFlows): Record<string, number> {
  const a = javaAccount(inst, design, flows);
  const total = (xs: readonly (readonly number[])[]): number => preciseSum(xs.flat());
  return {
    profitIDR: a.profit,
    revenueIDR: a.revenue,
    batteryRecycledKg: total(flows.collect.flat()),
    ...Object.fromEntries(inst.metals.map((k, ki) => [`${k.id}ProducedKg`, total(flows.production.map((r) => r[ki]!))])),
    residueKg: total(flows.residue.flat()),
  };
}

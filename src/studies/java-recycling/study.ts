import { InfeasibleInstanceError } from '../../core/errors.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { toCsv } from '../../io/csv.js';
import type { NetworkFlows } from '../../problems/network/flows.js';
import type { NetworkInstance } from '../../problems/network/instance.js';
import { networkProblem } from '../../problems/network/problem.js';
import { scatterPlot } from '../../report/svg-plot.js';
import { solve } from '../../solve.js';
import { technoEconomics, type TechnoEconomics, type TechnoOptions } from './indicators.js';
import { demandSensitivity, investmentSensitivity, type DemandRow, type InvestmentRow } from './sensitivity.js';

/** Settings of a full techno-economic study (the `rlnd techno-economics` command). */
export interface StudyOptions extends TechnoOptions {
  /** Fractional changes of the investment cost (Figures 5-7). */
  readonly investmentChanges?: readonly number[];
  /** Fractional changes of every paying demand (Figure 4, -10% .. +20% in the paper). */
  readonly demandChanges?: readonly number[];
  /** Scale every supply with demand (a growing market) instead of keeping it fixed. */
  readonly supplyFollowsDemand?: boolean;
}

/** The study's figures, and the CSV and SVG files that hold them (file name -> content). */
export interface Study {
  readonly base: TechnoEconomics;
  readonly open: readonly string[];
  readonly investment: readonly InvestmentRow[];
  readonly demand: readonly DemandRow[];
  readonly files: Readonly<Record<string, string>>;
}

export const DEFAULT_INVESTMENT_CHANGES = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5];
export const DEFAULT_DEMAND_CHANGES = [-0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2];

const billions = (v: number): number => v / 1e9;

/**
 * Solves the network instance (java-recycling-option1/2.json), evaluates the optimal network from
 * the solved result's design and flows (cash flows, NPV, IRR, ROI, break-even), and runs the two
 * sensitivity studies of Kasy et al. Plots are in IDR billion and per cent.
 */
export async function technoEconomicStudy(
  handle: HighsHandle,
  inst: NetworkInstance,
  options: StudyOptions = {},
): Promise<Study> {
  const res = await solve(networkProblem(inst), { handle });
  if (res.flows === null || res.objective === null)
    throw new InfeasibleInstanceError(inst.name, res.message ?? res.status);
  const design = Uint8Array.from(res.design);
  const base = technoEconomics(inst, design, res.flows as NetworkFlows, options);
  // The account re-adds the network's own cost parts period by period: it must give the objective back.
  if (Math.abs(base.account.profit + res.objective) > 1e-6 * Math.max(1, Math.abs(res.objective))) {
    throw new Error(
      `${inst.name}: the period account (profit ${base.account.profit}) does not add up to the objective ${res.objective}`,
    );
  }
  const investment = investmentSensitivity(
    inst,
    design,
    base.account,
    options.investmentChanges ?? DEFAULT_INVESTMENT_CHANGES,
    options,
  );
  const demand = await demandSensitivity(
    handle,
    inst,
    options.demandChanges ?? DEFAULT_DEMAND_CHANGES,
    options.supplyFollowsDemand ?? false,
  );

  // Named like the network's figures: bep_<product>_<unit> (bep_Ni_kg).
  const bepName = (id: string): string => {
    const unit = inst.products[inst.productIndex.get(id)!]!.unit;
    return `bep_${id}${unit ? `_${unit}` : ''}`;
  };
  const pctAxis = (rows: readonly { change: number }[]): number[] => rows.map((r) => 100 * r.change);
  const line = (name: string, xs: number[], ys: (number | null)[]) => ({
    name,
    points: xs.flatMap((x, k) => (ys[k] === null || ys[k] === undefined ? [] : [{ x, y: ys[k]! }])),
  });
  const invX = pctAxis(investment);
  const demX = pctAxis(demand);
  const files: Record<string, string> = {
    'cash-flows.csv': toCsv(
      base.cashFlows.map((cf, year) => ({ year, cashFlow: cf, discounted: cf / (1 + base.rate) ** year })),
    ),
    'indicators.csv': toCsv([
      {
        open: res.open.join('+'),
        profit: base.account.profit,
        investment: base.account.investment,
        years: base.cashFlows.length - 1,
        rate: base.rate,
        npv: base.npv,
        irr: base.irr,
        roi: base.roi,
        [bepName(base.breakEven.input)]: base.breakEven.inputUnits,
        ...Object.fromEntries(base.breakEven.byProduct.map((b) => [bepName(b.product), b.amount])),
      },
    ]),
    'investment-sensitivity.csv': toCsv(investment),
    'demand-sensitivity.csv': toCsv(demand),
    'profit-vs-demand.svg': scatterPlot({
      title: 'Profit vs demand (cf. paper Fig. 4)',
      xLabel: 'change in demand (%)',
      yLabel: 'profit (IDR billion)',
      lines: true,
      series: [
        line(
          'profit',
          demX,
          demand.map((r) => (r.profit === null ? null : billions(r.profit))),
        ),
      ],
    }),
    'facilities-vs-demand.svg': scatterPlot({
      title: 'Recycling facilities opened vs demand (cf. Fig. 4)',
      xLabel: 'change in demand (%)',
      yLabel: 'facilities opened',
      lines: true,
      series: [
        line(
          'facilities',
          demX,
          demand.map((r) => (r.profit === null ? null : r.openCount)),
        ),
      ],
    }),
    'npv-vs-investment.svg': scatterPlot({
      title: `NPV vs investment cost (rate ${(100 * base.rate).toFixed(1)}%, cf. Fig. 5)`,
      xLabel: 'change in investment cost (%)',
      yLabel: 'NPV (IDR billion)',
      lines: true,
      series: [
        line(
          'NPV',
          invX,
          investment.map((r) => billions(r.npv)),
        ),
      ],
    }),
    'irr-vs-investment.svg': scatterPlot({
      title: 'IRR vs investment cost (cf. Fig. 6)',
      xLabel: 'change in investment cost (%)',
      yLabel: 'IRR (%)',
      lines: true,
      series: [
        line(
          'IRR',
          invX,
          investment.map((r) => (r.irr === null ? null : 100 * r.irr)),
        ),
      ],
    }),
    'roi-vs-investment.svg': scatterPlot({
      title: 'ROI vs investment cost (cf. Fig. 7)',
      xLabel: 'change in investment cost (%)',
      yLabel: 'ROI (%)',
      lines: true,
      series: [
        line(
          'ROI',
          invX,
          investment.map((r) => 100 * r.roi),
        ),
      ],
    }),
  };
  return { base, open: res.open, investment, demand, files };
}

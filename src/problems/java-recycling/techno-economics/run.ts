import { designFrom } from '../../../core/design.js';
import { InfeasibleInstanceError } from '../../../core/errors.js';
import type { HighsHandle } from '../../../exact/highs-handle.js';
import { toCsv } from '../../../io/csv.js';
import { scatterPlot } from '../../../report/svg-plot.js';
import { solve } from '../../../solve.js';
import type { JavaFlows } from '../flows.js';
import { withChanges, type JavaInstance } from '../instance.js';
import { javaRecyclingProblem } from '../problem.js';
import { technoEconomics, type TechnoEconomics, type TechnoOptions } from './indicators.js';
import { demandSensitivity, investmentSensitivity, type DemandRow, type InvestmentRow } from './sensitivity.js';

/** Settings of a full techno-economic study (the `rlnd techno-economics` command). */
export interface StudyOptions extends TechnoOptions {
  /** Fractional changes of the investment cost (Figures 5-7). */
  readonly investmentChanges?: readonly number[];
  /** Fractional changes of every demand (Figure 4, -10% .. +20% in the paper). */
  readonly demandChanges?: readonly number[];
  /** Scale collection-centre supply with demand (a growing market) instead of keeping it fixed. */
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
 * Solves the instance, evaluates the optimal network (cash flows, NPV, IRR, ROI, break-even), and
 * runs the two sensitivity studies of the paper. Plots are in IDR billion and per cent.
 */
export async function technoEconomicStudy(handle: HighsHandle, inst: JavaInstance, options: StudyOptions = {}): Promise<Study> {
  const res = await solve(javaRecyclingProblem(inst), { handle });
  if (res.flows === null || res.objective === null) throw new InfeasibleInstanceError(inst.name, res.message ?? res.status);
  const design = designFrom(res.design.length, res.design.flatMap((b, i) => (b ? [i] : [])));
  const flows = res.flows as JavaFlows;
  const base = technoEconomics(inst, design, flows, options);
  const investment = investmentSensitivity(inst, design, base.account, options.investmentChanges ?? DEFAULT_INVESTMENT_CHANGES, options);
  const scaled = options.supplyFollowsDemand
    ? (f: number): JavaInstance => withChanges(inst, { centres: inst.centres.map((c) => ({ ...c, supply: c.supply.map((v) => v * f) })) })
    : (): JavaInstance => inst;
  const demand: DemandRow[] = [];
  for (const change of options.demandChanges ?? DEFAULT_DEMAND_CHANGES) {
    demand.push(...(await demandSensitivity(handle, scaled(1 + change), [change])).rows);
  }

  const pctAxis = (rows: readonly { change: number }[]): number[] => rows.map((r) => 100 * r.change);
  const line = (name: string, xs: number[], ys: (number | null)[]) => ({
    name,
    points: xs.flatMap((x, k) => (ys[k] === null || ys[k] === undefined ? [] : [{ x, y: ys[k]! }])),
  });
  const invX = pctAxis(investment);
  const demX = pctAxis(demand);
  const files: Record<string, string> = {
    'cash-flows.csv': toCsv(base.cashFlows.map((cf, year) => ({ year, cashFlow: cf, discounted: cf / (1 + base.rate) ** year }))),
    'indicators.csv': toCsv([{
      open: res.open.join('+'),
      profit: base.account.profit,
      investment: base.account.investment,
      years: base.cashFlows.length - 1,
      rate: base.rate,
      npv: base.npv,
      irr: base.irr,
      roi: base.roi,
      bepBatteryKg: base.breakEven.batteryKg,
      ...Object.fromEntries(base.breakEven.byMetal.map((b) => [`bep${b.metal}Kg`, b.kg])),
    }]),
    'investment-sensitivity.csv': toCsv(investment),
    'demand-sensitivity.csv': toCsv(demand),
    'profit-vs-demand.svg': scatterPlot({
      title: 'Profit vs demand (cf. paper Fig. 4)', xLabel: 'change in demand (%)', yLabel: 'profit (IDR billion)', lines: true,
      series: [line('profit', demX, demand.map((r) => (r.profit === null ? null : billions(r.profit))))],
    }),
    'facilities-vs-demand.svg': scatterPlot({
      title: 'Recycling facilities opened vs demand (cf. Fig. 4)', xLabel: 'change in demand (%)', yLabel: 'facilities opened', lines: true,
      series: [line('facilities', demX, demand.map((r) => (r.profit === null ? null : r.openCount)))],
    }),
    'npv-vs-investment.svg': scatterPlot({
      title: `NPV vs investment cost (rate ${(100 * base.rate).toFixed(1)}%, cf. Fig. 5)`, xLabel: 'change in investment cost (%)', yLabel: 'NPV (IDR billion)', lines: true,
      series: [line('NPV', invX, investment.map((r) => billions(r.npv)))],
    }),
    'irr-vs-investment.svg': scatterPlot({
      title: 'IRR vs investment cost (cf. Fig. 6)', xLabel: 'change in investment cost (%)', yLabel: 'IRR (%)', lines: true,
      series: [line('IRR', invX, investment.map((r) => (r.irr === null ? null : 100 * r.irr)))],
    }),
    'roi-vs-investment.svg': scatterPlot({
      title: 'ROI vs investment cost (cf. Fig. 7)', xLabel: 'change in investment cost (%)', yLabel: 'ROI (%)', lines: true,
      series: [line('ROI', invX, investment.map((r) => 100 * r.roi))],
    }),
  };
  return { base, open: res.open, investment, demand, files };
}

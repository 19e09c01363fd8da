import type { ParetoFront } from '../pareto/epsilon-constraint.js';
import { kneeIndex } from '../pareto/knee.js';
import type { Row } from '../experiments/summaries.js';
import { plotOf, type Plot } from './plot-data.js';
import type { Series } from './svg-plot.js';

/** The parts of a front its plots and tables read (a `rlnd pareto --json` object or a pareto.jsonl record). */
export type FrontData = Pick<ParetoFront, 'points' | 'segments' | 'carbonPrice' | 'method'>;

/** The point optimal at the instance's own carbon tax (the nominal design), from the carbon-price analysis. */
export function nominalPoint(f: FrontData): { cost: number; emissions: number; tax: number } | null {
  const r = f.carbonPrice.intervals[f.carbonPrice.nominalInterval];
  return r ? { cost: r.cost, emissions: r.emissions, tax: f.carbonPrice.nominalTax } : null;
}

/** Legend names of the marked points (tests and readers look them up). */
export const FRONT_SERIES = {
  segments: 'front segments (one design)',
  supported: 'supported points',
  nonSupported: 'non-supported points',
  knee: 'knee',
  nominal: 'nominal design',
} as const;

/**
 * Cost vs emissions: the segments of the front (neighbouring supported points of one design),
 * supported points (circles), non-supported points (squares), the knee (diamond, src/pareto/knee.ts)
 * and the nominal design (triangle: the optimum at the instance's carbon tax).
 */
export function frontPlot(file: string, title: string, f: FrontData): Plot {
  const xy = (p: { cost: number; emissions: number }): { x: number; y: number } => ({ x: p.cost, y: p.emissions });
  const knee = kneeIndex(f.points);
  const nominal = nominalPoint(f);
  const series: Series[] = [
    {
      name: FRONT_SERIES.segments,
      points: f.segments.flatMap((s) => [xy(f.points[s.from]!), xy(f.points[s.to]!)]),
      line: 'pairs',
      shape: 'none',
    },
    { name: FRONT_SERIES.supported, points: f.points.filter((p) => p.supported).map(xy), shape: 'circle' },
    { name: FRONT_SERIES.nonSupported, points: f.points.filter((p) => !p.supported).map(xy), shape: 'square' },
    { name: FRONT_SERIES.knee, points: knee === null ? [] : [xy(f.points[knee]!)], shape: 'diamond' },
    {
      name: `${FRONT_SERIES.nominal} (tax ${nominal?.tax ?? 0})`,
      points: nominal ? [xy(nominal)] : [],
      shape: 'triangle',
    },
  ];
  return plotOf(file, title, {
    kind: 'xy',
    xLabel: 'cost (without the carbon tax)',
    yLabel: 'emissions (kg CO2)',
    series,
  });
}

/** The cost-vs-tax curve (optimal cost + t x emissions, concave piecewise linear) with its breakpoints and the nominal tax. */
export function carbonPricePlot(file: string, title: string, f: FrontData): Plot {
  const cp = f.carbonPrice;
  const at = (t: number): number => Math.min(...cp.intervals.map((r) => r.cost + t * r.emissions));
  return plotOf(file, title, {
    kind: 'xy',
    xLabel: 'carbon price (cost per kg CO2)',
    yLabel: 'optimal cost + price x emissions',
    series: [
      { name: 'optimal objective', points: cp.curve.map((c) => ({ x: c.tax, y: c.objective })), line: 'path' },
      { name: 'breakpoints', points: cp.breakpoints.map((t) => ({ x: t, y: at(t) })), shape: 'diamond' },
      { name: `nominal tax ${cp.nominalTax}`, points: [{ x: cp.nominalTax, y: at(cp.nominalTax) }], shape: 'triangle' },
    ],
  });
}

/** One row per front point: objectives, certificate, and whether it is supported, the knee or the nominal design. */
export function frontPointRows(f: FrontData, key: Row = {}): Row[] {
  const knee = kneeIndex(f.points);
  const nominal = nominalPoint(f);
  return f.points.map((p, i) => ({
    ...key,
    point: i + 1,
    cost: p.cost,
    emissionsKgCO2: p.emissions,
    supported: p.supported ? 1 : 0,
    knee: i === knee ? 1 : 0,
    nominal: nominal && nominal.cost === p.cost && nominal.emissions === p.emissions ? 1 : 0,
    status: p.status,
    gap: p.gap,
    epsilon: p.epsilon,
    open: p.open.join(' '),
  }));
}

/** One row per carbon-price interval: the range of prices over which one supported point is optimal. */
export function carbonPriceRows(f: FrontData, key: Row = {}): Row[] {
  return f.carbonPrice.intervals.map((r, i) => ({
    ...key,
    interval: i + 1,
    taxFrom: r.taxFrom,
    taxTo: r.taxTo,
    cost: r.cost,
    emissionsKgCO2: r.emissions,
    designChanged: r.designChanged ? 1 : 0,
    nominal: i === f.carbonPrice.nominalInterval ? 1 : 0,
    open: r.open.join(' '),
  }));
}

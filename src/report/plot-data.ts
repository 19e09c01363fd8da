import { barChart, boxPlot, scatterPlot, type Series } from './svg-plot.js';

/** What a plot shows, as data: drawn as a static SVG (markdown report) and as a Vega-Lite chart (HTML report). */
export type PlotData =
  | {
      readonly kind: 'xy';
      readonly xLabel: string;
      readonly yLabel: string;
      readonly series: readonly Series[];
      readonly lines?: boolean;
      readonly logX?: boolean;
      readonly logY?: boolean;
    }
  | {
      readonly kind: 'box';
      readonly yLabel: string;
      readonly groups: readonly { readonly name: string; readonly values: readonly number[] }[];
    }
  | {
      readonly kind: 'bar';
      readonly xLabel: string;
      readonly yLabel: string;
      readonly categories: readonly string[];
      readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
    };

/** A plot file name, its title, its SVG text and the data it was drawn from. */
export interface Plot {
  readonly file: string;
  readonly title: string;
  readonly svg: string;
  readonly data?: PlotData;
}

/** A plot drawn from its data: the SVG and the data stay one. */
export function plotOf(file: string, title: string, data: PlotData): Plot {
  const svg =
    data.kind === 'xy'
      ? scatterPlot({ title, ...data })
      : data.kind === 'box'
        ? boxPlot({ title, ...data })
        : barChart({ title, ...data });
  return { file, title, svg, data };
}

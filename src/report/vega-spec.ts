import type { PlotData } from './plot-data.js';

/** A Vega-Lite specification as plain JSON (data inlined). */
export type VegaLiteSpec = Readonly<Record<string, unknown>>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The Vega-Lite chart of a plot's data, with its data inline (the report works offline). Log
 * axes drop values <= 0, as the SVG plots do; points keep their order (profiles are step curves
 * with repeated x values).
 */
export function vegaLiteSpec(title: string, data: PlotData): VegaLiteSpec {
  const base = { $schema: SCHEMA, title, width: 560, height: 320 };
  if (data.kind === 'xy') {
    const values = data.series.flatMap((s) =>
      s.points
        .filter((p) => (!data.logX || p.x > 0) && (!data.logY || p.y > 0))
        .map((p, i) => ({ series: s.name, x: p.x, y: p.y, i })),
    );
    const axis = (field: string, label: string, log: boolean | undefined): Record<string, unknown> => ({
      field,
      type: 'quantitative',
      title: label,
      scale: log ? { type: 'log' } : { zero: false },
    });
    return {
      ...base,
      data: { values },
      mark: data.lines ? { type: 'line', point: true, tooltip: true } : { type: 'point', filled: true, tooltip: true },
      encoding: {
        x: axis('x', data.xLabel, data.logX),
        y: axis('y', data.yLabel, data.logY),
        color: { field: 'series', type: 'nominal', title: null },
        order: { field: 'i', type: 'quantitative' },
      },
    };
  }
  if (data.kind === 'box') {
    const values = data.groups.flatMap((g) => g.values.map((v) => ({ group: g.name, value: v })));
    return {
      ...base,
      data: { values },
      mark: { type: 'boxplot', extent: 'min-max' },
      encoding: {
        x: { field: 'group', type: 'nominal', title: null },
        y: { field: 'value', type: 'quantitative', title: data.yLabel },
        color: { field: 'group', type: 'nominal', legend: null },
      },
    };
  }
  const values = data.series.flatMap((s) =>
    s.values.map((v, c) => ({ category: data.categories[c] ?? String(c), series: s.name, value: v })),
  );
  return {
    ...base,
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'category', type: 'nominal', title: data.xLabel, sort: null },
      xOffset: { field: 'series', type: 'nominal' },
      y: { field: 'value', type: 'quantitative', title: data.yLabel },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

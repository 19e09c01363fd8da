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
    if (data.series.some((s) => s.line !== undefined || s.shape !== undefined)) return styledXy(base, data, axis);
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

type XyData = Extract<PlotData, { kind: 'xy' }>;
type AxisOf = (field: string, label: string, log: boolean | undefined) => Record<string, unknown>;

/**
 * An xy chart whose series carry their own line and marker style (a front: segments, supported
 * and non-supported points, the knee): a line layer (one line per path or pair) under a point layer.
 */
function styledXy(base: Readonly<Record<string, unknown>>, data: XyData, axis: AxisOf): VegaLiteSpec {
  const values = data.series.flatMap((s) =>
    s.points.map((p, i) => ({
      series: s.name,
      x: p.x,
      y: p.y,
      i,
      // The line a point belongs to: its series (a path), or its pair.
      seg: s.line === 'pairs' ? `${s.name}#${Math.floor(i / 2)}` : s.name,
      line: s.line !== undefined || data.lines === true,
      marked: s.shape !== 'none',
    })),
  );
  const shapes = data.series.map((s) =>
    s.shape === 'square'
      ? 'square'
      : s.shape === 'diamond'
        ? 'diamond'
        : s.shape === 'triangle'
          ? 'triangle-up'
          : 'circle',
  );
  const x = axis('x', data.xLabel, data.logX);
  const y = axis('y', data.yLabel, data.logY);
  const color = { field: 'series', type: 'nominal', title: null, scale: { domain: data.series.map((s) => s.name) } };
  return {
    ...base,
    data: { values },
    layer: [
      {
        transform: [{ filter: 'datum.line' }],
        mark: { type: 'line' },
        encoding: {
          x,
          y,
          color,
          detail: { field: 'seg', type: 'nominal' },
          order: { field: 'i', type: 'quantitative' },
        },
      },
      {
        transform: [{ filter: 'datum.marked' }],
        mark: { type: 'point', filled: true, tooltip: true, size: 80 },
        encoding: {
          x,
          y,
          color,
          shape: { field: 'series', type: 'nominal', scale: { domain: data.series.map((s) => s.name), range: shapes } },
        },
      },
    ],
  };
}

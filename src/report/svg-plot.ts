/**
 * Dependency-free SVG charts for reports: scatter/line plots, box plots and grouped bars. Every
 * chart is a plain string, so reports diff cleanly and need no browser or plotting library.
 */

/** A named set of points. */
export interface Series {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /**
   * Lines of this series whatever the plot's `lines`: `path` joins the points in their order,
   * `pairs` draws one segment per pair (points 0-1, 2-3, ...).
   */
  readonly line?: 'path' | 'pairs';
  /** Marker shape (default circle; `none`: no markers, the line only). */
  readonly shape?: MarkerShape;
}

/** Marker shapes of a scatter plot. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'none';

function marker(shape: MarkerShape, cx: number, cy: number, fill: string): string {
  const x = cx.toFixed(1);
  const y = cy.toFixed(1);
  const at = (pts: [number, number][]): string =>
    pts.map(([dx, dy]) => `${(cx + dx).toFixed(1)},${(cy + dy).toFixed(1)}`).join(' ');
  switch (shape) {
    case 'none':
      return '';
    case 'square':
      return `<rect x="${(cx - 4).toFixed(1)}" y="${(cy - 4).toFixed(1)}" width="8" height="8" fill="${fill}" fill-opacity="0.85"/>`;
    case 'diamond':
      return `<polygon points="${at([
        [0, -7],
        [7, 0],
        [0, 7],
        [-7, 0],
      ])}" fill="${fill}" stroke="black" stroke-width="0.8"/>`;
    case 'triangle':
      return `<polygon points="${at([
        [0, -7],
        [6.5, 5],
        [-6.5, 5],
      ])}" fill="${fill}" stroke="black" stroke-width="0.8"/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="3.5" fill="${fill}" fill-opacity="0.75"/>`;
  }
}

const W = 640;
const H = 400;
const M = { left: 72, right: 150, top: 36, bottom: 52 };
const COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#ff7f0e',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

/** Colour of the k-th series. */
export const color = (k: number): string => COLORS[k % COLORS.length]!;

/** Escapes text for SVG. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Rounds a number for ticks and labels. */
export function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e9 || a < 1e-3) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** About `n` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, n = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
}

function axisOf(values: readonly number[], log: boolean): Axis {
  const vs = log ? values.filter((v) => v > 0) : values;
  let lo = vs.length ? Math.min(...vs) : 0;
  let hi = vs.length ? Math.max(...vs) : 1;
  if (log) {
    lo = Math.log10(lo || 1e-3);
    hi = Math.log10(hi || 1);
  }
  if (hi - lo < 1e-12) {
    const pad = Math.abs(hi) * 0.05 || 0.5;
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  return { lo, hi, log };
}

function frame(title: string, xLabel: string, yLabel: string, body: string[], legend: readonly string[]): string {
  const items = legend.map((name, k) => {
    const y = M.top + 14 + k * 18;
    const box = `<rect x="${W - M.right + 14}" y="${y - 9}" width="12" height="12" fill="${color(k)}"/>`;
    return `${box}<text x="${W - M.right + 32}" y="${y + 1}" font-size="12">${esc(name)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="22" font-size="15" font-weight="bold">${esc(title)}</text>`,
    `<text x="${M.left + (W - M.left - M.right) / 2}" y="${H - 12}" font-size="12" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(16 ${M.top + (H - M.top - M.bottom) / 2}) rotate(-90)" font-size="12" text-anchor="middle">${esc(yLabel)}</text>`,
    ...body,
    ...items,
    '</svg>',
    '',
  ].join('\n');
}

const px = (a: Axis, v: number): number =>
  M.left + (((a.log ? Math.log10(Math.max(v, 1e-300)) : v) - a.lo) / (a.hi - a.lo)) * (W - M.left - M.right);
const py = (a: Axis, v: number): number =>
  H - M.bottom - (((a.log ? Math.log10(Math.max(v, 1e-300)) : v) - a.lo) / (a.hi - a.lo)) * (H - M.top - M.bottom);

function axes(x: Axis | null, y: Axis, xCats?: readonly string[]): string[] {
  const out = [
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`,
  ];
  const yt = y.log
    ? ticks(Math.floor(y.lo), Math.ceil(y.hi), Math.ceil(y.hi) - Math.floor(y.lo)).map((e) => 10 ** e)
    : ticks(y.lo, y.hi);
  for (const t of yt) {
    const yy = Number(py(y, t).toFixed(1));
    if (yy < M.top - 1 || yy > H - M.bottom + 1) continue;
    out.push(
      `<line x1="${M.left - 4}" y1="${yy}" x2="${W - M.right}" y2="${yy}" stroke="#ddd"/><text x="${M.left - 6}" y="${yy + 4}" font-size="11" text-anchor="end">${fmt(t)}</text>`,
    );
  }
  if (x) {
    const xt = x.log
      ? ticks(Math.floor(x.lo), Math.ceil(x.hi), Math.max(1, Math.ceil(x.hi) - Math.floor(x.lo))).map((e) => 10 ** e)
      : ticks(x.lo, x.hi);
    for (const t of xt) {
      const xx = Number(px(x, t).toFixed(1));
      if (xx < M.left - 1 || xx > W - M.right + 1) continue;
      out.push(
        `<line x1="${xx}" y1="${H - M.bottom}" x2="${xx}" y2="${H - M.bottom + 4}" stroke="black"/><text x="${xx}" y="${H - M.bottom + 17}" font-size="11" text-anchor="middle">${fmt(t)}</text>`,
      );
    }
  }
  if (xCats) {
    const slot = (W - M.left - M.right) / Math.max(1, xCats.length);
    const every = Math.max(1, Math.ceil(xCats.length / 20));
    xCats.forEach((c, k) => {
      if (k % every === 0)
        out.push(
          `<text x="${M.left + slot * (k + 0.5)}" y="${H - M.bottom + 17}" font-size="11" text-anchor="middle">${esc(c)}</text>`,
        );
    });
  }
  return out;
}

/** Scatter plot, or line plot with `lines` (points joined in x order). */
export function scatterPlot(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  lines?: boolean;
  logX?: boolean;
  logY?: boolean;
}): string {
  const all = o.series.flatMap((s) => s.points);
  const x = axisOf(
    all.map((p) => p.x),
    o.logX ?? false,
  );
  const y = axisOf(
    all.map((p) => p.y),
    o.logY ?? false,
  );
  const body = axes(x, y);
  o.series.forEach((s, k) => {
    const pts = s.line ? s.points : [...s.points].sort((a, b) => a.x - b.x);
    const poly = (ps: readonly { x: number; y: number }[]): string =>
      `<polyline fill="none" stroke="${color(k)}" stroke-width="2" points="${ps.map((p) => `${px(x, p.x).toFixed(1)},${py(y, p.y).toFixed(1)}`).join(' ')}"/>`;
    // Each series in its own group, named, so a reader (or a test) finds its marks.
    body.push(`<g data-series="${esc(s.name)}">`);
    if (s.line === 'pairs') for (let i = 0; i + 1 < pts.length; i += 2) body.push(poly([pts[i]!, pts[i + 1]!]));
    else if ((s.line === 'path' || o.lines) && pts.length > 1) body.push(poly(pts));
    for (const p of pts) {
      const m = marker(s.shape ?? 'circle', px(x, p.x), py(y, p.y), color(k));
      if (m) body.push(m);
    }
    body.push('</g>');
  });
  return frame(
    o.title,
    o.xLabel,
    o.yLabel,
    body,
    o.series.map((s) => s.name),
  );
}

/** Five-number summary used by the box plot (quartiles by linear interpolation). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Box plot per group: box = quartiles, line = median, whiskers = min and max. */
export function boxPlot(o: {
  title: string;
  yLabel: string;
  groups: readonly { name: string; values: readonly number[] }[];
}): string {
  const groups = o.groups.filter((g) => g.values.length > 0);
  const y = axisOf(
    groups.flatMap((g) => g.values),
    false,
  );
  const body = axes(
    null,
    y,
    groups.map((g) => g.name),
  );
  const slot = (W - M.left - M.right) / Math.max(1, groups.length);
  groups.forEach((g, k) => {
    const v = [...g.values].sort((a, b) => a - b);
    const cx = M.left + slot * (k + 0.5);
    const w = Math.min(40, slot * 0.5);
    const [mn, q1, md, q3, mx] = [0, 0.25, 0.5, 0.75, 1].map((q) => py(y, quantile(v, q)));
    body.push(
      `<line x1="${cx}" y1="${mn}" x2="${cx}" y2="${mx}" stroke="${color(k)}"/>`,
      `<rect x="${cx - w / 2}" y="${q3}" width="${w}" height="${Math.max(1, q1! - q3!)}" fill="${color(k)}" fill-opacity="0.3" stroke="${color(k)}"/>`,
      `<line x1="${cx - w / 2}" y1="${md}" x2="${cx + w / 2}" y2="${md}" stroke="${color(k)}" stroke-width="2"/>`,
      `<line x1="${cx - w / 4}" y1="${mn}" x2="${cx + w / 4}" y2="${mn}" stroke="${color(k)}"/><line x1="${cx - w / 4}" y1="${mx}" x2="${cx + w / 4}" y2="${mx}" stroke="${color(k)}"/>`,
    );
  });
  return frame(
    o.title,
    '',
    o.yLabel,
    body,
    groups.map((g) => `${g.name} (n=${g.values.length})`),
  );
}

/** Grouped bar chart: one group per category, one bar per series. */
export function barChart(o: {
  title: string;
  xLabel: string;
  yLabel: string;
  categories: readonly string[];
  series: readonly { name: string; values: readonly number[] }[];
}): string {
  const y = axisOf([0, ...o.series.flatMap((s) => s.values)], false);
  y.lo = 0;
  const body = axes(null, y, o.categories);
  const slot = (W - M.left - M.right) / Math.max(1, o.categories.length);
  const bw = (slot * 0.8) / Math.max(1, o.series.length);
  o.series.forEach((s, k) => {
    s.values.forEach((v, c) => {
      const x0 = M.left + slot * c + slot * 0.1 + bw * k;
      const top = py(y, v);
      body.push(
        `<rect x="${x0.toFixed(1)}" y="${top.toFixed(1)}" width="${bw.toFixed(1)}" height="${(H - M.bottom - top).toFixed(1)}" fill="${color(k)}"/>`,
      );
    });
  });
  return frame(
    o.title,
    o.xLabel,
    o.yLabel,
    body,
    o.series.map((s) => s.name),
  );
}

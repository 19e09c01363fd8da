import type { Design } from '../../core/design.js';
import { openState } from './aggregate.js';
import type { NetworkFlows } from './flows.js';
import type { NetworkInstance } from './instance.js';

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (v: number): string => v.toFixed(1);

/**
 * An SVG map of a network solution: every node with coordinates (lat/lon, or x/y), coloured by
 * echelon, open candidates filled and closed ones hollow, and one line per lane with flow, its
 * width following the amount summed over products and periods. Equirectangular with longitude
 * scaled by cos(mean latitude); deterministic (fixed rounding), so committed maps diff cleanly.
 * Returns null when no node has coordinates.
 */
export function networkMapSvg(
  inst: NetworkInstance,
  design: Design,
  flows: NetworkFlows,
  title: string,
  notes: readonly string[] = [],
): string | null {
  const geo = inst.nodes.some((n) => n.lat !== undefined && n.lon !== undefined);
  const pos = inst.nodes.map((n) =>
    geo
      ? n.lat !== undefined && n.lon !== undefined
        ? { x: n.lon, y: n.lat }
        : null
      : n.x !== undefined && n.y !== undefined
        ? { x: n.x, y: n.y }
        : null,
  );
  const placed = pos.filter((p): p is { x: number; y: number } => p !== null);
  if (placed.length === 0) return null;
  const width = 960;
  const height = 640;
  const pad = { left: 30, right: 200, top: 60, bottom: 30 };
  const xs = placed.map((p) => p.x);
  const ys = placed.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const kx = geo ? Math.cos(((y0 + y1) / 2) * (Math.PI / 180)) : 1;
  const spanX = Math.max((x1 - x0) * kx, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - pad.left - pad.right) / spanX, (height - pad.top - pad.bottom) / spanY);
  const px = (p: { x: number; y: number }): [number, number] => [
    pad.left + (p.x - x0) * kx * scale,
    height - pad.bottom - (p.y - y0) * scale,
  ];
  const echelons = [...new Set(inst.nodes.map((n) => n.echelon))];
  const colour = (e: string): string => PALETTE[echelons.indexOf(e) % PALETTE.length]!;
  const lanes = new Map<string, number>();
  for (const f of flows.arcs)
    lanes.set(`${f.from}\u0000${f.to}`, (lanes.get(`${f.from}\u0000${f.to}`) ?? 0) + f.amount);
  const maxLane = Math.max(1e-12, ...lanes.values());
  const { open } = openState(inst, design);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
  ];
  out.push(
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${pad.left}" y="24" font-size="16">${esc(title)}</text>`,
  );
  notes.forEach((n, i) =>
    out.push(`<text x="${pad.left}" y="${42 + 14 * i}" font-size="11" fill="#444">${esc(n)}</text>`),
  );
  for (const [key, amount] of [...lanes].sort((a, b) => b[1] - a[1])) {
    const [from, to] = key.split('\u0000') as [string, string];
    const a = pos[inst.nodeIndex.get(from)!];
    const b = pos[inst.nodeIndex.get(to)!];
    if (!a || !b) continue;
    const [ax, ay] = px(a);
    const [bx, by] = px(b);
    const w = 0.5 + 5.5 * Math.sqrt(amount / maxLane);
    out.push(
      `<line x1="${r1(ax)}" y1="${r1(ay)}" x2="${r1(bx)}" y2="${r1(by)}" stroke="${colour(inst.nodes[inst.nodeIndex.get(from)!]!.echelon)}" stroke-opacity="0.45" stroke-width="${r1(w)}"><title>${esc(`${from} -> ${to}: ${amount.toPrecision(6)}`)}</title></line>`,
    );
  }
  inst.nodes.forEach((n, i) => {
    const p = pos[i];
    if (!p) return;
    const [x, y] = px(p);
    const c = colour(n.echelon);
    const r = n.candidate ? 6 : 3;
    const fill = !n.candidate || open[i] ? c : 'white';
    out.push(
      `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" fill="${fill}" stroke="${c}" stroke-width="1.5"><title>${esc(`${n.id} (${n.echelon}${n.candidate ? (open[i] ? ', open' : ', closed') : ''})`)}</title></circle>`,
    );
  });
  echelons.forEach((e, i) => {
    const y = pad.top + 18 * i;
    out.push(
      `<circle cx="${width - pad.right + 20}" cy="${y}" r="5" fill="${colour(e)}"/>`,
      `<text x="${width - pad.right + 32}" y="${y + 4}" font-size="12">${esc(e)}</text>`,
    );
  });
  const y = pad.top + 18 * echelons.length + 10;
  out.push(
    `<text x="${width - pad.right + 12}" y="${y}" font-size="11" fill="#444">filled: open or fixed; hollow: closed</text>`,
  );
  out.push(
    `<text x="${width - pad.right + 12}" y="${y + 14}" font-size="11" fill="#444">line width: flow (sqrt)</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

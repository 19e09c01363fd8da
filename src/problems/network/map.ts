import type { Design } from '../../core/design.js';
import { basemapSvg } from '../../io/basemap.js';
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

/** The hue (degrees) of a `#rrggbb` colour, so a flow takes the hue of its echelon's nodes. */
function hexHue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return Math.round(h * 60);
}

/** The colour of a flow: the hue of the echelon it leaves, a lighter or darker shade per product. */
function flowColour(hue: number, rank: number, count: number): string {
  const light = count <= 1 ? 42 : 30 + (36 * rank) / (count - 1);
  return `hsl(${hue}, 70%, ${light.toFixed(0)}%)`;
}

/**
 * An SVG map of a network solution: every node with coordinates (lat/lon, or x/y), coloured by
 * echelon, open candidates filled and closed ones hollow, and one line per lane and product with
 * flow, coloured by the echelon it leaves (hue) and the product (shade), its width following the
 * amount over periods relative to the product's largest lane (products have different units).
 * Lanes carrying several products draw them side by side. With lat/lon, Natural Earth coastlines
 * and country borders lie underneath (src/io/basemap.ts). Equirectangular with longitude scaled by
 * cos(mean latitude); deterministic (fixed rounding), so committed maps diff cleanly. Returns null
 * when no node has coordinates.
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
  // A margin of 6% of the span keeps the outer nodes off the frame.
  const mx = 0.06 * Math.max(Math.max(...xs) - Math.min(...xs), 1e-3);
  const my = 0.06 * Math.max(Math.max(...ys) - Math.min(...ys), 1e-3);
  const [x0, x1, y0, y1] = [Math.min(...xs) - mx, Math.max(...xs) + mx, Math.min(...ys) - my, Math.max(...ys) + my];
  const kx = geo ? Math.cos(((y0 + y1) / 2) * (Math.PI / 180)) : 1;
  const spanX = Math.max((x1 - x0) * kx, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min((width - pad.left - pad.right) / spanX, (height - pad.top - pad.bottom) / spanY);
  // Centred in the frame: the spare width or height is split evenly, so the basemap frames the nodes.
  const ox = (width - pad.left - pad.right - spanX * scale) / 2;
  const oy = (height - pad.top - pad.bottom - spanY * scale) / 2;
  const project = (x: number, y: number): [number, number] => [
    pad.left + ox + (x - x0) * kx * scale,
    height - pad.bottom - oy - (y - y0) * scale,
  ];
  const px = (p: { x: number; y: number }): [number, number] => project(p.x, p.y);
  const echelons = [...new Set(inst.nodes.map((n) => n.echelon))];
  const colour = (e: string): string => PALETTE[echelons.indexOf(e) % PALETTE.length]!;
  const hue = (e: string): number => hexHue(colour(e));
  const echelonOf = (id: string): string => inst.nodes[inst.nodeIndex.get(id)!]!.echelon;
  // Amount per lane and product (summed over periods), and the products each echelon sends.
  const lanes = new Map<string, Map<string, number>>();
  const sent = new Map<string, string[]>();
  const maxOf = new Map<string, number>();
  for (const f of flows.arcs) {
    if (f.amount <= 0) continue;
    const key = `${f.from}\u0000${f.to}`;
    const lane = lanes.get(key) ?? new Map<string, number>();
    lane.set(f.product, (lane.get(f.product) ?? 0) + f.amount);
    lanes.set(key, lane);
    const e = echelonOf(f.from);
    const list = sent.get(e) ?? [];
    if (!list.includes(f.product)) sent.set(e, [...list, f.product]);
  }
  for (const lane of lanes.values()) for (const [p, a] of lane) maxOf.set(p, Math.max(maxOf.get(p) ?? 0, a));
  const productOrder = new Map(inst.products.map((p, i) => [p.id, i]));
  for (const [e, list] of sent)
    sent.set(
      e,
      list.sort((a, b) => productOrder.get(a)! - productOrder.get(b)!),
    );
  const flowOf = (e: string, p: string): string => {
    const list = sent.get(e)!;
    return flowColour(hue(e), list.indexOf(p), list.length);
  };
  const { open } = openState(inst, design);
  const frame = { x0: pad.left, y0: pad.top, x1: width - pad.right, y1: height - pad.bottom };
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
  if (geo) {
    const invert = (x: number, y: number): [number, number] => [
      x0 + (x - pad.left - ox) / (kx * scale),
      y0 + (height - pad.bottom - oy - y) / scale,
    ];
    out.push(...basemapSvg({ ...frame, project }, invert));
  }
  out.push(
    `<rect x="${frame.x0}" y="${frame.y0}" width="${frame.x1 - frame.x0}" height="${frame.y1 - frame.y0}" fill="none" stroke="#ccc"/>`,
  );
  // Widest lanes first, so thin ones stay visible on top.
  const drawn: { w: number; svg: string }[] = [];
  for (const [key, lane] of lanes) {
    const [from, to] = key.split('\u0000') as [string, string];
    const a = pos[inst.nodeIndex.get(from)!];
    const b = pos[inst.nodeIndex.get(to)!];
    if (!a || !b) continue;
    const [ax, ay] = px(a);
    const [bx, by] = px(b);
    const len = Math.hypot(bx - ax, by - ay) || 1;
    const [nx, ny] = [-(by - ay) / len, (bx - ax) / len];
    const products = [...lane].sort((p, q) => productOrder.get(p[0])! - productOrder.get(q[0])!);
    products.forEach(([product, amount], k) => {
      const w = 0.5 + 5.5 * Math.sqrt(amount / maxOf.get(product)!);
      const off = (k - (products.length - 1) / 2) * 2.5;
      drawn.push({
        w,
        svg: `<line x1="${r1(ax + nx * off)}" y1="${r1(ay + ny * off)}" x2="${r1(bx + nx * off)}" y2="${r1(by + ny * off)}" stroke="${flowOf(echelonOf(from), product)}" stroke-opacity="0.6" stroke-width="${r1(w)}"><title>${esc(`${from} -> ${to}, ${product}: ${amount.toPrecision(6)}`)}</title></line>`,
      });
    });
  }
  out.push(...drawn.sort((p, q) => q.w - p.w).map((d) => d.svg));
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
  let y = pad.top + 18 * echelons.length + 10;
  out.push(
    `<text x="${width - pad.right + 12}" y="${y}" font-size="11" fill="#444">filled: open/fixed, hollow: closed</text>`,
    `<text x="${width - pad.right + 12}" y="${y + 14}" font-size="11" fill="#444">width ~ sqrt(flow), per product</text>`,
  );
  y += 34;
  for (const e of echelons.filter((x) => sent.has(x))) {
    out.push(`<text x="${width - pad.right + 12}" y="${y}" font-size="11" fill="#222">from ${esc(e)}</text>`);
    y += 14;
    for (const p of sent.get(e)!) {
      if (y > height - 10) break;
      out.push(
        `<rect x="${width - pad.right + 16}" y="${y - 7}" width="16" height="4" fill="${flowOf(e, p)}"/>`,
        `<text x="${width - pad.right + 38}" y="${y - 2}" font-size="10" fill="#444">${esc(p)}</text>`,
      );
      y += 12;
    }
    y += 4;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/**
 * A map-like SVG of a facility-location solution: demand regions and candidate sites placed by
 * longitude/latitude over Natural Earth coastlines and borders, open sites highlighted, one line
 * per assignment. Deterministic (fixed rounding), so a committed map diffs cleanly.
 */
import { basemapSvg } from '../io/basemap.js';

/** A point on the map, in degrees. */
export interface MapPoint {
  readonly id: string;
  readonly lon: number;
  readonly lat: number;
}

/** A demand region (drawn as a circle whose area follows its demand). */
export interface MapRegion extends MapPoint {
  readonly demand: number;
}

/** A candidate site; `load` is what it serves when open. */
export interface MapSite extends MapPoint {
  readonly open: boolean;
  readonly load?: number;
  readonly capacity?: number;
}

/** Region `region` sends `fraction` of its demand to site `site` (indices into the arrays). */
export interface MapLink {
  readonly region: number;
  readonly site: number;
  readonly fraction: number;
}

/** Everything the map shows. */
export interface MapInput {
  readonly title: string;
  /** Extra lines under the title (cost, counts). */
  readonly notes?: readonly string[];
  readonly regions: readonly MapRegion[];
  readonly sites: readonly MapSite[];
  readonly links: readonly MapLink[];
  /** Width in pixels (default 960). */
  readonly width?: number;
  /** Draw Natural Earth land and coastlines underneath (default true; off for planar x/y data). */
  readonly basemap?: boolean;
}

const KM_PER_DEG = 111.32;
const PAD = { left: 30, right: 240, top: 70, bottom: 40 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r1 = (v: number): string => v.toFixed(1);

/** A "nice" scale-bar length in km, about a fifth of the map width. */
function scaleKm(widthKm: number): number {
  const raw = widthKm / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return (
    [1, 2, 5, 10]
      .map((k) => k * mag)
      .filter((s) => s <= raw)
      .pop() ?? mag
  );
}

/**
 * Renders the map. Equirectangular projection with longitude scaled by cos(mean latitude), so
 * distances look right at the scale of a province; north is up.
 */
export function mapSvg(input: MapInput): string {
  const all: MapPoint[] = [...input.regions, ...input.sites];
  if (all.length === 0) throw new Error('map: nothing to draw (no regions or sites with coordinates)');
  const lons = all.map((p) => p.lon);
  const lats = all.map((p) => p.lat);
  const pad = 0.05;
  let lo = { lon: Math.min(...lons), lat: Math.min(...lats) };
  let hi = { lon: Math.max(...lons), lat: Math.max(...lats) };
  const spanLon = Math.max(hi.lon - lo.lon, 1e-3);
  const spanLat = Math.max(hi.lat - lo.lat, 1e-3);
  lo = { lon: lo.lon - pad * spanLon, lat: lo.lat - pad * spanLat };
  hi = { lon: hi.lon + pad * spanLon, lat: hi.lat + pad * spanLat };
  const kx = Math.cos((((lo.lat + hi.lat) / 2) * Math.PI) / 180);
  const W = input.width ?? 960;
  const plotW = W - PAD.left - PAD.right;
  const scale = plotW / ((hi.lon - lo.lon) * kx);
  const plotH = (hi.lat - lo.lat) * scale;
  const H = Math.ceil(PAD.top + plotH + PAD.bottom);
  const X = (lon: number): number => PAD.left + (lon - lo.lon) * kx * scale;
  const Y = (lat: number): number => PAD.top + (hi.lat - lat) * scale;

  const maxDemand = Math.max(1, ...input.regions.map((r) => r.demand));
  const radius = (d: number): number => 3 + 14 * Math.sqrt(d / maxDemand);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${PAD.left}" y="24" font-size="16" font-weight="bold">${esc(input.title)}</text>`,
    ...(input.notes ?? []).map((n, k) => `<text x="${PAD.left}" y="${44 + 16 * k}" font-size="12">${esc(n)}</text>`),
  ];
  const geographic = lo.lat >= -90 && hi.lat <= 90 && lo.lon >= -180 && hi.lon <= 180;
  if (input.basemap !== false && geographic)
    out.push(
      ...basemapSvg(
        {
          x0: PAD.left,
          y0: PAD.top,
          x1: PAD.left + plotW,
          y1: PAD.top + plotH,
          project: (lon, lat) => [X(lon), Y(lat)],
        },
        (x, y) => [lo.lon + (x - PAD.left) / (kx * scale), hi.lat - (y - PAD.top) / scale],
      ),
    );
  else out.push(`<rect x="${PAD.left}" y="${PAD.top}" width="${r1(plotW)}" height="${r1(plotH)}" fill="#f7f9fb"/>`);
  out.push(
    `<rect x="${PAD.left}" y="${PAD.top}" width="${r1(plotW)}" height="${r1(plotH)}" fill="none" stroke="#ccc"/>`,
  );
  // Graticule every 0.5 degree, labelled on the frame.
  for (let g = Math.ceil(lo.lon * 2) / 2; g <= hi.lon; g += 0.5) {
    out.push(
      `<line x1="${r1(X(g))}" y1="${PAD.top}" x2="${r1(X(g))}" y2="${r1(PAD.top + plotH)}" stroke="#e3e7ec"/><text x="${r1(X(g))}" y="${r1(PAD.top + plotH + 14)}" font-size="10" text-anchor="middle" fill="#789">${g.toFixed(1)}°E</text>`,
    );
  }
  for (let g = Math.ceil(lo.lat * 2) / 2; g <= hi.lat; g += 0.5) {
    out.push(
      `<line x1="${PAD.left}" y1="${r1(Y(g))}" x2="${r1(PAD.left + plotW)}" y2="${r1(Y(g))}" stroke="#e3e7ec"/><text x="${r1(PAD.left + plotW + 4)}" y="${r1(Y(g) + 3)}" font-size="10" fill="#789">${Math.abs(g).toFixed(1)}°${g < 0 ? 'S' : 'N'}</text>`,
    );
  }
  // Assignment lines first, so the markers sit on top.
  for (const l of input.links) {
    const r = input.regions[l.region]!;
    const s = input.sites[l.site]!;
    out.push(
      `<line x1="${r1(X(r.lon))}" y1="${r1(Y(r.lat))}" x2="${r1(X(s.lon))}" y2="${r1(Y(s.lat))}" stroke="#d62728" stroke-opacity="0.7" stroke-width="${r1(0.8 + 2.2 * l.fraction)}"${l.fraction < 0.999 ? ' stroke-dasharray="4 2"' : ''}/>`,
    );
  }
  for (const r of input.regions) {
    out.push(
      `<circle cx="${r1(X(r.lon))}" cy="${r1(Y(r.lat))}" r="${r1(radius(r.demand))}" fill="#1f77b4" fill-opacity="0.25" stroke="#1f77b4"><title>${esc(`${r.id}: demand ${r.demand}`)}</title></circle>`,
    );
  }
  for (const s of input.sites.filter((x) => !x.open)) {
    out.push(
      `<circle cx="${r1(X(s.lon))}" cy="${r1(Y(s.lat))}" r="2" fill="#999"><title>${esc(`${s.id} (closed)`)}</title></circle>`,
    );
  }
  for (const s of input.sites.filter((x) => x.open)) {
    const tip = `${s.id}: open${s.load !== undefined ? `, load ${Math.round(s.load)}` : ''}${s.capacity !== undefined ? ` of ${s.capacity}` : ''}`;
    out.push(
      `<rect x="${r1(X(s.lon) - 4)}" y="${r1(Y(s.lat) - 4)}" width="8" height="8" fill="#d62728" stroke="black" stroke-width="0.6"><title>${esc(tip)}</title></rect>`,
    );
  }
  for (const r of input.regions) {
    out.push(
      `<text x="${r1(X(r.lon) + radius(r.demand) + 2)}" y="${r1(Y(r.lat) - 2)}" font-size="10" fill="#123">${esc(r.id)}</text>`,
    );
  }
  // Legend and scale bar in the right margin.
  const lx = W - PAD.right + 60;
  const ly = PAD.top + 10;
  const open = input.sites.filter((s) => s.open).length;
  out.push(
    `<circle cx="${lx}" cy="${ly}" r="8" fill="#1f77b4" fill-opacity="0.25" stroke="#1f77b4"/><text x="${lx + 14}" y="${ly + 4}" font-size="12">region (area ~ demand)</text>`,
    `<rect x="${lx - 4}" y="${ly + 20}" width="8" height="8" fill="#d62728" stroke="black" stroke-width="0.6"/><text x="${lx + 14}" y="${ly + 28}" font-size="12">open point (${open})</text>`,
    `<circle cx="${lx}" cy="${ly + 48}" r="2" fill="#999"/><text x="${lx + 14}" y="${ly + 52}" font-size="12">closed candidate (${input.sites.length - open})</text>`,
    `<line x1="${lx - 8}" y1="${ly + 72}" x2="${lx + 8}" y2="${ly + 72}" stroke="#d62728" stroke-width="3"/><text x="${lx + 14}" y="${ly + 76}" font-size="12">assignment</text>`,
  );
  const km = scaleKm((plotW / scale) * KM_PER_DEG);
  const barPx = (km / KM_PER_DEG) * scale;
  const by = ly + 104;
  out.push(
    `<line x1="${lx - 8}" y1="${by}" x2="${r1(lx - 8 + barPx)}" y2="${by}" stroke="black" stroke-width="2"/><text x="${lx - 8}" y="${by + 16}" font-size="12">${km} km</text>`,
  );
  out.push('</svg>', '');
  return out.join('\n');
}

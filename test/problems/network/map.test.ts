import { readFileSync } from 'node:fs';
import { geoContains } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { basemapGeometry } from '../../../src/io/basemap.js';
import { networkMapSvg } from '../../../src/problems/network/map.js';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { CONTRACT } from './fixtures.js';

describe('network map', () => {
  it('draws every placed node, closed candidates hollow, one line per lane with flow', async () => {
    const doc = structuredClone(CONTRACT) as typeof CONTRACT & { nodes: Record<string, unknown>[] };
    const coords = [
      [-6.2, 106.8],
      [-6.3, 106.9],
      [-6.1, 107.0],
    ];
    doc.nodes.forEach((n, i) => Object.assign(n, { lat: coords[i]![0], lon: coords[i]![1] }));
    doc.nodes.push({ id: 'D2', echelon: 'depot', fixedCost: 99999, capacity: 50, lat: -6.25, lon: 106.7 });
    doc.arcs.push({ from: 'P1', to: 'D2', unitCost: 1 }, { from: 'D2', to: 'C1', unitCost: 1 });
    const inst = networkFromData(doc, 'demo.json');
    const res = await solve(networkProblem(inst), { handle: await testHandle() });
    expect(res.open).toEqual(['P1', 'D1']);
    const svg = networkMapSvg(inst, Uint8Array.from(res.design), res.flows as NetworkFlows, 'demo')!;
    expect(svg.match(/<circle [^>]*><title>/g)).toHaveLength(4);
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg).toMatch(/fill="white"[^>]*><title>D2 \(depot, closed\)/);
    expect(svg).toContain('<title>P1 -&gt; D1, u: 11.0000</title>');
  });
  it('returns null without coordinates', () => {
    const inst = networkFromData(CONTRACT, 'demo.json');
    expect(
      networkMapSvg(inst, new Uint8Array(2), { arcs: [], stock: [], processed: [], supplied: [], delivered: [] }, 't'),
    ).toBeNull();
  });
  it('draws Natural Earth land and coastline under the Jakarta map, with Java on land and the Java Sea not', async () => {
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const inst = networkFromText(readFileSync(file, 'utf8'), file);
    // The basemap depends on where the nodes are, not on the solution: no flows needed.
    const none: NetworkFlows = { arcs: [], stock: [], processed: [], supplied: [], delivered: [] };
    const svg = networkMapSvg(inst, new Uint8Array(inst.bits.length), none, 'jakarta')!;
    const view = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    const land = [...svg.matchAll(/<path class="land" d="([^"]+)"[^>]*><title>([^<]*)<\/title>/g)];
    expect(land.map((m) => m[2])).toEqual(['Indonesia']);
    expect(svg).toMatch(/<path class="coast" d="M/);
    const rings = land[0]![1]!
      .split('Z')
      .filter((r) => r.length > 0)
      .map(ringOf);
    const pts = rings.flat();
    expect(pts.length).toBeGreaterThan(20);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(view[0]);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(view[1]);
    }
    // A dealer in the middle of the city (land) and the nodes' own points, placed by the map's circles.
    const at = (id: string): [number, number] => {
      const m = new RegExp(`<circle cx="([\\d.]+)" cy="([\\d.]+)"[^>]*><title>${id} `).exec(svg)!;
      return [Number(m[1]), Number(m[2])];
    };
    const inside = (p: [number, number]): boolean => rings.filter((r) => inRing(p, r)).length % 2 === 1;
    for (const n of inst.nodes.slice(0, 40)) expect(inside(at(n.id)), n.id).toBe(true);
    // The sea north of the bay: the top-left corner of the frame (106.5 E, -5.9 S is open water).
    const geo = basemapGeometry({ lon0: 106, lon1: 108, lat0: -7, lat1: -5.5 });
    const indonesia = geo.countries.find((f) => f.properties.name === 'Indonesia')!;
    expect(geoContains(indonesia, [106.85, -6.25])).toBe(true); // central Jakarta
    expect(geoContains(indonesia, [107.6, -6.9])).toBe(true); // Bandung
    expect(geoContains(indonesia, [106.9, -5.9])).toBe(false); // Java Sea, off Jakarta Bay
    expect(geoContains(indonesia, [106.85, -6.06])).toBe(false); // Jakarta Bay
    // The map's own projection, recovered from two nodes' circles: the Java Sea off Jakarta Bay is not land.
    const [a, b] = [inst.nodes[0]!, inst.nodes.find((n) => n.echelon === 'WDC')!];
    const [pa, pb] = [at(a.id), at(b.id)];
    const toPx = (lon: number, lat: number): [number, number] => [
      pa[0] + ((lon - a.lon!) * (pb[0] - pa[0])) / (b.lon! - a.lon!),
      pa[1] + ((lat - a.lat!) * (pb[1] - pa[1])) / (b.lat! - a.lat!),
    ];
    const sea = toPx(106.85, -6.06);
    expect(sea[1]).toBeGreaterThan(60); // inside the frame (its top is y = 60)
    expect(inside(sea)).toBe(false);
    expect(inside(toPx(106.85, -6.25))).toBe(true);
  });
});

/** The points of one SVG path ring (M/L commands with absolute coordinates, as d3-geo writes them). */
function ringOf(d: string): [number, number][] {
  return [...d.matchAll(/[ML]?(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Even-odd point in polygon. */
function inRing([x, y]: [number, number], ring: readonly [number, number][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

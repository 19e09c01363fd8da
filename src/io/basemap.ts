import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoClipRectangle, geoPath, geoTransform, type GeoStream } from 'd3-geo';
import type { Feature, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Basemaps from Natural Earth (public domain), as the `world-atlas` package ships them (TopoJSON,
 * inside the package: no download at run time). Countries only: Natural Earth's province outlines
 * (admin-1) are in no openly licensed npm package, so first-level borders are not drawn.
 */

/** A longitude/latitude box, in degrees. */
export interface GeoBox {
  readonly lon0: number;
  readonly lon1: number;
  readonly lat0: number;
  readonly lat1: number;
}

/** Natural Earth scales world-atlas ships: 1:10m, 1:50m, 1:110m. */
export type AtlasScale = '10m' | '50m' | '110m';

/** The countries of the map: land polygons and the lines between them, in lon/lat. */
export interface BasemapGeometry {
  readonly scale: AtlasScale;
  /** Countries whose bounds meet the box (with their Natural Earth name). */
  readonly countries: readonly Feature<Polygon | MultiPolygon, { name?: string }>[];
  /** Coastlines: country edges that border no other country. */
  readonly coast: MultiLineString;
  /** Land borders between two countries. */
  readonly borders: MultiLineString;
}

const require = createRequire(import.meta.url);
const topologies = new Map<AtlasScale, Topology<{ countries: GeometryCollection<{ name?: string }> }>>();

function topology(scale: AtlasScale): Topology<{ countries: GeometryCollection<{ name?: string }> }> {
  let t = topologies.get(scale);
  if (!t) {
    t = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology<{
      countries: GeometryCollection<{ name?: string }>;
    }>;
    topologies.set(scale, t);
  }
  return t;
}

/** The finest scale worth its size for a box: 1:10m up to 25 degrees across, 1:50m up to 90. */
export function atlasScaleFor(box: GeoBox): AtlasScale {
  const span = Math.max(box.lon1 - box.lon0, box.lat1 - box.lat0);
  return span <= 25 ? '10m' : span <= 90 ? '50m' : '110m';
}

const meets = (a: GeoBox, [[x0, y0], [x1, y1]]: [[number, number], [number, number]]): boolean =>
  // A feature across the antimeridian has x0 > x1: keep it rather than reason about the wrap.
  x0 > x1 || (x0 <= a.lon1 && x1 >= a.lon0 && y0 <= a.lat1 && y1 >= a.lat0);

/** The Natural Earth countries, coastlines and borders around a box (read once per scale and cached). */
export function basemapGeometry(box: GeoBox, scale: AtlasScale = atlasScaleFor(box)): BasemapGeometry {
  const topo = topology(scale);
  const all = feature(topo, topo.objects.countries).features as Feature<Polygon | MultiPolygon, { name?: string }>[];
  return {
    scale,
    countries: all.filter((f) => meets(box, geoBounds(f))),
    coast: mesh(topo, topo.objects.countries, (a, b) => a === b),
    borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
  };
}

/** Where the basemap goes: the pixel frame it is clipped to, and the map's projection of lon/lat. */
export interface BasemapFrame {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly project: (lon: number, lat: number) => readonly [number, number];
}

const r1 = (v: number): string => v.toFixed(1);
const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The box of lon/lat a frame shows, from its projection (linear maps only: corners suffice). */
function frameBox(frame: BasemapFrame, invert: (x: number, y: number) => readonly [number, number]): GeoBox {
  const corners = [invert(frame.x0, frame.y0), invert(frame.x1, frame.y1)];
  return {
    lon0: Math.min(corners[0]![0], corners[1]![0]),
    lon1: Math.max(corners[0]![0], corners[1]![0]),
    lat0: Math.min(corners[0]![1], corners[1]![1]),
    lat1: Math.max(corners[0]![1], corners[1]![1]),
  };
}

/**
 * SVG elements of the basemap for a frame: sea, one land path per country (class "land", its name
 * as title), coastlines (class "coast") and borders (class "border"), projected by the map's own
 * function and clipped to the frame, coordinates rounded to 0.1 px so committed maps diff cleanly.
 * `invert` is the projection's inverse (pixels to lon/lat), used to pick the countries in view.
 */
export function basemapSvg(frame: BasemapFrame, invert: (x: number, y: number) => readonly [number, number]): string[] {
  const geo = basemapGeometry(frameBox(frame, invert));
  const project = frame.project;
  const transform = geoTransform({
    point(this: { stream: GeoStream }, lon: number, lat: number) {
      const [x, y] = project(lon, lat);
      this.stream.point(x, y);
    },
  });
  const clip = geoClipRectangle(frame.x0, frame.y0, frame.x1, frame.y1);
  const path = geoPath({ stream: (out: GeoStream) => transform.stream(clip(out)) }).digits(1);
  const out = [
    `<rect class="sea" x="${r1(frame.x0)}" y="${r1(frame.y0)}" width="${r1(frame.x1 - frame.x0)}" height="${r1(frame.y1 - frame.y0)}" fill="#e8f1f8"/>`,
  ];
  for (const f of geo.countries) {
    const d = path(f);
    if (d)
      out.push(
        `<path class="land" d="${d}" fill="#f4f1ea" stroke="none"><title>${esc(f.properties.name ?? '')}</title></path>`,
      );
  }
  const coast = path(geo.coast);
  if (coast) out.push(`<path class="coast" d="${coast}" fill="none" stroke="#8aa3b8" stroke-width="0.8"/>`);
  const borders = path(geo.borders);
  if (borders)
    out.push(
      `<path class="border" d="${borders}" fill="none" stroke="#a99" stroke-width="0.8" stroke-dasharray="3 2"/>`,
    );
  out.push(
    `<text x="${r1(frame.x1 - 4)}" y="${r1(frame.y1 - 4)}" font-size="9" fill="#789" text-anchor="end">Natural Earth 1:${geo.scale}</text>`,
  );
  return out;
}

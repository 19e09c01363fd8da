import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mapSvg, type MapInput } from '../../../src/report/map-svg.js';
import { ROOT } from '../../helpers/fixtures.js';

const run = promisify(execFile);

/** Two regions and three candidates, one of them closed; R2 is split between A and B. */
const SMALL: MapInput = {
  title: 'small <test>',
  notes: ['cost 42'],
  regions: [
    { id: 'R1', lon: 107.0, lat: -6.5, demand: 100 },
    { id: 'R2', lon: 108.0, lat: -7.0, demand: 25 },
  ],
  sites: [
    { id: 'A', lon: 107.1, lat: -6.6, open: true, load: 112.5, capacity: 200 },
    { id: 'B', lon: 107.9, lat: -7.1, open: true, load: 12.5, capacity: 50 },
    { id: 'C', lon: 107.5, lat: -6.9, open: false, load: 0, capacity: 50 },
  ],
  links: [
    { region: 0, site: 0, fraction: 1 },
    { region: 1, site: 0, fraction: 0.5 },
    { region: 1, site: 1, fraction: 0.5 },
  ],
};

const attr = (el: string, name: string): number => Number(new RegExp(`${name}="([-\\d.]+)"`).exec(el)![1]);

describe('mapSvg', () => {
  const svg = mapSvg(SMALL);
  const circles = svg.match(/<circle [^>]*><title>[^<]*<\/title><\/circle>/g) ?? [];
  const regionCircles = circles.filter((c) => c.includes('demand'));
  const openRects = svg.match(/<rect [^>]*><title>[^<]*open[^<]*<\/title><\/rect>/g) ?? [];
  const links = svg.match(/<line [^>]*stroke="#d62728" stroke-opacity[^>]*\/>/g) ?? [];

  it('draws one circle per region, one square per open point, one line per assignment', () => {
    expect(regionCircles).toHaveLength(2);
    expect(openRects).toHaveLength(2);
    expect(circles.filter((c) => c.includes('(closed)'))).toHaveLength(1);
    expect(links).toHaveLength(3);
    expect(links.filter((l) => l.includes('stroke-dasharray'))).toHaveLength(2);
  });

  it('places points by coordinates: east is right, south is down, larger demand is larger', () => {
    const [r1, r2] = regionCircles;
    expect(attr(r2!, 'cx')).toBeGreaterThan(attr(r1!, 'cx'));
    expect(attr(r2!, 'cy')).toBeGreaterThan(attr(r1!, 'cy'));
    expect(attr(r1!, 'r')).toBeGreaterThan(attr(r2!, 'r'));
    // An assignment line runs from its region to its site.
    const first = links[0]!;
    expect(attr(first, 'x1')).toBe(attr(r1!, 'cx'));
    expect(attr(first, 'x2')).toBeCloseTo(attr(openRects[0]!, 'x') + 4, 1);
  });

  it('is well-formed, escapes text, and is the same string every time', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('small &lt;test&gt;');
    expect(svg).not.toContain('NaN');
    expect(mapSvg(SMALL)).toBe(svg);
  });

  it('refuses an empty map', () => {
    expect(() => mapSvg({ title: 'x', regions: [], sites: [], links: [] })).toThrow(/nothing to draw/);
  });
});

describe('rlnd map (built CLI)', () => {
  it('solves a verification instance and writes its map', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rlnd-map-')), 'v2.svg');
    const { stdout } = await run(
      'node',
      [
        `${ROOT}bin/rlnd.js`,
        'map',
        `${ROOT}instances/west-java/verification/v2-capacity.json`,
        '--out',
        out,
        '--variant',
        'cflp',
      ],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/2 points open, total cost 240\.00 \(optimal, milp\)/);
    const svg = readFileSync(out, 'utf8');
    // R1 -> A whole, R2 split between A and B: three assignment lines.
    expect(svg.match(/stroke-opacity="0.7"/g)).toHaveLength(3);
  });

  it('rejects a problem kind it cannot draw, naming the file and field', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'rlnd-map-')), 'x.svg');
    const err = await run(
      'node',
      [`${ROOT}bin/rlnd.js`, 'map', `${ROOT}instances/jakarta-rln/jakarta.json`, '--out', out],
      { cwd: ROOT },
    ).catch((e: { stderr: string; code: number }) => e);
    expect((err as { code: number }).code).not.toBe(0);
    expect((err as { stderr: string }).stderr).toMatch(/jakarta\.json.*problem.*facility-location/s);
    expect(existsSync(out)).toBe(false);
  });
});

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HighsHandle } from '../../src/exact/highs-handle.js';
import { paretoFront, type ParetoFront } from '../../src/pareto/epsilon-constraint.js';
import { kneeIndex } from '../../src/pareto/knee.js';
import { localScalarRunner } from '../../src/pareto/scalar.js';
import { networkFromData } from '../../src/problems/network/reader.js';
import { writeFrontPlot } from '../../src/report/front-plot-file.js';
import { FRONT_SERIES } from '../../src/report/front-plots.js';
import { writeReport } from '../../src/report/write-report.js';

/**
 * The lanes network (test/pareto/pareto-cli.test.ts): min cost (12, 50) all dirty, min emissions
 * (33, 10) all clean, and with both depots open cost = 40 - e/2 for 14 < e < 50: a non-supported
 * segment. Carbon tax 0.1, below the one breakpoint 0.525: the nominal design is the least-cost one.
 */
const LANES = {
  problem: 'network',
  name: 'lanes',
  products: ['u'],
  carbonTax: 0.1,
  nodes: [
    { id: 'S', echelon: 'source', supply: { u: 'unlimited' } },
    { id: 'Dirty', echelon: 'depot', fixedCost: 2 },
    { id: 'Clean', echelon: 'depot', fixedCost: 3 },
    { id: 'C', echelon: 'customer', demand: { u: 10 } },
  ],
  arcs: [
    { from: 'S', to: 'Dirty', unitCost: 1, emission: 5 },
    { from: 'S', to: 'Clean', unitCost: 3, emission: 1 },
    { from: 'Dirty', to: 'C', unitCost: 0 },
    { from: 'Clean', to: 'C', unitCost: 0 },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'rlnd-pareto-report-'));
let front: ParetoFront;

/** The marks of one series in an SVG plot (its group's circles, squares and polygons). */
function marks(svg: string, series: string): { circles: number; squares: number; polygons: number; lines: number } {
  const m = svg.match(new RegExp(`<g data-series="${series.replace(/[()]/g, '\\$&')}[^"]*">([\\s\\S]*?)</g>`));
  if (!m) throw new Error(`no series ${series}`);
  const count = (re: RegExp): number => (m[1]!.match(re) ?? []).length;
  return {
    circles: count(/<circle/g),
    squares: count(/<rect/g),
    polygons: count(/<polygon/g),
    lines: count(/<polyline/g),
  };
}

beforeAll(async () => {
  const inst = networkFromData(LANES, 'lanes.json');
  front = await paretoFront(inst, localScalarRunner(inst, await HighsHandle.load()), {
    method: 'milp',
    seed: 1,
    resolution: 0.1,
  });
  const rec = {
    ...front,
    instance: 'lanes',
    network: 'lanes',
    experiment: 'fronts',
    key: 'k1',
    block: 'exact',
    seed: 1,
    host: 'h',
    finishedAt: 'now',
  };
  writeFileSync(join(dir, 'pareto.jsonl'), `${JSON.stringify(rec)}\n`);
}, 60_000);

describe('pareto report', () => {
  it('the knee is the point least in normalised cost + emissions', () => {
    expect(
      kneeIndex([
        { cost: 0, emissions: 10 },
        { cost: 2, emissions: 2 },
        { cost: 10, emissions: 0 },
      ]),
    ).toBe(1);
    expect(
      kneeIndex([
        { cost: 0, emissions: 10 },
        { cost: 9, emissions: 2 },
        { cost: 10, emissions: 0 },
      ]),
    ).toBe(0);
    expect(kneeIndex([{ cost: 5, emissions: 5 }])).toBe(0);
    expect(kneeIndex([])).toBeNull();
  });

  it('writes the front and carbon-price plots with the marked points, and the CSV tables', async () => {
    const supported = front.points.filter((p) => p.supported).length;
    const others = front.points.length - supported;
    expect(supported).toBe(2);
    expect(others).toBeGreaterThan(0);
    const s = await writeReport(dir, join(dir, 'report'), { html: true });
    const svgFile = join(dir, 'report', 'pareto-front-exact-lanes-s1.svg');
    expect(s.files).toContain('pareto-front-exact-lanes-s1.svg');
    expect(s.files).toContain('pareto-carbon-price-exact-lanes-s1.svg');
    const svg = readFileSync(svgFile, 'utf8');
    expect(marks(svg, FRONT_SERIES.supported).circles).toBe(supported);
    expect(marks(svg, FRONT_SERIES.nonSupported).squares).toBe(others);
    expect(marks(svg, FRONT_SERIES.knee).polygons).toBe(1);
    expect(marks(svg, FRONT_SERIES.nominal).polygons).toBe(1);
    expect(svg).toContain('nominal design (tax 0.1)');
    const price = readFileSync(join(dir, 'report', 'pareto-carbon-price-exact-lanes-s1.svg'), 'utf8');
    expect(marks(price, 'breakpoints').polygons).toBe(1);
    const points = readFileSync(join(dir, 'report', 'pareto-points.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(points[0]).toMatch(/^block,instance,seed,point,cost,emissionsKgCO2,supported,knee,nominal/);
    expect(points).toHaveLength(front.points.length + 1);
    // The nominal design at tax 0.1 is the least-cost point (12, 50): the first row.
    expect(points[1]).toMatch(/^exact,lanes,1,1,12,50,1,[01],1,/);
    expect(points.filter((l) => /^exact,lanes,1,\d+,[^,]+,[^,]+,[01],1,/.test(l))).toHaveLength(1);
    const price2 = readFileSync(join(dir, 'report', 'pareto-carbon-price.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(price2).toHaveLength(3);
    expect(price2[1]).toMatch(/^exact,lanes,1,1,0,0.525,12,50,0,1,/);
    const md = readFileSync(join(dir, 'report', 'report.md'), 'utf8');
    expect(md).toContain('![Cost / emission front: exact / lanes / seed 1](pareto-front-exact-lanes-s1.svg)');
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
    expect(html).toContain('Cost / emission front: exact / lanes / seed 1');
  });

  it('rlnd pareto --plot: an .svg file and its carbon-price plot, or one .html page', async () => {
    const files = await writeFrontPlot(join(dir, 'front.svg'), front);
    expect(files).toEqual([join(dir, 'front.svg'), join(dir, 'front-carbon-price.svg')]);
    expect(marks(readFileSync(files[0]!, 'utf8'), FRONT_SERIES.knee).polygons).toBe(1);
    await writeFrontPlot(join(dir, 'front.html'), front);
    expect(existsSync(join(dir, 'front.html'))).toBe(true);
    expect(readFileSync(join(dir, 'front.html'), 'utf8')).toContain('"layer"');
  });
});

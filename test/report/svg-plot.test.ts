import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChart, boxPlot, esc, quantile, scatterPlot, ticks } from '../../src/report/svg-plot.js';

/** Every opened element is closed (a cheap well-formedness check without an XML parser). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0;
}

describe('svg plots', () => {
  it('ticks are round, increasing and inside the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (lo, span) => {
          const t = ticks(lo, lo + span);
          expect(t.length).toBeGreaterThan(0);
          for (let k = 1; k < t.length; k++) expect(t[k]!).toBeGreaterThan(t[k - 1]!);
          // Inside the range up to float resolution at the range's magnitude (1e6 with a span of 1e-3: ulps matter).
          const eps = span * 1e-9 + Math.abs(lo) * 1e-14;
          for (const v of t) {
            expect(v).toBeGreaterThanOrEqual(lo - eps);
            expect(v).toBeLessThanOrEqual(lo + span + eps);
          }
        },
      ),
    );
  });

  it('quantiles interpolate between order statistics', () => {
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });

  it('draws well-formed SVG with escaped labels, one mark per point, box and bar', () => {
    const s = scatterPlot({
      title: 'a < b & c',
      xLabel: 'x',
      yLabel: 'y',
      series: [
        {
          name: 'm1',
          points: [
            { x: 1, y: 2 },
            { x: 2, y: 3 },
          ],
        },
        { name: 'm2', points: [{ x: 1, y: 1 }] },
      ],
      lines: true,
    });
    expect(s).toContain(esc('a < b & c'));
    expect(s.match(/<circle/g)).toHaveLength(3);
    expect(s.match(/<polyline/g)).toHaveLength(1);
    const b = boxPlot({
      title: 'box',
      yLabel: 'gap',
      groups: [
        { name: 'ga', values: [0, 1, 2, 3] },
        { name: 'empty', values: [] },
      ],
    });
    expect(b).toContain('ga (n=4)');
    expect(b).not.toContain('empty');
    const bars = barChart({
      title: 'bars',
      xLabel: 'site',
      yLabel: 'share',
      categories: ['1', '2', '3'],
      series: [{ name: 'milp', values: [1, 0.5, 0] }],
    });
    expect(bars.match(/<rect x="[^"]+" y="[^"]+" width/g)).toHaveLength(3 + 1);
    for (const svg of [s, b, bars]) expect(balanced(svg)).toBe(true);
  });

  it('copes with a single point and constant values', () => {
    expect(
      balanced(
        scatterPlot({
          title: 't',
          xLabel: 'x',
          yLabel: 'y',
          series: [{ name: 'a', points: [{ x: 5, y: 5 }] }],
          logX: true,
        }),
      ),
    ).toBe(true);
    expect(balanced(boxPlot({ title: 't', yLabel: 'y', groups: [{ name: 'a', values: [0, 0, 0] }] }))).toBe(true);
  });
});

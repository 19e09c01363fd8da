import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDealerPoints } from '../../../src/studies/jakarta/dealer-points.js';
import { elbowK, kmeans, silhouette } from '../../../src/studies/jakarta/kmeans.js';

/** Three tight blobs of 4 points, far apart: every sane K-means finds them. */
const BLOBS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
  [10, 10],
  [10, 11],
  [11, 10],
  [11, 11],
  [0, 20],
  [0, 21],
  [1, 20],
  [1, 21],
];

describe('K-means (k-means++, seeded)', () => {
  it('recovers three separated blobs with WCSS 3 x 4 x 0.5 = 6', () => {
    const res = kmeans(BLOBS, 3, { seed: 1 });
    expect(res.wcss).toBeCloseTo(6, 12);
    const groups = [0, 4, 8].map((s) => new Set(res.assignment.slice(s, s + 4)));
    expect(groups.every((g) => g.size === 1)).toBe(true);
    expect(new Set(groups.map((g) => [...g][0])).size).toBe(3);
  });

  it('silhouette of a hand-computed 4-point example', () => {
    // Points 0, 1 (cluster a) and 10, 11 (cluster b) on a line. Point 0: a = 1, b = (10 + 11) / 2;
    // point 1: a = 1, b = (9 + 10) / 2; points 10 and 11 mirror them.
    const pts = [[0], [1], [10], [11]];
    const expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    expect(silhouette(pts, [0, 0, 1, 1], 2)).toBeCloseTo(expected, 12);
    expect(silhouette(pts, [0, 1, 1, 1], 2)).toBeLessThan(expected); // a worse split scores lower
  });

  it('same seed, same clustering; WCSS never increases with K on random points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
          minLength: 8,
          maxLength: 30,
        }),
        fc.nat(),
        (raw, seed) => {
          const pts = raw.map(([x, y]) => [x, y]);
          expect(kmeans(pts, 3, { seed })).toEqual(kmeans(pts, 3, { seed }));
          const w = [1, 2, 3, 4].map((k) => kmeans(pts, k, { seed }).wcss);
          // Best-of-10 restarts is a heuristic; allow a hair of slack beyond monotonicity.
          for (let k = 1; k < w.length; k++) expect(w[k]!).toBeLessThanOrEqual(w[k - 1]! * (1 + 1e-9) + 1e-9);
        },
      ),
      { numRuns: 40, seed: 4 },
    );
  });

  it('elbow picks the bend of a WCSS curve', () => {
    const scores = [100, 40, 12, 10, 9, 8.5].map((wcss, i) => ({ k: i + 2, wcss, silhouette: 0 }));
    expect(elbowK(scores)).toBe(4);
    expect(elbowK(scores.slice(0, 2))).toBeNull();
  });
});

describe('dealer points reader', () => {
  it('reads CSV with latitude/longitude headers and quoted ids, and JSON with a dealers array', () => {
    const csv = 'name,latitude,longitude,brand\n"Dealer, One",-6.2,106.8,x\nD2,-6.3,106.9,y\n';
    expect(parseDealerPoints(csv, 'd.csv')).toEqual([
      { id: 'Dealer, One', lat: -6.2, lon: 106.8 },
      { id: 'D2', lat: -6.3, lon: 106.9 },
    ]);
    const json = JSON.stringify({
      dealers: [
        { id: 'a', lat: 1, lon: 2 },
        { id: 'b', lat: 3, lon: 4 },
      ],
    });
    expect(parseDealerPoints(json, 'd.json').map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('names the line of a bad coordinate and a missing column', () => {
    expect(() => parseDealerPoints('id,lat,lon\nA,x,1\nB,1,1\n', 'bad.csv')).toThrow(
      "bad.csv: line 2: latitude as a number, got 'x'",
    );
    expect(() => parseDealerPoints('id,lat\nA,1\n', 'bad.csv')).toThrow(
      'bad.csv: line 1 (header): a longitude column (lon / lng / long / longitude)',
    );
  });
});

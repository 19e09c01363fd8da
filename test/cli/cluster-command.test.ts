import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/fixtures.js';

describe('rlnd cluster', () => {
  it('clusters the Jakarta dealers (supplying nodes of the network file) for K = 2..7 and writes scores and clusters as CSV and JSON', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rlnd-cluster-'));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await main([
      'cluster',
      `${ROOT}instances/network/jakarta-rln.json`,
      '--k-min',
      '2',
      '--k-max',
      '7',
      '--seed',
      '1',
      '--out',
      out,
    ]);
    log.mockRestore();
    const scores = JSON.parse(readFileSync(join(out, 'scores.json'), 'utf8'));
    expect(scores.dealers).toBe(254);
    expect(scores.scores.map((s: { k: number }) => s.k)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(readFileSync(join(out, 'scores.csv'), 'utf8').split('\n')[0]).toBe('k,wcss,silhouette');
    const k5 = readFileSync(join(out, 'clusters-k5.csv'), 'utf8').trim().split('\n');
    expect(k5[0]).toBe('id,lat,lon,cluster');
    expect(k5).toHaveLength(255);
    const all = JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8'));
    const five = all.clusterings.find((c: { k: number }) => c.k === 5);
    expect(five.centroids.reduce((s: number, c: { dealers: number }) => s + c.dealers, 0)).toBe(254);
    // WCSS falls with K (best of 10 k-means++ starts each).
    const w = scores.scores.map((s: { wcss: number }) => s.wcss);
    expect(w.every((v: number, i: number) => i === 0 || v <= w[i - 1])).toBe(true);
  });

  it('refuses a K range the data cannot support', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const before = process.exitCode;
    await main(['cluster', `${ROOT}instances/jakarta-rln/jakarta.json`, '--k-min', '1', '--out', tmpdir()]);
    expect(err.mock.calls[0]![0]).toMatch(/--k-min: 1: an integer >= 2/);
    expect(process.exitCode).toBe(1);
    process.exitCode = before;
    err.mockRestore();
  });
});

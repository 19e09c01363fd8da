import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * Ten units from S to C through a dirty depot (cost 1, 5 kg per unit, fixed 2) or a clean one
 * (cost 3, 1 kg, fixed 3). By hand: min cost (12, 50) all dirty; min emissions (33, 10) all clean;
 * both depots open (fixed 5) move x units dirty: cost 35 - 2x, emissions 10 + 4x, i.e. cost = 40 - e/2,
 * which beats both extremes for 14 < e < 50 (a non-supported segment). Weighted sums: dirty and
 * clean tie at tax (33 - 12) / (50 - 10) = 0.525, the one breakpoint.
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

function lanesFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rlnd-pareto-'));
  const file = join(dir, 'lanes.json');
  writeFileSync(file, JSON.stringify(LANES));
  return file;
}

describe('rlnd pareto', () => {
  it('--json: points sorted by cost, non-dominated, on the hand-computed front; ideal, nadir, hypervolume, the 0.525 breakpoint; --csv', async () => {
    const file = lanesFile();
    const csv = join(file, '..', 'front.csv');
    const { stdout, code } = await rlnd(
      'pareto',
      file,
      '--objectives',
      'cost,emissions',
      '--resolution',
      '0.1',
      '--json',
      '--csv',
      csv,
    );
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(f.ideal).toEqual({ cost: 12, emissions: 10 });
    expect(f.nadir).toEqual({ cost: 33, emissions: 50 });
    expect(f.points[0]).toMatchObject({
      cost: 12,
      emissions: 50,
      open: ['Dirty'],
      status: 'optimal',
      gap: 0,
      supported: true,
    });
    expect(f.points.at(-1)).toMatchObject({
      cost: 33,
      emissions: 10,
      open: ['Clean'],
      status: 'optimal',
      supported: true,
    });
    const inner = f.points.slice(1, -1);
    expect(inner.length).toBeGreaterThan(3);
    for (const p of inner) {
      expect(p.cost).toBeCloseTo(40 - p.emissions / 2, 6); // on the two-depot segment
      expect(p.supported).toBe(false);
      expect(p.open).toEqual(['Dirty', 'Clean']);
    }
    for (let i = 1; i < f.points.length; i++) {
      expect(f.points[i].cost).toBeGreaterThan(f.points[i - 1].cost);
      expect(f.points[i].emissions).toBeLessThan(f.points[i - 1].emissions);
    }
    // Steps of 0.1 x 40 kg: every gap of the segment e in [14, 50) is within 4 kg.
    const es = f.points.map((p: { emissions: number }) => p.emissions);
    for (let i = 1; i < es.length - 1; i++) expect(es[i - 1] - es[i]).toBeLessThanOrEqual(4 + 1e-6);
    expect(f.hypervolume).toBeGreaterThan(0);
    expect(f.carbonPrice.breakpoints).toHaveLength(1);
    expect(f.carbonPrice.breakpoints[0]).toBeCloseTo(0.525, 9);
    expect(f.carbonPrice.nominalInterval).toBe(0); // tax 0.1 < 0.525: the dirty design
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe(
      'point,cost,emissionsKgCO2,supported,status,gap,epsilon,open',
    );
  }, 60_000);

  it('--method hybrid --points 5 on 2 workers: the grid caps 40, 30, 20 give points on the segment, each with its gap', async () => {
    const { stdout, code } = await rlnd(
      'pareto',
      lanesFile(),
      '--method',
      'hybrid',
      '--points',
      '5',
      '--threads',
      '2',
      '--json',
    );
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(f.points.map((p: { epsilon: number | null }) => p.epsilon)).toEqual([null, 40, 30, 20, null]);
    for (const p of f.points) expect(p.gap).not.toBeNull();
    expect(f.points[2].cost).toBeCloseTo(25, 6);
  }, 60_000);

  it('bad --objectives, --method or --points are one-line errors (exit 1)', async () => {
    for (const args of [
      ['--objectives', 'cost,profit'],
      ['--objectives', 'cost'],
      ['--method', 'ga'],
      ['--points', '1'],
    ]) {
      const { stderr, code } = await rlnd('pareto', lanesFile(), ...args);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);

  it('--plot front.svg writes the front (with the knee) and its carbon-price plot; another extension is a one-line error', async () => {
    const file = lanesFile();
    const svg = join(file, '..', 'front.svg');
    const ok = await rlnd('pareto', file, '--resolution', '0.1', '--plot', svg);
    expect(ok.code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/<g data-series="knee">\n<polygon /);
    expect(readFileSync(join(file, '..', 'front-carbon-price.svg'), 'utf8')).toContain('data-series="breakpoints"');
    const bad = await rlnd('pareto', file, '--plot', join(file, '..', 'front.png'));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--plot: .*front\.png: a file ending in \.svg or \.html/);
  });

  it('the Jakarta network: the least-cost design is also the least-emission one (a one-point front)', async () => {
    const { stdout, code } = await rlnd('pareto', `${ROOT}instances/network/jakarta-rln.json`, '--json');
    expect(code).toBe(0);
    const f = JSON.parse(stdout);
    expect(f.points).toHaveLength(1);
    expect(f.points[0].status).toBe('optimal');
    expect(f.carbonPrice.breakpoints).toEqual([]);
  }, 120_000);
});

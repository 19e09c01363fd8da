import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src/core/result.js';
import { parseJsonText } from '../../../src/io/json-fields.js';
import type { Allocation } from '../../../src/problems/facility-location/allocation.js';
import { withChanges, type FlChanges, type FlVariant } from '../../../src/problems/facility-location/instance.js';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { facilityLocationProblem } from '../../../src/problems/facility-location/problem.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

/**
 * The West Java study's verification runs, in the spirit of the paper's "five debugging runs":
 * tiny instances whose optimum is worked out by hand below, solved through the same path as the
 * study (JSON reader -> facility-location problem -> solve()).
 */
const file = (name: string): string => `${ROOT}instances/west-java/verification/${name}.json`;

async function run(name: string, opts: { variant?: FlVariant; changes?: FlChanges } = {}): Promise<Result> {
  const path = file(name);
  const base = parseFlJson(
    parseJsonText(readFileSync(path, 'utf8'), path),
    path,
    opts.variant ? { variant: opts.variant } : {},
  );
  const inst = opts.changes ? withChanges(base, opts.changes) : base;
  return solve(facilityLocationProblem(inst), { method: 'milp', handle: await testHandle() });
}

/** customer id -> [site id, fraction] pairs, from a result's flows. */
function assignment(r: Result, sites: string[], customers: string[]): Record<string, [string, number][]> {
  const a = r.flows as Allocation;
  const out: Record<string, [string, number][]> = {};
  a.site.forEach((i, k) =>
    (out[customers[a.customer[k]!]!] ??= []).push([sites[i]!, Number(a.fraction[k]!.toFixed(9))]),
  );
  return out;
}

describe('West Java verification runs (hand-computed optima)', () => {
  it('run 1: each region goes to its nearest dealer when capacity is ample', async () => {
    // R1 (0,0) d=10, R2 (10,0) d=20; A (3,4), B (10,4), C (20,0); 2 per battery-km.
    // R1: A 5, B sqrt(116)=10.77, C 20 -> A: 10 x 2 x 5 = 100.
    // R2: A sqrt(65)=8.06, B 4, C 10 -> B: 20 x 2 x 4 = 160.   Total 260, points A and B; C unused.
    const r = await run('v1-nearest');
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(260, 9);
    expect(r.open).toEqual(['A', 'B']);
    expect(assignment(r, ['A', 'B', 'C'], ['R1', 'R2'])).toEqual({ R1: [['A', 1]], R2: [['B', 1]] });
  });

  it('run 2: a binding capacity — single source 280, split demand 240', async () => {
    // On a line: R1 x=0 d=30, R2 x=8 d=20; A x=4 cap 40, B x=16 cap 100; 1 per battery-km.
    // Single source (both at A needs 50 > 40):
    //   R1->A, R2->B: 30x4 + 20x8 = 120 + 160 = 280;   R1->B, R2->A: 30x16 + 20x4 = 560.  Optimum 280.
    // Split: A's 40 go first to R1 (saves 16-4=12 per battery; R2 saves 8-4=4): 30 of R1 and 10 of R2,
    //   the other 10 of R2 to B: 30x4 + 10x4 + 10x8 = 120 + 40 + 80 = 240.
    const ss = await run('v2-capacity');
    expect(ss.objective).toBeCloseTo(280, 9);
    expect(assignment(ss, ['A', 'B'], ['R1', 'R2'])).toEqual({ R1: [['A', 1]], R2: [['B', 1]] });
    const split = await run('v2-capacity', { variant: 'cflp' });
    expect(split.objective).toBeCloseTo(240, 9);
    expect(assignment(split, ['A', 'B'], ['R1', 'R2'])).toEqual({
      R1: [['A', 1]],
      R2: [
        ['A', 0.5],
        ['B', 0.5],
      ],
    });
  });

  it('run 3: a cap on the number of points (maxOpen 1 and 2)', async () => {
    // On a line: R1 x=0 d=10, R2 x=10 d=12, R3 x=30 d=10; a dealer at each region; 1 per battery-km.
    // One point: D1 0 + 12x10 + 10x30 = 420; D2 10x10 + 0 + 10x20 = 300; D3 10x30 + 12x20 + 0 = 540 -> D2, 300.
    // Two points: {D1,D2} R3->D2 10x20 = 200; {D1,D3} R2->D1 12x10 = 120; {D2,D3} R1->D2 10x10 = 100 -> {D2,D3}, 100.
    const one = await run('v3-max-open');
    expect(one.objective).toBeCloseTo(300, 9);
    expect(one.open).toEqual(['D2']);
    const two = await run('v3-max-open', { changes: { maxOpen: 2 } });
    expect(two.objective).toBeCloseTo(100, 9);
    expect(two.open).toEqual(['D2', 'D3']);
  });

  it('run 4: a fixed cost per point against the transport it saves (150: both, 250: one)', async () => {
    // On a line: R1 x=0 d=10, R2 x=20 d=11; D1 x=0, D2 x=20, fixed cost F each; 1 per battery-km.
    // Both open: 2F.  D1 only: F + 11x20 = F + 220.  D2 only: F + 10x20 = F + 200.
    // F=150: both 300 < D2 350 < D1 370 -> both, 300.   F=250: D2 450 < D1 470 < both 500 -> D2, 450.
    const low = await run('v4-fixed-cost');
    expect(low.objective).toBeCloseTo(300, 9);
    expect(low.open).toEqual(['D1', 'D2']);
    expect(low.costParts).toEqual({ fixed: 300, allocation: 0 });
    const path = file('v4-fixed-cost');
    const inst = parseFlJson(parseJsonText(readFileSync(path, 'utf8'), path), path);
    const high = await run('v4-fixed-cost', { changes: { sites: inst.sites.map((s) => ({ ...s, fixedCost: 250 })) } });
    expect(high.objective).toBeCloseTo(450, 9);
    expect(high.open).toEqual(['D2']);
    expect(high.costParts).toEqual({ fixed: 250, allocation: 200 });
  });

  it('run 5: infeasible single source is reported infeasible, and split demand then serves it', async () => {
    // R1 d=70 > every capacity (40): single source impossible (caught before solving).
    // Split: D1 (x=1) takes 40, D2 (x=2) the other 30: 40x1 + 30x2 = 100.
    const ss = await run('v5-infeasible');
    expect(ss.status).toBe('infeasible');
    expect(ss.objective).toBeNull();
    const split = await run('v5-infeasible', { variant: 'cflp' });
    expect(split.objective).toBeCloseTo(100, 9);
    // A packing the quick checks cannot see: demands 30, 30, 20 and two dealers of 40 (total 80 = 80,
    // each region fits one dealer), yet no single-source split exists: the solver must prove it.
    const path = file('v5-infeasible');
    const base = parseFlJson(parseJsonText(readFileSync(path, 'utf8'), path), path);
    const packing = withChanges(base, {
      customers: [
        { id: 'R1', x: 0, y: 0, demand: 30 },
        { id: 'R2', x: 0, y: 0, demand: 30 },
        { id: 'R3', x: 0, y: 0, demand: 20 },
      ],
      allocCost: Float64Array.from([30, 30, 20, 60, 60, 40]),
    });
    const r = await solve(facilityLocationProblem(packing), { method: 'milp', handle: await testHandle() });
    expect(r.status).toBe('infeasible');
  });

  it('run 6: units — demand x IDR 2,500/battery-km x circuity 1.3 x haversine km', async () => {
    // 0.1 degree of latitude = 6371.0088 km x 0.1 x pi/180 = 11.1195080 km (haversine, same meridian).
    // 100 batteries x 2500 x 1.3 x 11.1195080 = 325,000 x 11.1195080 = 3,613,840.1 IDR.
    const r = await run('v6-haversine');
    expect(r.objective).toBeCloseTo(325_000 * 6371.0088 * 0.1 * (Math.PI / 180), 4);
    expect(r.objective).toBeCloseTo(3_613_840.1, 0);
  });
});

describe('reporting of points opened with zero fixed cost', () => {
  it('a zero-cost dealer that serves nobody is not reported open', async () => {
    // v1 has three zero-cost dealers; C serves nobody, so the MILP may set y_C = 1 at no cost.
    // The decoded design must not count it: opened means serving someone.
    const r = await run('v1-nearest');
    const a = r.flows as Allocation;
    expect(new Set(a.site)).toEqual(new Set([0, 1]));
    expect(r.design).toEqual([1, 1, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/experiments/records.js';
import { fittedExponent, milpFrontier, scalingRows } from '../../src/report/scaling.js';

/** A minimal nominal run record for the scaling summaries. */
function run(
  method: string,
  sites: number,
  customers: number,
  seconds: number,
  status: RunRecord['status'],
  objective: number,
  gap: number | null,
): RunRecord {
  return {
    experiment: 'scaling',
    runId: `${method}-${sites}`,
    seed: 1,
    instance: { label: `fl-${sites}`, group: 'g', file: 'f', name: 'n', hash: `h${sites}`, options: {} },
    method: { name: method, label: method } as RunRecord['method'],
    scenario: { id: 'nominal', kind: 'nominal', set: null, index: 0, levels: {} } as unknown as RunRecord['scenario'],
    status,
    objective,
    lowerBound: gap === null ? null : objective * (1 - gap),
    gap,
    reference: null,
    gapToOptimum: null,
    gapToReference: null,
    gapToReferenceBound: null,
    runtimeSeconds: seconds,
    dimensions: { sites, customers },
    peakRssMB: 100,
    open: [],
    costParts: {},
    highs: { version: '', options: {} },
    host: 'h',
    finishedAt: '',
  };
}

describe('scaling summaries', () => {
  it('fits the exponent of time against size on a log-log scale', () => {
    const pts = [1e3, 1e4, 1e5, 1e6].map((size) => ({ size, seconds: 2e-4 * size ** 1.5 }));
    expect(fittedExponent(pts)).toBeCloseTo(1.5, 10);
    expect(fittedExponent([{ size: 10, seconds: 1 }])).toBeNull();
  });

  it('finds where the MILP stops finishing and compares heuristics with the proven optimum', () => {
    const runs = [
      run('milp', 10, 100, 1, 'optimal', 1000, 0),
      run('hybrid', 10, 100, 0.5, 'feasible', 1000.5, 0.004),
      run('milp', 100, 1000, 300, 'feasible', 5000, 0.01),
      run('hybrid', 100, 1000, 60, 'feasible', 4990, 0.006),
    ];
    const rows = scalingRows(runs);
    expect(rows.map((r) => [r.size, r.method])).toEqual([
      [1000, 'hybrid'],
      [1000, 'milp'],
      [100000, 'hybrid'],
      [100000, 'milp'],
    ]);
    expect(rows[0]!.maxGapToOptimalMilpPct).toBeCloseTo(0.05, 10);
    expect([rows[0]!.vsOptimalMilp, rows[0]!.matchedMilp, rows[0]!.fasterThanMilp, rows[0]!.matchedAndFaster]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(rows[2]!.matchedMilp).toBeNull();
    expect(rows[2]!.maxGapToOptimalMilpPct).toBeNull(); // that MILP did not finish
    expect(rows[2]!.medianCertifiedGapPct).toBeCloseTo(0.6, 10);
    expect(milpFrontier(rows)).toEqual({ lastFinished: 1000, firstUnfinished: 100000 });
  });

  it('counts a run as matching the MILP only within 0.1%, and as faster only when it took less time', () => {
    const rows = scalingRows([
      run('milp', 10, 100, 2, 'optimal', 1000, 0),
      run('hybrid', 10, 100, 1, 'feasible', 1002, 0.01),
    ]);
    const h = rows.find((r) => r.method === 'hybrid')!;
    expect([h.vsOptimalMilp, h.matchedMilp, h.fasterThanMilp, h.matchedAndFaster]).toEqual([1, 0, 1, 0]);
    const slow = scalingRows([
      run('milp', 10, 100, 2, 'optimal', 1000, 0),
      run('hybrid', 10, 100, 3, 'feasible', 1000.9, 0.01),
    ]).find((r) => r.method === 'hybrid')!;
    expect([slow.matchedMilp, slow.fasterThanMilp, slow.matchedAndFaster]).toEqual([1, 0, 0]);
  });
});

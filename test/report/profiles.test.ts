import { describe, expect, it } from 'vitest';
import type { RunRecord, TrajectoryPoint } from '../../src/experiments/records.js';
import { trajectoryOf } from '../../src/experiments/run-record.js';
import {
  finalGapProfile,
  primalIntegral,
  profileProblems,
  profileRows,
  timeProfile,
} from '../../src/report/profiles.js';

/** A nominal run on `instance` (published optimum `optimum`) that found `trajectory` and ended at `objective`. */
function run(
  instance: string,
  method: string,
  optimum: number,
  trajectory: TrajectoryPoint[] | undefined,
  objective: number | null,
  runtimeSeconds: number,
  status: RunRecord['status'] = 'feasible',
): RunRecord {
  return {
    experiment: 'fixture',
    runId: `${instance}-${method}`,
    instance: { label: instance, group: '', file: '', name: instance, hash: '', options: {} },
    method: { label: method, name: method, params: {}, timeLimit: null, stop: null },
    seed: 1,
    scenario: { id: 'nominal', kind: 'nominal', set: null, index: 0, levels: {} },
    status,
    objective,
    lowerBound: null,
    gap: null,
    reference: { source: 'known', status: 'optimal', objective: optimum, lowerBound: optimum },
    gapToOptimum: objective === null ? null : (objective - optimum) / optimum,
    gapToReference: null,
    gapToReferenceBound: null,
    runtimeSeconds,
    ...(trajectory ? { trajectory } : {}),
    open: [],
    costParts: {},
    highs: { version: '', options: {} },
    host: '',
    finishedAt: '',
  } as RunRecord;
}

const pt = (t: number, incumbent: number | null): TrajectoryPoint => ({ t, incumbent, bound: null });

// Instance A (optimum 100): slow reaches it at 2 s (110 at 1 s) and runs 4 s; fast has it at 0.5 s.
// Instance B (optimum 200): slow has it at 1 s (runs 2 s); fast ends at 220 (10%) at 3 s.
const runs = [
  run('A', 'slow', 100, [pt(1, 110), pt(2, 100)], 100, 4),
  run('A', 'fast', 100, [pt(0.5, 100)], 100, 1),
  run('B', 'slow', 200, [pt(1, 200)], 200, 2),
  run('B', 'fast', 200, undefined, 220, 3), // no trajectory (older record): the final objective at the end
];

describe('performance profiles', () => {
  const problems = profileProblems(runs);

  it('groups nominal runs by instance and seed, with the longest run as horizon', () => {
    expect(problems.map((p) => [p.key, p.reference, p.horizon])).toEqual([
      ['A / nominal / seed 1', 100, 4],
      ['B / nominal / seed 1', 200, 3],
    ]);
  });

  it('time profile: share of problems solved within tau x the fastest time to a 0.1% gap', () => {
    // Ratios: slow 4 (A), 1 (B); fast 1 (A), never (B).
    const [slow, fast] = timeProfile(problems);
    const at = (c: typeof slow, tau: number): number => c!.points.filter((p) => p.x <= tau).at(-1)!.y;
    expect(slow!.name).toBe('slow');
    expect([at(slow, 1), at(slow, 3.9), at(slow, 4)]).toEqual([0.5, 0.5, 1]);
    expect([at(fast, 1), at(fast, 100)]).toEqual([0.5, 0.5]);
  });

  it('final-gap profile: share of problems within x % of the reference', () => {
    const fast = finalGapProfile(problems).find((c) => c.name === 'fast')!;
    const at = (x: number): number => fast.points.filter((p) => p.x <= x).at(-1)!.y;
    expect([at(0), at(9.99), at(10)]).toEqual([0.5, 0.5, 1]);
  });

  it('primal integral by hand: gap 1 until the first incumbent, then Berthold primal gap', () => {
    const [a, b] = problems;
    const slowA = a!.traces.find((t) => t.method === 'slow')!;
    // 1 s with no incumbent + 1 s at (110 - 100) / 110 + 2 s at 0.
    expect(primalIntegral(slowA, 100, 4)).toBeCloseTo(1 + 10 / 110, 12);
    const fastB = b!.traces.find((t) => t.method === 'fast')!;
    expect(primalIntegral(fastB, 200, 3)).toBeCloseTo(3, 12);
    // Past the run's end the gap stays at its final value.
    expect(primalIntegral(fastB, 200, 5)).toBeCloseTo(3 + 2 * (20 / 220), 12);
  });

  it('summary rows per method', () => {
    const rows = profileRows(problems);
    const slow = rows.find((r) => r.method === 'slow')!;
    const fast = rows.find((r) => r.method === 'fast')!;
    expect(slow).toMatchObject({ runs: 2, reachedTarget: 2, meanFinalGapPct: 0 });
    expect(slow.geoMeanSecondsToTarget).toBeCloseTo(Math.SQRT2, 12);
    expect(slow.meanPrimalIntegral).toBeCloseTo((1 + 10 / 110 + 1) / 2, 12);
    expect(fast).toMatchObject({ runs: 2, reachedTarget: 1, geoMeanSecondsToTarget: 0.5 });
    expect(fast.meanFinalGapPct).toBeCloseTo(5, 12);
    expect(fast.meanPrimalIntegral).toBeCloseTo((0.5 + 3) / 2, 12);
  });

  it('a run in error never reaches a gap and counts the whole horizon as gap 1', () => {
    const ps = profileProblems([...runs.slice(0, 1), run('A', 'fast', 100, [pt(0.5, 100)], null, 1, 'error')]);
    const fast = ps[0]!.traces.find((t) => t.method === 'fast')!;
    expect(primalIntegral(fast, 100, 4)).toBe(4);
    expect(profileRows(ps).find((r) => r.method === 'fast')).toMatchObject({ reachedTarget: 0 });
  });
});

describe('trajectoryOf (run records)', () => {
  it('keeps the running best incumbent and bound, one point per improvement', () => {
    const row = (t: number, ub: number | null, lb: number | null): Parameters<typeof trajectoryOf>[0][number] => ({
      method: 'm',
      iteration: t,
      timeSeconds: t,
      upperBound: ub,
      lowerBound: lb,
      gap: null,
    });
    expect(trajectoryOf([row(2, 90, 50), row(1, 100, null), row(3, 95, 40), row(4, 80, 60)])).toEqual([
      { t: 1, incumbent: 100, bound: null },
      { t: 2, incumbent: 90, bound: 50 },
      { t: 4, incumbent: 80, bound: 60 },
    ]);
  });

  it('thins long trajectories to 200 points, keeping the last', () => {
    const rows = Array.from({ length: 1000 }, (_, k) => ({
      method: 'm',
      iteration: k,
      timeSeconds: k,
      upperBound: 1000 - k,
      lowerBound: null,
      gap: null,
    }));
    const t = trajectoryOf(rows);
    expect(t).toHaveLength(200);
    expect(t.at(-1)).toEqual({ t: 999, incumbent: 1, bound: null });
  });
});

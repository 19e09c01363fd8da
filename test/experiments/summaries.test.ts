import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/experiments/progress.js';
import type { RunRecord } from '../../src/experiments/records.js';
import {
  flatRun,
  instanceSummary,
  median,
  methodSummary,
  sd,
  sensitivityRows,
  siteFrequency,
  sortRuns,
} from '../../src/experiments/summaries.js';

/** A run record with only what the summaries read filled in meaningfully. */
function rec(
  runId: string,
  method: string,
  gap: number | null,
  time: number,
  open: string[],
  status: RunRecord['status'] = 'feasible',
): RunRecord {
  return {
    experiment: 'x',
    runId,
    instance: { label: 'i1', group: 'g', file: 'f', name: 'i1', hash: 'h', options: {} },
    method: { label: method, name: method, params: {}, timeLimit: null, stop: null },
    seed: 1,
    scenario: { id: 'nominal', kind: 'nominal', set: null, index: 0, levels: {} },
    status,
    objective: gap === null ? null : 100 * (1 + gap),
    lowerBound: null,
    gap: null,
    reference: { source: 'known', status: 'optimal', objective: 100, lowerBound: 100 },
    gapToOptimum: gap,
    gapToReference: gap,
    gapToReferenceBound: gap,
    runtimeSeconds: time,
    open,
    costParts: {},
    highs: { version: '1', options: {} },
    host: 'h',
    finishedAt: 't',
  };
}

describe('summaries', () => {
  const runs = [
    rec('c', 'ga', 0.02, 3, ['1', '2']),
    rec('a', 'ga', 0, 1, ['1']),
    rec('b', 'ga', null, 2, [], 'time_limit'),
    rec('d', 'milp', 0, 0.5, ['1'], 'optimal'),
  ];

  it('per method: success rate, gap in percent over runs with a gap, times over all runs', () => {
    const [ga, milp] = methodSummary(runs);
    expect(ga).toMatchObject({
      method: 'ga',
      runs: 3,
      successRate: 2 / 3,
      gapRuns: 2,
      meanGapPct: 1,
      medianGapPct: 1,
      maxGapPct: 2,
      meanTime: 2,
      maxTime: 3,
    });
    expect(milp).toMatchObject({ method: 'milp', runs: 1, successRate: 1, meanGapPct: 0 });
  });

  it('per instance: best and mean objective', () => {
    const ga = instanceSummary(runs).find((r) => r.method === 'ga')!;
    expect(ga).toMatchObject({ bestObjective: 100, meanObjective: 101, reference: 100, referenceSource: 'known' });
  });

  it('site frequency counts solved runs only', () => {
    expect(siteFrequency(runs)).toEqual({
      sites: ['1', '2'],
      methods: [
        { name: 'ga', values: [1, 0.5] },
        { name: 'milp', values: [1, 0] },
      ],
    });
  });

  it('sorts by run id and computes median and sd', () => {
    expect(sortRuns(runs).map((r) => r.runId)).toEqual(['a', 'b', 'c', 'd']);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(sd([1, 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(sd([1])).toBeNull();
  });
});

describe('runs.csv rows and sensitivity points', () => {
  it('flatten cost parts and figures into prefixed columns', () => {
    const r = {
      ...rec('a', 'milp', 0, 1, ['1']),
      costParts: { fixed: 60, transport: 40 },
      figures: { emissionsKgCO2: 7 },
    };
    expect(flatRun(r)).toMatchObject({
      cost_fixed: 60,
      cost_transport: 40,
      fig_emissionsKgCO2: 7,
      openCount: 1,
      open: '1',
    });
    expect(Object.keys(flatRun(rec('b', 'milp', 0, 1, ['1']))).some((k) => k.startsWith('fig_'))).toBe(false);
  });

  it("give the best run's sites per level and how many differ from the nominal design", () => {
    const at = (
      runId: string,
      id: string,
      kind: 'nominal' | 'sensitivity',
      obj: number,
      open: string[],
    ): RunRecord => ({
      ...rec(runId, 'milp', 0, 1, open),
      objective: obj,
      scenario: {
        id,
        kind,
        set: kind === 'nominal' ? null : 'cost',
        index: 0,
        levels: kind === 'nominal' ? {} : { cost: Number(id) },
      },
    });
    const runs = [
      at('n', 'nominal', 'nominal', 100, ['1', '2']),
      at('s1', '0.8', 'sensitivity', 90, ['1', '2']),
      at('s2', '1.2', 'sensitivity', 120, ['1', '3', '4']),
      at('s3', '1.2', 'sensitivity', 125, ['9']), // a worse seed at the same level: not the one reported
    ];
    const rows = sensitivityRows(runs);
    expect(rows.map((r) => [r.scenario, r.openCount, r.open, r.changedVsNominal])).toEqual([
      ['0.8', 2, '1 2', 0],
      ['1.2', 3, '1 3 4', 3],
    ]);
    // Without a nominal run there is nothing to compare with.
    expect(sensitivityRows(runs.slice(1))[0]!.changedVsNominal).toBeNull();
  });
});

describe('progress bar', () => {
  it('draws count and ETA on a TTY, and one plain line per finished task otherwise', () => {
    let out = '';
    const tty = {
      isTTY: true,
      columns: 120,
      write: (s: string) => ((out += s), true),
    } as unknown as NodeJS.WriteStream;
    const bar = progressBar(4, tty);
    bar.tick('run a');
    bar.done();
    expect(out).toMatch(/\[#{6}\.{18}\] 1\/4 elapsed 00:00 eta \d\d:\d\d run a/);
    let plain = '';
    const pipe = { isTTY: false, write: (s: string) => ((plain += s), true) } as unknown as NodeJS.WriteStream;
    const p = progressBar(4, pipe);
    p.tick('milp cap41 nominal s1: optimal');
    p.tick('ga cap41 nominal s1: feasible');
    p.done();
    // A file or pipe (a Slurm log): no carriage returns, a line per task with count and elapsed time.
    expect(plain).toMatch(
      /^\[1\/4 00:00\] milp cap41 nominal s1: optimal\n\[2\/4 00:00\] ga cap41 nominal s1: feasible\n$/,
    );
  });
});

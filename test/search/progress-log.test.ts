import { describe, expect, it } from 'vitest';
import type { DesignEvaluator } from '../../src/search/evaluator.js';
import { ProgressLog, progressHeader, progressLine } from '../../src/search/progress-log.js';
import { SearchProgress } from '../../src/search/progress.js';

/** A stand-in evaluator: only the three fields SearchProgress reads. */
function fakeEvaluator(): { best: unknown; lowerBound: number | null; evaluations: number } {
  return { best: null, lowerBound: null, evaluations: 0 };
}

function setup(
  tty = false,
  everySeconds = 5,
): { progress: SearchProgress; ev: ReturnType<typeof fakeEvaluator>; out: string[]; log: ProgressLog } {
  const progress = new SearchProgress();
  const ev = fakeEvaluator();
  progress.register(ev as unknown as DesignEvaluator);
  const out: string[] = [];
  // A poll interval of an hour: the test drives poll() itself.
  const log = new ProgressLog(progress, { write: (t) => out.push(t), tty, everySeconds, pollMs: 3_600_000 });
  return { progress, ev, out, log };
}

const priced = (cost: number): unknown => ({
  design: new Uint8Array([1]),
  evaluation: { feasible: true, cost, parts: {}, flows: null },
});

describe('progressLine', () => {
  it('puts time, phase, incumbent, bound, gap (%) and designs priced in the header columns', () => {
    const line = progressLine({ seconds: 12.34, phase: 'lagrangian', incumbent: 200, bound: 150, priced: 7 });
    expect(line.trim().split(/\s+/)).toEqual(['12.3s', 'lagrangian', '200.00', '150.00', '25.00%', '7']);
    expect(line.length).toBe(progressHeader().length);
    expect(
      progressLine({ seconds: 0, phase: 'start', incumbent: null, bound: null, priced: 0 }).trim().split(/\s+/),
    ).toEqual(['0.0s', 'start', '-', '-', '-', '0']);
  });
});

describe('ProgressLog', () => {
  it('writes a line at start and on each new incumbent, bound or phase, and none while nothing changes', () => {
    const { progress, ev, out, log } = setup();
    log.start('title');
    expect(out).toHaveLength(2); // title + header, then the first line
    expect(out[1]).toMatch(/start/);
    log.poll();
    expect(out).toHaveLength(2);
    ev.best = priced(100);
    log.poll();
    ev.lowerBound = 90;
    log.poll();
    progress.enter('vns');
    log.poll();
    log.poll();
    expect(out.slice(2).map((l) => l.trim().split(/\s+/).slice(1, 5))).toEqual([
      ['start', '100.00', '-', '-'],
      ['start', '100.00', '90.00', '10.00%'],
      ['vns', '100.00', '90.00', '10.00%'],
    ]);
    log.stop({ status: 'optimal', objective: 95, lowerBound: 95 });
    expect(out.at(-1)!.trim().split(/\s+/).slice(1, 5)).toEqual(['done:', 'optimal', '95.00', '95.00']);
    expect(out.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
  });

  it('writes a line after everySeconds of silence, naming how long the phase has run', async () => {
    const { progress, out, log } = setup(false, 0.05);
    log.start('title');
    progress.enter('milp: HiGHS solving');
    log.poll();
    progress.phaseStartedAt -= 3000; // as if HiGHS had been solving for 3 s
    await new Promise((r) => setTimeout(r, 80));
    log.poll();
    expect(out.at(-1)).toMatch(/milp: HiGHS solving \(3 s\)/);
    expect(out).toHaveLength(4);
  });

  it('on a TTY, redraws a line that only repeats the figures, and keeps lines with news', async () => {
    const { ev, out, log } = setup(true, 0.01);
    log.start('title');
    await new Promise((r) => setTimeout(r, 20));
    log.poll();
    expect(out.at(-1)!.startsWith('\r\x1b[K') && !out.at(-1)!.endsWith('\n')).toBe(true);
    ev.best = priced(50);
    log.poll();
    // The news line replaces the redrawn one and ends the line.
    expect(out.at(-1)!.startsWith('\r\x1b[K') && out.at(-1)!.endsWith('\n')).toBe(true);
    expect(out.at(-1)).toMatch(/50\.00/);
    log.stop();
  });
});

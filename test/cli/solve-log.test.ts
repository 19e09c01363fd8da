import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const CAPA = `${ROOT}instances/orlib-cap/capa.txt`;
/** A progress line: time in seconds first (see progressLine). */
const LINE = /^\s*(\d+\.\d)s {2}(.+?)\s{2,}(\S+)\s+(\S+)\s+(\S+)\s+(\d+)$/;

function progressLines(stderr: string): { t: number; phase: string; incumbent: string }[] {
  return stderr
    .split('\n')
    .map((l) => LINE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ t: Number(m[1]), phase: m[2]!, incumbent: m[3]! }));
}

describe('rlnd solve progress log (stderr)', () => {
  it('capa-8000 hybrid, 20 s: >= 4 plain lines, at most ~5 s apart, ending with the result; --json stdout unchanged', async () => {
    const { stdout, stderr, code } = await rlnd(
      'solve',
      CAPA,
      '--capacity',
      '8000',
      '--method',
      'hybrid',
      '--time-limit',
      '20',
      '--json',
    );
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout); // stdout is the one JSON object, nothing else
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain('\r'); // a pipe gets plain lines
    expect(stderr).toMatch(/^rlnd: solving capa-8000 .* with hybrid, seed 1, time limit 20 s/);
    expect(stderr).toMatch(/time\s+phase\s+incumbent\s+bound\s+gap\s+priced/);
    const lines = progressLines(stderr);
    expect(lines.length, stderr).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < lines.length; k++) {
      expect(lines[k]!.t).toBeGreaterThanOrEqual(lines[k - 1]!.t);
      // Every 5 s at least, but the timer waits while the main thread prices a design itself (the
      // Lagrangian heuristic's first pricing of capa: ~6 s on a busy machine): slack for that.
      expect(lines[k]!.t - lines[k - 1]!.t, stderr).toBeLessThan(10);
    }
    expect(lines[0]!.phase).toBe('start');
    expect(lines.some((l) => l.phase === 'lagrangian')).toBe(true);
    const last = lines.at(-1)!;
    expect(last.phase).toBe(`done: ${out.status}`);
    expect(Number(last.incumbent)).toBeCloseTo(out.objective, 1);
  });

  it('milp on capa-8000: lines keep coming while HiGHS solves on the model thread', async () => {
    const { stderr } = await rlnd('solve', CAPA, '--capacity', '8000', '--time-limit', '8', '--json');
    const solving = progressLines(stderr).filter((l) => l.phase.startsWith('milp: HiGHS solving'));
    expect(solving.length, stderr).toBeGreaterThanOrEqual(2);
    // A heartbeat during the MILP names how long HiGHS has been at it.
    expect(
      solving.some((l) => /\(\d+ s\)/.test(l.phase)),
      stderr,
    ).toBe(true);
  });

  it('--quiet writes nothing on stderr', async () => {
    const { stdout, stderr, code } = await rlnd('solve', `${ROOT}instances/orlib-cap/cap41.txt`, '--json', '--quiet');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).objective).toBe(1040444.375);
  });
});

import { describe, expect, it } from 'vitest';
import { parseStopping } from '../../src/core/stopping.js';

const at = (
  p: Partial<{
    iteration: number;
    elapsedSeconds: number;
    sinceImprovement: number;
    upperBound: number | null;
    lowerBound: number | null;
  }>,
) => ({
  iteration: 0,
  elapsedSeconds: 0,
  sinceImprovement: 0,
  upperBound: null,
  lowerBound: null,
  ...p,
});

describe('stopping criteria', () => {
  it('compose from a CLI string and stop when any part does', () => {
    const s = parseStopping('time=60,iters=100,stall=10,gap=0.01');
    expect(s.describe).toBe('time=60,iters=100,stall=10,gap=0.01');
    expect(s.shouldStop(at({ iteration: 5 }))).toBe(false);
    expect(s.shouldStop(at({ elapsedSeconds: 60 }))).toBe(true);
    expect(s.shouldStop(at({ iteration: 100 }))).toBe(true);
    expect(s.shouldStop(at({ sinceImprovement: 10 }))).toBe(true);
    expect(s.shouldStop(at({ upperBound: 100, lowerBound: 99.5 }))).toBe(true);
    expect(s.shouldStop(at({ upperBound: 100, lowerBound: 98 }))).toBe(false);
  });

  it('rejects unknown criteria and bad values with a clear message', () => {
    expect(() => parseStopping('speed=3')).toThrow(/--stop: speed=3: a criterion among time, iters, stall, gap/);
    expect(() => parseStopping('time=abc')).toThrow(/time=<number >= 0>/);
  });
});

import { describe, expect, it } from 'vitest';
import { HIGHS_MODEL_STATUS as S, mapHighsStatus } from '../../src/exact/status.js';

describe('mapHighsStatus', () => {
  it('maps proven outcomes', () => {
    expect(mapHighsStatus(S.optimal, true)).toBe('optimal');
    expect(mapHighsStatus(S.infeasible, false)).toBe('infeasible');
    expect(mapHighsStatus(S.unbounded, false)).toBe('unbounded');
  });
  it('distinguishes a time limit with and without an incumbent', () => {
    expect(mapHighsStatus(S.timeLimit, true)).toBe('feasible');
    expect(mapHighsStatus(S.timeLimit, false)).toBe('time_limit');
    expect(mapHighsStatus(S.iterationLimit, false)).toBe('time_limit');
  });
  it('treats solver failures as errors', () => {
    expect(mapHighsStatus(S.solveError, false)).toBe('error');
    expect(mapHighsStatus(S.loadError, false)).toBe('error');
  });
});

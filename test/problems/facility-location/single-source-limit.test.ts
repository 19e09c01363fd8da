import { describe, expect, it } from 'vitest';
import { problemFromText } from '../../../src/problems/load-problem.js';
import { generateFlInstance } from '../../../src/problems/facility-location/generator.js';
import { testHandle } from '../../helpers/fixtures.js';

/**
 * Single-source pricing is a generalised assignment MIP that can run for minutes on tight designs;
 * it is stopped at a limit and its incumbent flagged, never silently passed off as exact. A node
 * limit (deterministic, unlike a clock) stands in for the time limit here.
 */
describe('single-source pricing stopped at a limit', () => {
  const params = { sites: 10, customers: 100, layout: 'clustered' as const, clusters: 3, tightness: 1.05, seed: 1 };
  const problem = (variant: 'sscflp' | 'cflp') =>
    problemFromText(JSON.stringify(generateFlInstance({ ...params, variant })), `gen-${variant}.json`);
  const allOpen = new Uint8Array(10).fill(1);

  it('returns its incumbent as a feasible allocation flagged inexact, priced no lower than the split-demand optimum', async () => {
    const handle = await testHandle();
    const ss = problem('sscflp');
    const ev = await ss.evaluate(handle, allOpen, { highs: { mip_max_nodes: 1 } });
    expect(ev.feasible).toBe(true);
    expect(ev.inexact).toMatch(/stopped before proving optimality .*a feasible allocation/);
    expect(ss.violations(allOpen, ev.flows!)).toEqual([]);
    const split = await problem('cflp').evaluate(handle, allOpen);
    expect(split.inexact).toBeUndefined();
    expect(ev.cost).toBeGreaterThanOrEqual(split.cost);
  });

  it('without a MIP incumbent falls back to the heuristic assignment, feasible and flagged inexact', async () => {
    const ss = problem('sscflp');
    const ev = await ss.evaluate(await testHandle(), allOpen, { highs: { mip_max_nodes: 0 } });
    expect(ev.feasible).toBe(true);
    expect(ev.inexact).toMatch(/MIP found none before its limit .*a heuristic assignment, not proven optimal/);
    expect(ss.violations(allOpen, ev.flows!)).toEqual([]);
  });
});

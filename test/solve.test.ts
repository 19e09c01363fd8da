import { describe, expect, it } from 'vitest';
import { CLAIM_TOLERANCE } from '../src/core/result.js';
import { problemFromText } from '../src/problems/load-problem.js';
import type { Method, MethodOutcome } from '../src/methods/method.js';
import { milpMethod } from '../src/methods/milp.js';
import { registerMethod } from '../src/methods/registry.js';
import { solve } from '../src/solve.js';
import { testHandle } from './helpers/fixtures.js';

/**
 * 2 sites (capacity 100, fixed 10) and 3 customers of demand 50, single source. By hand: c1 and
 * c2 at A (50 x 1 + 50 x 2), c3 at B (50 x 1), fixed 20: optimum 220.
 */
const PROBLEM = problemFromText(
  JSON.stringify({
    problem: 'facility-location',
    variant: 'sscflp',
    sites: [
      { id: 'A', capacity: 100, fixedCost: 10 },
      { id: 'B', capacity: 100, fixedCost: 10 },
    ],
    customers: [
      { id: 'c1', demand: 50 },
      { id: 'c2', demand: 50 },
      { id: 'c3', demand: 50 },
    ],
    cost: { matrix: { A: [1, 2, 3], B: [3, 2, 1] } },
  }),
  'claims.json',
);

/** The MILP's answer with its claim (and bound) rewritten: a method that misreports. */
function misreporting(name: string, rewrite: (out: MethodOutcome) => Partial<MethodOutcome>): Method {
  return {
    ...milpMethod,
    name,
    async run(ctx) {
      const out = await milpMethod.run(ctx);
      return { ...out, ...rewrite(out) };
    },
  };
}

registerMethod(misreporting('claims-high', (o) => ({ claimedObjective: o.claimedObjective! * (1 + 1e-3) })));
registerMethod(misreporting('claims-round-off', (o) => ({ claimedObjective: o.claimedObjective! * (1 + 1e-9) })));
registerMethod(misreporting('claims-nothing', () => ({ claimedObjective: null })));
registerMethod(
  misreporting('bound-round-off', (o) => ({ lowerBound: o.claimedObjective! * (1 + 1e-9), claimedObjective: null })),
);
registerMethod(misreporting('bound-high', (o) => ({ lowerBound: o.claimedObjective! + 1 })));

describe('solve compares the claimed objective with the recomputed one', () => {
  it('keeps an honest claim: HiGHS says 220, the flows cost 220', async () => {
    const r = await solve(PROBLEM, { handle: await testHandle() });
    expect(r).toMatchObject({ status: 'optimal', claimMismatch: false });
    expect(r.objective).toBeCloseTo(220, 9);
    expect(r.claimedObjective).toBeCloseTo(220, 9);
    expect(r.claimedBound).toBeCloseTo(220, 6);
  });

  it(`flags a claim off by more than ${CLAIM_TOLERANCE}: objective stays recomputed, optimal becomes feasible`, async () => {
    const r = await solve(PROBLEM, { method: 'claims-high', handle: await testHandle() });
    expect(r.claimMismatch).toBe(true);
    expect(r.status).toBe('feasible');
    expect(r.objective).toBeCloseTo(220, 9);
    expect(r.claimedObjective).toBeCloseTo(220.22, 9);
    expect(r.message).toMatch(
      /method claims-high claimed objective 220\.2\d*, recomputed 220 \(relative difference 1\.00e-3 > 1e-6\)/,
    );
  });

  it('accepts round-off within the tolerance, and a method that claims nothing', async () => {
    for (const method of ['claims-round-off', 'claims-nothing']) {
      const r = await solve(PROBLEM, { method, handle: await testHandle() });
      expect(r, method).toMatchObject({ status: 'optimal', claimMismatch: false });
      expect(r.message ?? '').not.toContain('claimed');
    }
  });

  it('reports the bound as claimed, and clamps only the lower bound it uses for the gap', async () => {
    const r = await solve(PROBLEM, { method: 'bound-round-off', handle: await testHandle() });
    expect(r.claimedBound).toBeGreaterThan(r.objective!);
    expect(r.lowerBound).toBe(r.objective);
    expect(r.gap).toBe(0);
  });

  it('drops a bound above the recomputed objective beyond round-off: flagged, optimal becomes feasible', async () => {
    const r = await solve(PROBLEM, { method: 'bound-high', handle: await testHandle() });
    expect(r).toMatchObject({ status: 'feasible', claimMismatch: true, lowerBound: null, gap: null });
    expect(r.objective).toBeCloseTo(220, 9);
    expect(r.claimedBound).toBeCloseTo(221, 6);
    expect(r.message).toMatch(/method bound-high claimed bound 221(\.\d*)? above the recomputed objective 220/);
  });
});

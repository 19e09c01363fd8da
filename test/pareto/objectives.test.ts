import { describe, expect, it } from 'vitest';
import { networkFromData } from '../../src/problems/network/reader.js';
import { costAndEmissions, objectiveNetworkProblem } from '../../src/problems/network/objectives.js';
import type { NetworkFlows } from '../../src/problems/network/flows.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';

/** Dirty lane (cost 1, 5 kg per unit, fixed 2) or clean lane (cost 3, 1 kg, fixed 3) for 10 units. */
const LANES = {
  problem: 'network',
  name: 'lanes',
  products: ['u'],
  carbonTax: 0.1,
  nodes: [
    { id: 'S', echelon: 'source', supply: { u: 'unlimited' } },
    { id: 'Dirty', echelon: 'depot', fixedCost: 2 },
    { id: 'Clean', echelon: 'depot', fixedCost: 3 },
    { id: 'C', echelon: 'customer', demand: { u: 10 } },
  ],
  arcs: [
    { from: 'S', to: 'Dirty', unitCost: 1, emission: 5 },
    { from: 'S', to: 'Clean', unitCost: 3, emission: 1 },
    { from: 'Dirty', to: 'C', unitCost: 0 },
    { from: 'Clean', to: 'C', unitCost: 0 },
  ],
};

describe('scalarised network problems (objectiveNetworkProblem)', () => {
  const inst = networkFromData(LANES, 'lanes.json');
  it('milp and hybrid agree on each scalarised problem, and the answers match the hand-computed values', async () => {
    const handle = await testHandle();
    // (objective, options) -> expected objective, by hand.
    const cases = [
      // No tax: all dirty, 2 + 10 = 12.
      [{ carbonTax: 0 }, 12],
      // Tax 1: dirty 2 + 10 + 50 = 62, clean 3 + 30 + 10 = 43.
      [{ carbonTax: 1 }, 43],
      // At most 30 kg, no tax: both open (5), x dirty with 5x + (10 - x) <= 30 -> x = 5: 5 + 5 + 15 = 25.
      [{ carbonTax: 0, emissionCap: 30 }, 25],
      // Least emissions: all clean, 10 kg.
      [{ objective: 'emissions' as const }, 10],
      // Least emissions with cost <= 20: both open, cost 35 - 2x <= 20 -> x >= 7.5: 10 + 4 x 7.5 = 40 kg.
      [{ objective: 'emissions' as const, carbonTax: 0, costCap: 20 }, 40],
    ] as const;
    for (const [opts, want] of cases) {
      for (const method of ['milp', 'hybrid']) {
        const r = await solve(objectiveNetworkProblem(inst, opts), { method, handle });
        expect(r.status, `${method} ${JSON.stringify(opts)}`).toBe('optimal');
        expect(r.objective!).toBeCloseTo(want, 6);
      }
    }
    const capped = await solve(objectiveNetworkProblem(inst, { carbonTax: 0, emissionCap: 30 }), { handle });
    const ce = costAndEmissions(inst, Uint8Array.from(capped.design), capped.flows as NetworkFlows);
    expect(ce.cost).toBeCloseTo(25, 6);
    expect(ce.emissions).toBeCloseTo(30, 6);
  });
  it('a design that cannot meet the cap is priced infeasible, and a cap no design meets is infeasible', async () => {
    const handle = await testHandle();
    const p = objectiveNetworkProblem(inst, { carbonTax: 0, emissionCap: 30 });
    expect((await p.evaluate(handle, Uint8Array.from([1, 0]))).feasible).toBe(false); // dirty only: 50 kg
    expect((await p.evaluate(handle, Uint8Array.from([0, 1]))).cost).toBeCloseTo(33, 9);
    const r = await solve(objectiveNetworkProblem(inst, { carbonTax: 0, emissionCap: 9 }), { handle });
    expect(r.status).toBe('infeasible');
  });
});

import { describe, expect, it } from 'vitest';
import { solveModel } from '../../../src/exact/solve-model.js';
import { buildNetworkModel } from '../../../src/problems/network/model.js';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { networkEmissions } from '../../../src/problems/network/cost.js';
import { testHandle } from '../../helpers/fixtures.js';

/** One source, one customer of 10 units, a cheap dirty lane (cost 1, 5 kg) and a clean one (cost 3, 1 kg) via two depots. */
const TWO_LANES = {
  problem: 'network',
  name: 'lanes',
  products: ['u'],
  carbonTax: 0.1,
  nodes: [
    { id: 'S', echelon: 'source', supply: { u: 'unlimited' } },
    { id: 'Dirty', echelon: 'depot', fixedCost: 0 },
    { id: 'Clean', echelon: 'depot', fixedCost: 0 },
    { id: 'C', echelon: 'customer', demand: { u: 10 } },
  ],
  arcs: [
    { from: 'S', to: 'Dirty', unitCost: 1, emission: 5 },
    { from: 'S', to: 'Clean', unitCost: 3, emission: 1 },
    { from: 'Dirty', to: 'C', unitCost: 0 },
    { from: 'Clean', to: 'C', unitCost: 0 },
  ],
};

describe('network model options for cost / emission trade-offs', () => {
  it('carbon price and emission cap change the model as stated; emissions per column match the recomputed emissions', async () => {
    const handle = await testHandle();
    const inst = networkFromData(TWO_LANES, 'lanes.json');
    // tax 0.1: dirty costs 1.5 per unit, clean 3.1: all dirty, cost 10 + tax 5 = 15.
    const base = await solveModel(handle, buildNetworkModel(inst).model);
    expect(base.objective).toBeCloseTo(15, 9);
    // tax 1: dirty 6, clean 4: all clean, 30 + 10 = 40.
    expect(
      (await solveModel(handle, buildNetworkModel(inst, undefined, { carbonTax: 1 }).model)).objective,
    ).toBeCloseTo(40, 9);
    // No tax, at most 30 kg: x dirty + (10 - x) clean with 5x + (10 - x) <= 30 -> x = 5: cost 5 + 15 = 20.
    const f = buildNetworkModel(inst, undefined, { carbonTax: 0, emissionCap: 30 });
    const sol = await solveModel(handle, f.model);
    expect(sol.objective).toBeCloseTo(20, 9);
    const { design, flows } = f.decode(sol.values!);
    expect(networkEmissions(inst, design, flows).total).toBeCloseTo(30, 9);
    let kg = 0;
    f.emission.forEach((e, j) => (kg += e * sol.values![j]!));
    expect(kg).toBeCloseTo(30, 9);
  });
});

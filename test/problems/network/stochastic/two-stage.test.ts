import { describe, expect, it } from 'vitest';
import { solveModel } from '../../../../src/exact/solve-model.js';
import { buildNetworkModel } from '../../../../src/problems/network/model.js';
import { networkFromData, parseNetworkDocument } from '../../../../src/problems/network/reader.js';
import { compileStochastic } from '../../../../src/problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../../../../src/problems/network/stochastic/problem.js';
import { solve } from '../../../../src/solve.js';
import { testHandle } from '../../../helpers/fixtures.js';

/**
 * Two plants for one customer: P1 (fixed 100, unit cost 5, capacity 300), P2 (fixed 60, unit
 * cost 2, capacity 8). Demand 6 or 14 with probability 1/2 each; unmet demand costs 20 a unit.
 * By hand: P2 alone: low 60 + 12 = 72, high 60 + 16 + 6 x 20 = 196, expected 134;
 * P1 alone: 130 / 170 -> 150; both: 172 / 206 -> 189; none: 120 / 280 -> 200. Optimum 134.
 */
const TINY = {
  problem: 'network',
  name: 'tiny-two-stage',
  products: ['u'],
  nodes: [
    { id: 'P1', echelon: 'plant', supply: { u: 300 }, fixedCost: 100, capacity: 300 },
    { id: 'P2', echelon: 'plant', supply: { u: 300 }, fixedCost: 60, capacity: 8 },
    { id: 'C1', echelon: 'customer', demand: { u: 10 } },
  ],
  arcs: [
    { from: 'P1', to: 'C1', unitCost: 5 },
    { from: 'P2', to: 'C1', unitCost: 2 },
  ],
  scenarios: [
    { id: 'low', probability: 0.5, demand: { C1: { u: 6 } } },
    { id: 'high', probability: 0.5, demand: { C1: { u: 14 } } },
  ],
  recourse: { unmetDemandPenalty: 20 },
};

const problemOf = (data: unknown) =>
  stochasticNetworkProblem(compileStochastic(parseNetworkDocument(data, 'tiny.json'), 'tiny.json'));

describe('unmet-demand columns in the network builder', () => {
  it('a demand the open capacity cannot meet is short at the penalty, and only with the option', async () => {
    const handle = await testHandle();
    const { scenarios: _s, recourse: _r, ...nominal } = TINY;
    const inst = networkFromData(nominal, 'tiny.json');
    // P2 alone: 8 units at 2, 2 short at 20 -> 60 + 16 + 40 = 116.
    const f = buildNetworkModel(inst, Uint8Array.from([0, 1]), { unmetDemandPenalty: 20 });
    expect((await solveModel(handle, f.model)).objective).toBeCloseTo(116, 9);
    // A penalty below the cheapest supply leaves all demand unmet: 60 + 10 x 1.
    expect(
      (await solveModel(handle, buildNetworkModel(inst, Uint8Array.from([0, 1]), { unmetDemandPenalty: 1 }).model))
        .objective,
    ).toBeCloseTo(70, 9);
    // Without the option the same design cannot serve the demand.
    expect((await solveModel(handle, buildNetworkModel(inst, Uint8Array.from([0, 1])).model)).status).toBe(
      'infeasible',
    );
    expect(f.model.colNames.filter((c) => c.startsWith('unmet_'))).toEqual(['unmet_C1_u']);
  });
});

describe('two-stage network instances', () => {
  it('the extensive form finds the hand optimum; each design prices to its hand value', async () => {
    const handle = await testHandle();
    const problem = problemOf(TINY);
    const r = await solve(problem, { method: 'milp', handle });
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(134, 9);
    expect(r.lowerBound).toBeCloseTo(134, 6);
    expect(r.open).toEqual(['P2']);
    expect(r.scenarios).toEqual([
      { id: 'low', probability: 0.5, cost: expect.closeTo(72, 9), unmetDemand: expect.closeTo(0, 9) },
      { id: 'high', probability: 0.5, cost: expect.closeTo(196, 9), unmetDemand: expect.closeTo(6, 9) },
    ]);
    expect(r.costParts.unmetDemand).toBeCloseTo(60, 9);
    const hand: Record<string, number> = { '00': 200, '10': 150, '01': 134, '11': 189 };
    for (const [bits, cost] of Object.entries(hand)) {
      const ev = await problem.evaluate(handle, Uint8Array.from(bits, Number));
      expect(ev.cost, bits).toBeCloseTo(cost, 9);
    }
  });

  it('without recourse every scenario must be served: P2 alone cannot serve 14', async () => {
    const handle = await testHandle();
    const { recourse: _r, ...strict } = TINY;
    const problem = problemOf(strict);
    expect((await problem.evaluate(handle, Uint8Array.from([0, 1]))).feasible).toBe(false);
    const r = await solve(problem, { method: 'milp', handle });
    // P1 alone 150 vs both: low 172, high 16 + 30 + 160 = 206 -> 189.
    expect(r.objective).toBeCloseTo(150, 9);
    expect(r.open).toEqual(['P1']);
  });

  it('a scenario may scale any field the scenario mechanism selects', async () => {
    const handle = await testHandle();
    // Transport from P1 at twice the cost in the high scenario: P1 alone 130 / 100 + 14 x 10 = 240 -> 185.
    const doc = {
      ...TINY,
      scenarios: [
        TINY.scenarios[0],
        { ...TINY.scenarios[1], changes: [{ field: 'unitCost', select: { from: 'plant', node: 'C1' }, scale: 2 }] },
      ],
    };
    const problem = problemOf(doc);
    // P2 alone in high: 60 + 8 x 4 + 6 x 20 = 212 -> expected (72 + 212) / 2 = 142.
    expect((await problem.evaluate(handle, Uint8Array.from([0, 1]))).cost).toBeCloseTo(142, 9);
    expect((await problem.evaluate(handle, Uint8Array.from([1, 0]))).cost).toBeCloseTo(185, 9);
  });

  it('one scenario with probability 1 is the deterministic problem', async () => {
    const handle = await testHandle();
    const { scenarios: _s, recourse: _r, ...nominal } = TINY;
    const det = await solve(
      stochasticNetworkProblem(
        compileStochastic(
          parseNetworkDocument({ ...nominal, scenarios: [{ id: 'only', probability: 1 }] }, 'x.json'),
          'x.json',
        ),
      ),
      { handle },
    );
    const plain = await solveModel(handle, buildNetworkModel(networkFromData(nominal, 'x.json')).model);
    expect(det.objective).toBeCloseTo(plain.objective!, 9);
  });

  it('bad scenario data is a clear error', () => {
    const bad = (scenarios: unknown, expected: RegExp): void =>
      expect(() => problemOf({ ...TINY, scenarios })).toThrow(expected);
    bad(
      [
        { id: 'a', probability: 0.5 },
        { id: 'b', probability: 0.4 },
      ],
      /scenarios: probabilities summing to 1, got 0.9/,
    );
    bad(
      [
        { id: 'a', probability: 0.5 },
        { id: 'a', probability: 0.5 },
      ],
      /scenarios\[1\]\.id: a unique scenario id, 'a' repeats/,
    );
    bad(
      [{ id: 'a', probability: 1, demand: { Cx: { u: 3 } } }],
      /scenarios\[0\] \(a\)\.demand\.Cx: a node id, got "Cx" \(did you mean 'C1'\?\)/,
    );
    bad(
      [{ id: 'a', probability: 1, demand: { C1: { v: 3 } } }],
      /scenarios\[0\] \(a\)\.demand\.C1\.v: a product among u/,
    );
    bad(
      [{ id: 'a', probability: 1, supply: { P1: { u: [1, 2] } } }],
      /scenarios\[0\] \(a\)\.supply\.P1\.u: one value per period \(1\), got 2/,
    );
    bad(
      [{ id: 'a', probability: 1, changes: [{ field: 'unitCost', select: { node: 'Nope' }, scale: 2 }] }],
      /scenarios\[0\] \(a\)\.changes: .*Nope/,
    );
    bad([{ id: 'a', probability: 1.5 }], /probability/);
  });
});

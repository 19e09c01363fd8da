import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import type { Problem } from '../../src/core/problem.js';
import { maxIterations } from '../../src/core/stopping.js';
import { getMethod, methodNames } from '../../src/methods/registry.js';
import { solve } from '../../src/solve.js';
import { ORLIB_OPTIMA, testHandle } from '../helpers/fixtures.js';
import { orlibProblem } from '../helpers/load.js';
import { loadProblem } from '../../src/problems/load-problem.js';
import { CONTRACT } from '../problems/network/fixtures.js';
import { networkFromData, parseNetworkDocument } from '../../src/problems/network/reader.js';
import { networkProblem } from '../../src/problems/network/problem.js';
import { compileStochastic } from '../../src/problems/network/stochastic/instance.js';
import { stochasticNetworkProblem } from '../../src/problems/network/stochastic/problem.js';
import { ROOT } from '../helpers/fixtures.js';

const net = (name: string) => (): Promise<Problem> => loadProblem(`${ROOT}instances/network/${name}.json`);

/**
 * Two plants for one customer, two demand scenarios, unmet demand at 10 a unit:
 * A (fixed 50, unit cost 3, capacity 20), B (fixed 30, unit cost 1, capacity 10); demand 8
 * (probability 0.6) or 16 (0.4). Every design is feasible (a shortfall is priced). By hand:
 *   none:   low 8 x 10 = 80,        high 16 x 10 = 160             -> 0.6 x 80 + 0.4 x 160 = 112
 *   A:      low 50 + 8 x 3 = 74,    high 50 + 16 x 3 = 98          -> 44.4 + 39.2 = 83.6
 *   B:      low 30 + 8 x 1 = 38,    high 30 + 10 x 1 + 6 x 10 = 100 -> 22.8 + 40 = 62.8
 *   A + B:  low 80 + 8 = 88,        high 80 + 10 + 6 x 3 = 108     -> 52.8 + 43.2 = 96
 * Optimum 62.8: B alone (high scenario: the 6 units short cost 60, less than A's 50 + 6 x 3 = 68).
 */
const TWO_STAGE = {
  problem: 'network',
  name: 'conformance-two-stage',
  products: ['u'],
  nodes: [
    { id: 'A', echelon: 'plant', supply: { u: 100 }, fixedCost: 50, capacity: 20 },
    { id: 'B', echelon: 'plant', supply: { u: 100 }, fixedCost: 30, capacity: 10 },
    { id: 'C', echelon: 'customer', demand: { u: 8 } },
  ],
  arcs: [
    { from: 'A', to: 'C', unitCost: 3 },
    { from: 'B', to: 'C', unitCost: 1 },
  ],
  scenarios: [
    { id: 'low', probability: 0.6, demand: { C: { u: 8 } } },
    { id: 'high', probability: 0.4, demand: { C: { u: 16 } } },
  ],
  recourse: { unmetDemandPenalty: 10 },
};
const twoStage = (): Problem =>
  stochasticNetworkProblem(compileStochastic(parseNetworkDocument(TWO_STAGE, 'two-stage.json'), 'two-stage.json'));

interface Fixture {
  readonly label: string;
  readonly problem: () => Problem | Promise<Problem>;
  readonly optimum: number;
}

/** Small fixtures with known optima: each facility-location variant, networks, a two-stage network. */
const FIXTURES: readonly Fixture[] = [
  { label: 'cap41 cflp', problem: () => orlibProblem('cap41'), optimum: ORLIB_OPTIMA.cap41!.capacitated_opt! },
  {
    label: 'cap71 uflp',
    problem: () => orlibProblem('cap71', { variant: 'uflp' }),
    optimum: ORLIB_OPTIMA.cap71!.uncapacitated_opt,
  },
  {
    label: 'cap61 sscflp',
    problem: () => orlibProblem('cap61', { variant: 'sscflp' }),
    optimum: ORLIB_OPTIMA.cap61!.single_source_opt!,
  },
  // Network instances: the contract example (hand-computed optimum) and two papers (their published optima).
  {
    label: 'network contract demo',
    problem: () => networkProblem(networkFromData(CONTRACT, 'demo.json')),
    optimum: 37_829,
  },
  { label: 'network cap41 (contract form)', problem: net('cap41'), optimum: ORLIB_OPTIMA.cap41!.capacitated_opt! },
  { label: 'network jakarta-rln', problem: net('jakarta-rln'), optimum: 1_165_562_862_493.75 },
  { label: 'network java-recycling-option2', problem: net('java-recycling-option2'), optimum: -95_215_854_610.62 },
  { label: 'two-stage network (2 plants x 2 scenarios)', problem: twoStage, optimum: 62.8 },
];

const DETERMINISTIC = FIXTURES.map((f) => f.label).filter((l) => !l.startsWith('two-stage'));
const NO_LAGRANGIAN = [
  'network contract demo',
  'network jakarta-rln',
  'network java-recycling-option2',
  'two-stage network (2 plants x 2 scenarios)',
];

/**
 * Every pair a method does not support, with the reason it must give. Declared, not discovered:
 * a method that starts or stops supporting a fixture fails the suite until this table says so.
 */
const UNSUPPORTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  lagrangian: Object.fromEntries(NO_LAGRANGIAN.map((l) => [l, 'the problem offers no Lagrangian relaxation'])),
  lshaped: Object.fromEntries(DETERMINISTIC.map((l) => [l, 'not a two-stage problem (no scenarios or recourse)'])),
};

/** Methods that prove optimality; the others must only be feasible and bounded correctly. */
const EXACT = new Set(['milp', 'lshaped']);

const tol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));

const pairs = methodNames().flatMap((method) => FIXTURES.map((f) => ({ method, ...f })));
const supported = pairs.filter((p) => UNSUPPORTED[p.method]?.[p.label] === undefined);
const unsupported = pairs.filter((p) => UNSUPPORTED[p.method]?.[p.label] !== undefined);

describe('conformance: every method on every fixture', () => {
  it('the suite covers every registered method and every problem shape', () => {
    expect(methodNames().sort()).toEqual(['ga', 'hybrid', 'lagrangian', 'lshaped', 'milp']);
    expect(supported.length + unsupported.length).toBe(methodNames().length * FIXTURES.length);
  });

  it.each(supported)(
    '$method on $label: feasible, claimed objective = recomputed cost, lowerBound <= optimum <= objective',
    async ({ method, problem: make, optimum }) => {
      const problem = await make();
      expect(getMethod(method).unsupported(problem)).toBeNull();
      const res = await solve(problem, {
        method,
        seed: 1,
        handle: await testHandle(),
        timeLimit: 20,
        stop: maxIterations(60),
      });
      expect(['optimal', 'feasible']).toContain(res.status);
      expect(res.claimMismatch).toBe(false);
      const design = designFrom(
        res.design.length,
        res.design.flatMap((b, i) => (b ? [i] : [])),
      );
      expect(problem.violations(design, res.flows)).toEqual([]);
      // The method's own figure (HiGHS's objective, a search's price, the L-shaped incumbent's
      // value) against the cost recomputed here from the returned flows.
      expect(res.claimedObjective).not.toBeNull();
      const recomputed = problem.cost(design, res.flows).total;
      expect(Math.abs(res.claimedObjective! - recomputed)).toBeLessThanOrEqual(tol(recomputed));
      expect(res.objective!).toBeGreaterThanOrEqual(optimum - tol(optimum));
      if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(res.objective! + tol(res.objective!));
      if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(optimum + tol(optimum));
      if (res.claimedBound !== null) expect(res.claimedBound).toBeLessThanOrEqual(optimum + tol(optimum));
      if (EXACT.has(method)) {
        expect(res.status).toBe('optimal');
        expect(Math.abs(res.objective! - optimum)).toBeLessThan(tol(optimum));
      }
      expect(res.stats.length).toBeGreaterThan(0);
    },
  );

  it.each(unsupported)(
    '$method on $label is unsupported (declared): status error with the reason',
    async ({ method, label, problem: make }) => {
      const problem = await make();
      const reason = UNSUPPORTED[method]![label]!;
      expect(getMethod(method).unsupported(problem)).toBe(reason);
      const res = await solve(problem, { method, handle: await testHandle() });
      expect(res.status).toBe('error');
      expect(res.objective).toBeNull();
      expect(res.message).toContain(reason);
    },
  );
});

describe('the two-stage fixture', () => {
  it('prices every design to its hand value, and B alone is scenario-by-scenario what the comment says', async () => {
    const handle = await testHandle();
    const problem = twoStage();
    const hand: Record<string, number> = { '00': 112, '10': 83.6, '01': 62.8, '11': 96 };
    for (const [bits, cost] of Object.entries(hand)) {
      const ev = await problem.evaluate(handle, Uint8Array.from(bits, Number));
      expect(ev.cost, bits).toBeCloseTo(cost, 9);
    }
    const res = await solve(problem, { method: 'milp', handle });
    expect(res.open).toEqual(['B']);
    expect(res.scenarios).toEqual([
      { id: 'low', probability: 0.6, cost: expect.closeTo(38, 9), unmetDemand: expect.closeTo(0, 9) },
      { id: 'high', probability: 0.4, cost: expect.closeTo(100, 9), unmetDemand: expect.closeTo(6, 9) },
    ]);
  });
});

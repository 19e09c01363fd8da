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
import { networkFromData } from '../../src/problems/network/reader.js';
import { networkProblem } from '../../src/problems/network/problem.js';
import { ROOT } from '../helpers/fixtures.js';

const net = (name: string) => (): Promise<Problem> => loadProblem(`${ROOT}instances/network/${name}.json`);

/** Fixtures with known optima: one per facility-location variant, and network instances. */
const FIXTURES: Array<{ label: string; problem: () => Problem | Promise<Problem>; optimum: number }> = [
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
];
const tol = (v: number): number => 1e-6 * Math.max(1, Math.abs(v));

/** Methods that prove optimality; the others must only be feasible and bounded correctly. */
const EXACT = new Set(['milp']);

describe.each(methodNames())('conformance of method %s', (name) => {
  it.each(FIXTURES)(
    '$label: feasible, objective recomputed, lowerBound <= objective (or unsupported, with a reason)',
    async ({ problem: make, optimum }) => {
      const problem = await make();
      const unsupported = getMethod(name).unsupported(problem);
      if (unsupported !== null) {
        // Excluded by name, and the result says why instead of pretending to solve.
        const res = await solve(problem, { method: name, handle: await testHandle() });
        expect(res.status).toBe('error');
        expect(res.message).toContain(unsupported);
        return;
      }
      const res = await solve(problem, {
        method: name,
        seed: 1,
        handle: await testHandle(),
        timeLimit: 20,
        stop: maxIterations(60),
      });
      expect(['optimal', 'feasible']).toContain(res.status);
      const design = designFrom(
        res.design.length,
        res.design.flatMap((b, i) => (b ? [i] : [])),
      );
      expect(problem.violations(design, res.flows)).toEqual([]);
      expect(Math.abs(problem.cost(design, res.flows).total - res.objective!)).toBeLessThan(tol(res.objective!));
      expect(res.objective!).toBeGreaterThanOrEqual(optimum - tol(optimum));
      if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(res.objective! + tol(res.objective!));
      if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(optimum + tol(optimum));
      if (EXACT.has(name)) {
        expect(res.status).toBe('optimal');
        expect(Math.abs(res.objective! - optimum)).toBeLessThan(tol(optimum));
      }
      expect(res.stats.length).toBeGreaterThan(0);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import type { Problem } from '../../src/core/problem.js';
import { maxIterations } from '../../src/core/stopping.js';
import { getMethod, methodNames } from '../../src/methods/registry.js';
import { solve } from '../../src/solve.js';
import { ORLIB_OPTIMA, testHandle } from '../helpers/fixtures.js';
import { orlibProblem } from '../helpers/load.js';

/** Fixtures with known optima: one per facility-location variant. */
const FIXTURES: Array<{ label: string; problem: () => Problem; optimum: number }> = [
  { label: 'cap41 cflp', problem: () => orlibProblem('cap41'), optimum: ORLIB_OPTIMA.cap41!.capacitated_opt! },
  { label: 'cap71 uflp', problem: () => orlibProblem('cap71', { variant: 'uflp' }), optimum: ORLIB_OPTIMA.cap71!.uncapacitated_opt },
  { label: 'cap61 sscflp', problem: () => orlibProblem('cap61', { variant: 'sscflp' }), optimum: ORLIB_OPTIMA.cap61!.single_source_opt! },
];

/** Methods that prove optimality; the others must only be feasible and bounded correctly. */
const EXACT = new Set(['milp']);

describe.each(methodNames())('conformance of method %s', (name) => {
  it.each(FIXTURES)('$label: feasible, objective recomputed, lowerBound <= objective', async ({ problem: make, optimum }) => {
    const problem = make();
    if (getMethod(name).unsupported(problem)) return; // excluded by name: the method says why
    const res = await solve(problem, { method: name, seed: 1, handle: await testHandle(), timeLimit: 20, stop: maxIterations(60) });
    expect(['optimal', 'feasible']).toContain(res.status);
    const design = designFrom(res.design.length, res.design.flatMap((b, i) => (b ? [i] : [])));
    expect(problem.violations(design, res.flows)).toEqual([]);
    expect(problem.cost(design, res.flows).total).toBeCloseTo(res.objective!, 6);
    expect(res.objective!).toBeGreaterThanOrEqual(optimum - 1e-6 * optimum);
    if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(res.objective! + 1e-9 * res.objective!);
    if (res.lowerBound !== null) expect(res.lowerBound).toBeLessThanOrEqual(optimum * (1 + 1e-9));
    if (EXACT.has(name)) {
      expect(res.status).toBe('optimal');
      expect(Math.abs(res.objective! - optimum) / optimum).toBeLessThan(1e-6);
    }
    expect(res.stats.length).toBeGreaterThan(0);
  });
});

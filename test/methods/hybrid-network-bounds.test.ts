import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkFromData } from '../../src/problems/network/reader.js';
import { networkProblem } from '../../src/problems/network/problem.js';
import { solve } from '../../src/solve.js';
import { ROOT, testHandle } from '../helpers/fixtures.js';

describe('hybrid on a network with neither a Lagrangian nor a structure bound', () => {
  it('certifies the Jakarta optimum through LP, Benders and MILP bounds when a capacity hides the decomposition', async () => {
    const doc = JSON.parse(readFileSync(`${ROOT}instances/network/jakarta-rln.json`, 'utf8')) as {
      nodes: { id: string; capacity?: number }[];
    };
    // A non-binding capacity breaks the uncapacitated structure the decomposition bound needs.
    doc.nodes.find((n) => n.id === 'RMC-1')!.capacity = 1e12;
    const problem = networkProblem(networkFromData(doc, 'jakarta-capacitated.json'));
    expect(problem.bound).toBeUndefined();
    expect(problem.lagrangian).toBeUndefined();
    const res = await solve(problem, { method: 'hybrid', handle: await testHandle(), seed: 1, timeLimit: 60 });
    expect(res.status).toBe('optimal');
    expect(Math.abs(res.objective! - 1_165_562_862_493.75) / 1.2e12).toBeLessThan(1e-9);
    const phases = res.stats.map((r) => r.method);
    expect(phases.some((p) => p.startsWith('hybrid:benders'))).toBe(true);
    expect(phases).toContain('hybrid:milp-bound');
  });
});

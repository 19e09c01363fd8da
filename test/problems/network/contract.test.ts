import { describe, expect, it } from 'vitest';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { CONTRACT } from './fixtures.js';

describe('the network contract example', () => {
  it('solves to 27022 + 9674 + 11 x (43 + 60) = 37,829 with P1 and D1 open, by every method', async () => {
    const handle = await testHandle();
    const problem = networkProblem(networkFromData(CONTRACT, 'demo.json'));
    for (const method of ['milp', 'ga', 'hybrid']) {
      const res = await solve(problem, { handle, method, seed: 1, timeLimit: 10 });
      expect(res.objective).toBe(37829);
      expect(res.open).toEqual(['P1', 'D1']);
    }
  });
  it('an instance whose capacity is below demand says why', async () => {
    const handle = await testHandle();
    const doc = structuredClone(CONTRACT) as { nodes: Record<string, unknown>[] };
    doc.nodes[2] = { ...doc.nodes[2]!, demand: { u: 150 } };
    const res = await solve(networkProblem(networkFromData(doc, 'demo.json')), { handle });
    expect(res.status).toBe('infeasible');
    expect(res.message).toContain('product u: open capacity at echelon depot 104 < demand 150');
  });
});

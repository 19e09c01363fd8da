import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom, type Design } from '../../../src/core/design.js';
import { preciseSum } from '../../../src/core/numeric.js';
import { javaAccount } from '../../../src/problems/java-recycling/cost.js';
import type { JavaFlows } from '../../../src/problems/java-recycling/flows.js';
import type { JavaInstance } from '../../../src/problems/java-recycling/instance.js';
import { javaRecyclingProblem } from '../../../src/problems/java-recycling/problem.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { arbJavaInstance } from './random-instance.js';

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** Best design by pricing every non-empty design with the exact flow LP. */
async function enumerate(inst: JavaInstance): Promise<number> {
  const problem = javaRecyclingProblem(inst);
  const handle = await testHandle();
  const R = inst.facilities.length;
  let best = Infinity;
  for (let mask = 1; mask < 1 << R; mask++) {
    const ev = await problem.evaluate(handle, designFrom(R, [...Array(R).keys()].filter((r) => mask & (1 << r))));
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

/** Inventory balance (11)-(13) checked directly, per facility, metal and period, and stock >= 0. */
function balanceHolds(inst: JavaInstance, flows: JavaFlows): boolean {
  return inst.facilities.every((_, r) =>
    inst.metals.every((_k, ki) =>
      [...Array(inst.periods).keys()].every((t) => {
        const stock = flows.inventory[r]![ki]![t]!;
        const prev = t > 0 ? flows.inventory[r]![ki]![t - 1]! : 0;
        const sent = flows.ship[r]!.reduce((s, byK) => s + byK[ki]![t]!, 0);
        return stock >= -1e-7 && Math.abs(sent + stock - flows.production[r]![ki]![t]! - prev) <= 1e-6;
      }),
    ),
  );
}

describe('java-recycling on small random instances', () => {
  it('MILP optimum equals enumeration over designs with the exact flow LP', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJavaInstance(), async (inst) => {
        const res = await solve(javaRecyclingProblem(inst), { handle });
        const brute = await enumerate(inst);
        if (!Number.isFinite(brute)) return res.status === 'infeasible';
        return res.status === 'optimal' && close(res.objective!, brute);
      }),
      { numRuns: 30, seed: 5 },
    );
  });

  it('inventory never negative and balanced every period; objective = sum of parts = -(revenue - costs)', async () => {
    const handle = await testHandle();
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(arbJavaInstance(), async (inst) => {
        const problem = javaRecyclingProblem(inst);
        const res = await solve(problem, { handle });
        if (res.status !== 'optimal') return res.status === 'infeasible';
        feasible++;
        const design: Design = designFrom(res.design.length, res.design.flatMap((b, i) => (b ? [i] : [])));
        const flows = res.flows as JavaFlows;
        const { total, parts } = problem.cost(design, flows);
        const account = javaAccount(inst, design, flows);
        const costs = preciseSum(Object.entries(parts).filter(([k]) => k !== 'revenue').map(([, v]) => v));
        return (
          balanceHolds(inst, flows) &&
          problem.violations(design, flows).length === 0 &&
          close(total, preciseSum(Object.values(parts))) &&
          close(-total, account.revenue - costs) &&
          close(-total, account.profit) &&
          close(parts.revenue!, -account.revenue) &&
          // The solver's bound agrees with the objective recomputed from the flows.
          close(res.lowerBound!, total)
        );
      }),
      { numRuns: 30, seed: 11 },
    );
    expect(feasible).toBeGreaterThan(5);
  });
});

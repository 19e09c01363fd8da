import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/design.js';
import { objectiveAt } from '../../../src/exact/linear-model.js';
import { solve } from '../../../src/solve.js';
import { xBit, yBit } from '../../../src/problems/inventory-location/design-bits.js';
import { flowAccess, type IlFlows } from '../../../src/problems/inventory-location/flows.js';
import { param, withChanges, type IlInstance } from '../../../src/problems/inventory-location/instance.js';
import { buildIlMilp, evaluateIlDesign, inventoryLocationProblem } from '../../../src/problems/inventory-location/problem.js';
import { range } from '../../../src/problems/inventory-location/shape.js';
import { verifyByEnumeration } from '../../../src/verify/enumeration.js';
import { testHandle } from '../../helpers/fixtures.js';
import { arbIlInstance } from './random-il.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** An instance and a design that respects (12)-(13): per centre, closed or one technology. */
const arbInstanceAndDesign = arbIlInstance().chain((inst) =>
  fc
    .array(fc.integer({ min: 0, max: inst.sizes.K }), { minLength: inst.sizes.R + inst.sizes.U, maxLength: inst.sizes.R + inst.sizes.U })
    .map((choice): [IlInstance, Design] => {
      const d = new Uint8Array((inst.sizes.R + inst.sizes.U) * inst.sizes.K);
      choice.forEach((c, site) => {
        if (c > 0) d[site * inst.sizes.K + c - 1] = 1;
      });
      return [inst, d];
    }),
);

/**
 * Checks written here, not taken from violations.ts: stocks >= 0 and balanced as (7), (9), (11),
 * demand (14) met, and nothing at all moves through or sits in a closed centre.
 */
function flowProblems(inst: IlInstance, design: Design, flows: IlFlows): string[] {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const q = flowAccess(inst.sizes, flows);
  const bad: string[] = [];
  const eq = (a: number, b: number, what: string) => Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b)) && bad.push(`${what}: ${a} != ${b}`);
  for (const [name, values] of Object.entries(flows)) values.forEach((v, n) => v < -1e-9 && bad.push(`${name}[${n}] = ${v} < 0`));
  for (const k of range(K)) for (const t of range(T)) {
    for (const p of range(P)) {
      for (const r of range(R)) {
        const inflow = range(I).reduce((s, i) => s + q.QI(p, k, i, r, t), 0) * (1 - param(inst, 'CR', p, k, r, t));
        const out = range(U).reduce((s, u) => s + q.QR(p, k, r, u, t), 0);
        eq(q.IR(p, k, r, t), q.IR(p, k, r, t - 1) + inflow - out, `IR balance p${p} k${k} r${r} t${t}`);
        if (!design[xBit(inst, r, k)]) eq(range(I).reduce((s, i) => s + q.QI(p, k, i, r, t), 0) + out + q.IR(p, k, r, t), 0, `closed repair r${r} k${k}`);
      }
      for (const u of range(U)) {
        const inflow = range(R).reduce((s, r) => s + q.QR(p, k, r, u, t), 0);
        eq(q.IpU(p, k, u, t), q.IpU(p, k, u, t - 1) + inflow - q.CU(p, k, u, t), `IpU balance p${p} k${k} u${u} t${t}`);
        if (!design[yBit(inst, u, k)]) eq(inflow + q.CU(p, k, u, t) + q.IpU(p, k, u, t), 0, `closed recycling u${u} k${k}`);
      }
    }
    for (const o of range(O)) for (const u of range(U)) {
      const made = range(P).reduce((s, p) => s + param(inst, 'A', p, k, o) * q.CU(p, k, u, t), 0);
      const out = range(M).reduce((s, m) => s + q.QU(o, k, u, m, t), 0);
      eq(q.IoU(o, k, u, t), q.IoU(o, k, u, t - 1) + made - out, `IoU balance o${o} k${k} u${u} t${t}`);
      if (!design[yBit(inst, u, k)]) eq(out + q.IoU(o, k, u, t), 0, `closed recycling u${u} k${k} ships components`);
    }
    for (const m of range(M)) {
      const got = range(O).reduce((s, o) => s + range(U).reduce((a, u) => a + q.QU(o, k, u, m, t), 0), 0);
      const need = range(O).reduce((s, o) => s + param(inst, 'DM', o, k, m, t), 0);
      if (got < need - 1e-6) bad.push(`plant m${m} k${k} t${t} gets ${got} < ${need}`);
    }
  }
  return bad;
}

describe('inventory-location model size', () => {
  it('has the column and row counts the paper\'s index sets give, for any shape', () => {
    fc.assert(
      fc.property(arbIlInstance({ I: 3, R: 3, U: 3, M: 3, K: 3, P: 2, O: 3, T: 4 }), (inst) => {
        const { I, R, U, M, K, P, O, T } = inst.sizes;
        const { model } = buildIlMilp(inst);
        const flows = T * K * (P * I * R + P * R * U + O * U * M + P * U + P * R + P * U + O * U);
        const stages = T * K * (P * R + P * U + O * U); // (1)-(3), and again (7), (9), (11)
        const rows = 2 * stages + T * K * (R + U) + R + U + M * K * T + P * K * I * R * T;
        return model.colNames.length === K * (R + U) + flows && model.rowNames.length === rows;
      }),
      { numRuns: 50, seed: 1 },
    );
  });
});

describe('inventory-location on random small instances (real HiGHS)', () => {
  it('MILP optimum equals enumeration of every design, and all solutions satisfy every row', async () => {
    const handle = await testHandle();
    let choices = 0;
    await fc.assert(
      fc.asyncProperty(arbIlInstance({ T: 2 }, { R: 2, U: 2 }), async (inst) => {
        const v = await verifyByEnumeration(inventoryLocationProblem(inst), handle);
        if (v.feasibleDesigns > 1) choices++;
        return v.agree && (v.best === null || v.milp.rowsSatisfied === v.rows);
      }),
      { numRuns: 10, seed: 6 },
    );
    expect(choices).toBeGreaterThan(4); // most instances had a real choice between feasible designs
  });

  it('priced flows of any design: stocks >= 0 and balanced, demand met, closed centres empty, cost = Σ parts = model objective', async () => {
    const handle = await testHandle();
    let feasible = 0;
    await fc.assert(
      fc.asyncProperty(arbInstanceAndDesign, async ([inst, design]) => {
        const ev = await evaluateIlDesign(handle, inst, design);
        if (!ev.feasible) return ev.flows === null && ev.cost === Infinity && typeof ev.reason === 'string';
        feasible++;
        const problem = inventoryLocationProblem(inst);
        const cost = problem.cost(design, ev.flows!);
        const f = buildIlMilp(inst);
        const sum = Object.values(cost.parts).reduce((a, b) => a + b, 0);
        return (
          flowProblems(inst, design, ev.flows!).length === 0 &&
          problem.violations(design, ev.flows!).length === 0 &&
          close(sum, cost.total) &&
          close(ev.cost, cost.total) &&
          close(objectiveAt(f.model, f.encode(design, ev.flows!)), cost.total)
        );
      }),
      { numRuns: 60, seed: 11 },
    );
    expect(feasible).toBeGreaterThan(5); // the property was exercised, not vacuously true
  });

  it('relaxing integer flows never raises the optimum (full MILP and fixed designs)', async () => {
    const handle = await testHandle();
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(arbInstanceAndDesign, async ([inst, design]) => {
        const relaxed = withChanges(inst, { integerFlows: false });
        const full = await solve(inventoryLocationProblem(inst), { handle });
        const fullLp = await solve(inventoryLocationProblem(relaxed), { handle });
        if (full.status !== 'optimal') return full.status === 'infeasible' || fullLp.status === 'optimal';
        compared++;
        const ev = await evaluateIlDesign(handle, inst, design);
        const evLp = await evaluateIlDesign(handle, relaxed, design);
        const designOk = !ev.feasible || (evLp.feasible && evLp.cost <= ev.cost + 1e-6);
        return fullLp.status === 'optimal' && fullLp.objective! <= full.objective! + 1e-6 && designOk;
      }),
      { numRuns: 25, seed: 5 },
    );
    expect(compared).toBeGreaterThan(3);
  });
});

import type { Design } from '../../core/design.js';
import type { HighsHandle } from '../../exact/highs-handle.js';
import { GrowingLp, type NewColumn } from '../../exact/growing-lp.js';
import { LinearModelBuilder } from '../../exact/linear-model.js';
import { allocationFrom, type Allocation } from './allocation.js';
import { totalDemand, type FacilityLocationInstance } from './instance.js';

/** Arcs per customer in the first restricted LP (its cheapest open sites). */
const NEAREST = 6;
/** At most this many priced-out arcs join per round (the most negative first). */
const MAX_NEW_ARCS = 20_000;
const RC_TOL = 1e-7;

/**
 * Exact CFLP allocation for large instances, where the full transportation LP (sites x customers
 * columns) does not fit the 2 GiB WebAssembly heap. The LP starts with each customer's
 * `nearest` cheapest open sites plus an artificial "unserved" column of cost M, and grows by
 * column generation: with row duals u_j (demand) and w_i (capacity), an arc left out has reduced
 * cost c_ij - u_j - d_j w_i; arcs with a negative one are added and the LP re-solved warm, until
 * none is left. If an artificial stays positive, M is raised tenfold (the open capacity covers
 * the demand, so the full LP is feasible and a large enough M never pays). The final solution is
 * optimal for the full LP — tested against it on small instances.
 */
export async function priceRestricted(handle: HighsHandle, inst: FacilityLocationInstance, design: Design, nearest = NEAREST): Promise<Allocation | null> {
  const n = inst.customers.length;
  const open = inst.sites.map((_, i) => i).filter((i) => design[i]);
  const capacity = open.reduce((a, i) => a + inst.sites[i]!.capacity, 0);
  if (open.length === 0 || capacity < totalDemand(inst) - 1e-9) return null;
  const capRow = new Map(open.map((i, r) => [i, n + r]));
  let maxCost = 0;
  for (const i of open) for (let j = 0; j < n; j++) maxCost = Math.max(maxCost, inst.allocCost[i * n + j]!);
  let bigM = 10 * maxCost + 1;

  // Base LP: artificials only (columns 0..n-1), demand rows then capacity rows.
  const b = new LinearModelBuilder(`${inst.name}-restricted`);
  const art = inst.customers.map((_, j) => b.addVar(`u${j}`, { cost: bigM }));
  inst.customers.forEach((_, j) => b.addEq(`d${j}`, { vars: [art[j]!], coefs: [1] }, 1));
  for (const i of open) b.addLe(`c${i}`, { vars: [], coefs: [] }, inst.sites[i]!.capacity);
  const lp = new GrowingLp(handle, b.build());
  const arcs: number[] = []; // column n + k holds arc arcs[k] = i * n + j
  const inLp = new Set<number>();
  const column = (a: number): NewColumn => {
    const i = Math.floor(a / n);
    const j = a % n;
    return { cost: inst.allocCost[a]!, lower: 0, upper: Infinity, rows: [j, capRow.get(i)!], coefs: [1, inst.customers[j]!.demand] };
  };
  const add = async (list: number[]): Promise<void> => {
    for (const a of list) inLp.add(a);
    arcs.push(...list);
    await lp.addColumns(list.map(column));
  };
  try {
    const first: number[] = [];
    const order = [...open];
    for (let j = 0; j < n; j++) {
      order.sort((a, c) => inst.allocCost[a * n + j]! - inst.allocCost[c * n + j]! || a - c);
      for (const i of order.slice(0, nearest)) first.push(i * n + j);
    }
    await add(first);
    for (let attempt = 0; attempt < 12; attempt++) {
      for (let round = 0; round < 500; round++) {
        const sol = await lp.solve();
        if (sol.status !== 'optimal' || !sol.values || !sol.rowDuals) return null;
        const duals = sol.rowDuals;
        const fresh: Array<[number, number]> = [];
        for (const i of open) {
          const wi = duals[capRow.get(i)!]!;
          for (let j = 0; j < n; j++) {
            const a = i * n + j;
            if (inLp.has(a)) continue;
            const rc = inst.allocCost[a]! - duals[j]! - inst.customers[j]!.demand * wi;
            if (rc < -RC_TOL * Math.max(1, Math.abs(duals[j]!))) fresh.push([rc, a]);
          }
        }
        if (fresh.length === 0) {
          if (!art.some((col) => sol.values![col]! > 1e-9)) {
            return allocationFrom(arcs.map((a) => Math.floor(a / n)), arcs.map((a) => a % n), arcs.map((_, k) => sol.values![n + k]!));
          }
          break; // optimal for this M but an artificial pays: raise M
        }
        fresh.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        await add(fresh.slice(0, MAX_NEW_ARCS).map(([, a]) => a));
      }
      bigM *= 10;
      await lp.setCosts(art, art.map(() => bigM));
    }
  } finally {
    lp.dispose();
  }
  throw new Error(`${inst.name}: restricted allocation LP did not settle (column generation or big-M limit)`);
}

import type { Design } from '../../core/design.js';
import { allocationFrom, type Allocation } from './allocation.js';
import type { FacilityLocationInstance } from './instance.js';

/** Improvement passes (shift a customer to a cheaper open site with room) after the greedy. */
const SHIFT_PASSES = 3;

/**
 * A single-source assignment of the design's open sites without a solver (a generalised
 * assignment heuristic): customers by decreasing regret (second-cheapest minus cheapest open
 * site, larger demand first on ties) go to their cheapest site with room; a customer that fits
 * nowhere makes room by moving one customer of a site to another site with room (an ejection);
 * then cheaper shifts while they exist. Null when it finds no feasible assignment (the design
 * may still have one). Used where the exact single-source pricing (a MIP) finds none in its time.
 */
export function greedySingleSource(inst: FacilityLocationInstance, design: Design): Allocation | null {
  const m = inst.sites.length;
  const n = inst.customers.length;
  const open = [...Array(m).keys()].filter((i) => design[i]);
  if (open.length === 0) return null;
  const c = (i: number, j: number): number => inst.allocCost[i * n + j]!;
  const d = inst.customers.map((x) => x.demand);
  const room = Float64Array.from(inst.sites, (s, i) => (design[i] ? s.capacity : 0));
  const at = new Int32Array(n).fill(-1);
  // Sites by cost per customer, cheapest first (the open ones only).
  const ranked = inst.customers.map((_, j) => [...open].sort((a, b) => c(a, j) - c(b, j) || a - b));
  const regret = ranked.map((r, j) => (r.length > 1 ? c(r[1]!, j) - c(r[0]!, j) : Infinity));
  const order = [...Array(n).keys()].sort((a, b) => regret[b]! - regret[a]! || d[b]! - d[a]! || a - b);
  const fits = (i: number, j: number): boolean => room[i]! >= d[j]! - 1e-9;
  const place = (i: number, j: number): void => {
    if (at[j]! >= 0) room[at[j]!]! += d[j]!;
    at[j] = i;
    room[i]! -= d[j]!;
  };
  const members = (i: number): number[] => [...Array(n).keys()].filter((k) => at[k] === i);
  for (const j of order) {
    const direct = ranked[j]!.find((i) => fits(i, j));
    if (direct !== undefined) {
      place(direct, j);
      continue;
    }
    // Ejection: at the cheapest site where moving one customer k elsewhere frees enough room.
    let done = false;
    for (const i of ranked[j]!) {
      for (const k of members(i)) {
        if (room[i]! + d[k]! < d[j]! - 1e-9) continue;
        const to = ranked[k]!.find((h) => h !== i && fits(h, k));
        if (to === undefined) continue;
        place(to, k);
        place(i, j);
        done = true;
        break;
      }
      if (done) break;
    }
    if (!done) return null;
  }
  for (let pass = 0; pass < SHIFT_PASSES; pass++) {
    let moved = false;
    for (let j = 0; j < n; j++) {
      for (const i of ranked[j]!) {
        if (i === at[j] || c(i, j) >= c(at[j]!, j)) break; // ranked: no cheaper site beyond
        if (fits(i, j)) {
          place(i, j);
          moved = true;
          break;
        }
      }
    }
    if (!moved) break;
  }
  return allocationFrom([...at], [...Array(n).keys()], new Array<number>(n).fill(1));
}

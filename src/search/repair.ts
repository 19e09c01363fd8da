import type { Design } from '../core/design.js';
import { siteFixedCosts, type Problem } from '../core/problem.js';
import type { Rng } from './rng.js';

/**
 * Makes a design structurally feasible: every 'exactly-one' group has one member open, every
 * 'at-most-one' group at most one, the open cap holds, something is open, and the open capacity
 * covers total demand. `score[i]` (lower = more attractive, e.g. a Lagrangian reduced cost or
 * fixed cost per unit of capacity) decides which bits to keep or open; ties are broken at random.
 */
export function repair(problem: Problem, design: Design, rng: Rng, score?: ArrayLike<number>): Design {
  const d = Uint8Array.from(design);
  const { space } = problem;
  const fallback = score ? null : siteScores(problem);
  const s = (i: number): number => (score ? score[i]! : fallback![i]!);
  const grouped = new Set<number>();
  for (const g of space.groups) {
    for (const i of g.members) grouped.add(i);
    const open = g.members.filter((i) => d[i]);
    if (open.length > 1) {
      const keep = pickBest(open, s, rng);
      for (const i of open) d[i] = i === keep ? 1 : 0;
    } else if (open.length === 0 && g.rule === 'exactly-one') {
      d[pickBest([...g.members], s, rng)] = 1;
    }
  }
  const free = [...Array(space.size).keys()].filter((i) => !grouped.has(i));
  const count = (): number => d.reduce((a, b) => a + b, 0);
  if (space.maxOpen !== undefined) {
    // Close the least attractive free bits until the cap holds.
    const open = free.filter((i) => d[i]).sort((a, b) => s(b) - s(a));
    while (count() > space.maxOpen && open.length > 0) d[open.shift()!] = 0;
  }
  if (count() === 0 && free.length > 0) d[pickBest(free, s, rng)] = 1;
  // Without a capacity hint (capacity per product and period, or none) only pricing can tell.
  const siteCapacity = problem.hints?.siteCapacity;
  const demand = problem.hints?.totalDemand ?? 0;
  const capacity = (): number => (siteCapacity ?? []).reduce((acc, c, i) => acc + (d[i] ? c : 0), 0);
  while (siteCapacity && demand > 0 && capacity() < demand) {
    const closed = free.filter((i) => !d[i]);
    if (closed.length === 0 || (space.maxOpen !== undefined && count() >= space.maxOpen)) break;
    // Prefer attractive sites, among the three best at random, so repairs do not all agree.
    closed.sort((a, b) => s(a) - s(b));
    d[closed[rng.int(Math.min(3, closed.length))]!] = 1;
  }
  return d;
}

/**
 * Per-bit attractiveness from the search hints (lower = better): fixed cost per unit of capacity
 * where a capacity is hinted (cheap, roomy sites first), else the fixed cost, else 0 (no preference).
 */
export function siteScores(problem: Pick<Problem, 'hints' | 'space'>): number[] {
  const cap = problem.hints?.siteCapacity;
  return siteFixedCosts(problem).map((f, i) => {
    const c = cap?.[i];
    return c !== undefined && Number.isFinite(c) && c > 0 ? f / c : f;
  });
}

function pickBest(candidates: number[], score: (i: number) => number, rng: Rng): number {
  let best = score(candidates[0]!);
  for (const i of candidates) best = Math.min(best, score(i));
  const ties = candidates.filter((i) => score(i) === best);
  return ties[rng.int(ties.length)]!;
}

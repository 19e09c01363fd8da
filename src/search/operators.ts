import type { Design, DesignSpace } from '../core/design.js';
import { comparableCost, type Scored } from './evaluator.js';
import type { Rng } from './rng.js';

/** Tournament selection of size k (lower cost wins; infeasible designs lose to feasible ones). */
export function tournament(pop: readonly Scored[], rng: Rng, k = 2): Scored {
  let best = pop[rng.int(pop.length)]!;
  for (let t = 1; t < k; t++) {
    const c = pop[rng.int(pop.length)]!;
    if (comparableCost(c.evaluation.cost) < comparableCost(best.evaluation.cost)) best = c;
  }
  return best;
}

/** Uniform crossover; a group's bits come from one parent together, so its choice stays whole. */
export function uniformCrossover(space: DesignSpace, a: Design, b: Design, rng: Rng): Design {
  const child = new Uint8Array(space.size);
  const grouped = new Set<number>();
  for (const g of space.groups) {
    const from = rng.next() < 0.5 ? a : b;
    for (const i of g.members) {
      child[i] = from[i]!;
      grouped.add(i);
    }
  }
  for (let i = 0; i < space.size; i++) if (!grouped.has(i)) child[i] = rng.next() < 0.5 ? a[i]! : b[i]!;
  return child;
}

/**
 * Bit-flip mutation with rate `rate` per free bit; a group changes its chosen member with rate
 * `rate` x group size.
 */
export function mutate(space: DesignSpace, d: Design, rate: number, rng: Rng): Design {
  const out = Uint8Array.from(d);
  const grouped = new Set<number>();
  for (const g of space.groups) {
    for (const i of g.members) grouped.add(i);
    if (rng.next() < rate * g.members.length) {
      for (const i of g.members) out[i] = 0;
      out[g.members[rng.int(g.members.length)]!] = 1;
    }
  }
  for (let i = 0; i < space.size; i++) {
    if (grouped.has(i) || rng.next() >= rate) continue;
    out[i] = out[i] ? 0 : 1;
  }
  return out;
}

/** A random design with each free bit open with probability `p`. */
export function randomDesign(space: DesignSpace, p: number, rng: Rng): Design {
  const d = new Uint8Array(space.size);
  for (let i = 0; i < space.size; i++) d[i] = rng.next() < p ? 1 : 0;
  return d;
}

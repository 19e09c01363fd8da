import type { Design } from '../core/design.js';
import type { DesignSpace } from '../core/design.js';

/** Which move produced a neighbour (kept for statistics). */
export type MoveKind = 'drop' | 'add' | 'swap' | 'group';

/** A neighbouring design and the move that made it. */
export interface Neighbour {
  readonly move: MoveKind;
  readonly design: Design;
}

/** Bits that belong to no group (free to open or close). */
export function freeBits(space: DesignSpace): number[] {
  const grouped = new Set(space.groups.flatMap((g) => g.members));
  return [...Array(space.size).keys()].filter((i) => !grouped.has(i));
}

/**
 * Single-bit moves on free bits: close one open bit, open one closed bit. With a `limit`, only
 * the `limit` least attractive open bits (to drop) and most attractive closed bits (to add) by
 * `score` are tried, which keeps a move round affordable on designs with hundreds of sites.
 */
export function dropAddMoves(space: DesignSpace, d: Design, score?: ArrayLike<number>, limit = Infinity): Neighbour[] {
  const out: Neighbour[] = [];
  let bits = freeBits(space);
  if (score && bits.length > limit) {
    const by = (a: number, b: number): number => score[a]! - score[b]! || a - b;
    const open = bits
      .filter((i) => d[i])
      .sort(by)
      .reverse()
      .slice(0, limit);
    const closed = bits
      .filter((i) => !d[i])
      .sort(by)
      .slice(0, limit);
    bits = [...open, ...closed].sort((a, b) => a - b);
  }
  for (const i of bits) {
    const n = Uint8Array.from(d);
    n[i] = d[i] ? 0 : 1;
    out.push({ move: d[i] ? 'drop' : 'add', design: n });
  }
  return out;
}

/**
 * Swap moves: close an open free bit and open one of the `limit` most attractive closed free
 * bits (by `score`, lower first). The limit keeps the neighbourhood linear in the number of sites.
 */
export function swapMoves(space: DesignSpace, d: Design, score: ArrayLike<number>, limit: number): Neighbour[] {
  const free = freeBits(space);
  const closed = free
    .filter((i) => !d[i])
    .sort((a, b) => score[a]! - score[b]! || a - b)
    .slice(0, limit);
  const out: Neighbour[] = [];
  for (const i of free.filter((k) => d[k])) {
    for (const k of closed) {
      const n = Uint8Array.from(d);
      n[i] = 0;
      n[k] = 1;
      out.push({ move: 'swap', design: n });
    }
  }
  return out;
}

/** Group moves: change the chosen member of a group (or, for at-most-one, open/close it). */
export function groupMoves(space: DesignSpace, d: Design): Neighbour[] {
  const out: Neighbour[] = [];
  for (const g of space.groups) {
    const current = g.members.filter((i) => d[i]);
    for (const k of g.members) {
      if (d[k]) continue;
      const n = Uint8Array.from(d);
      for (const i of current) n[i] = 0;
      n[k] = 1;
      out.push({ move: 'group', design: n });
    }
    if (g.rule === 'at-most-one' && current.length > 0) {
      const n = Uint8Array.from(d);
      for (const i of current) n[i] = 0;
      out.push({ move: 'group', design: n });
    }
  }
  return out;
}

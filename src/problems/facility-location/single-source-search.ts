import { breathe } from '../../search/breathe.js';
import { totalDemand, type FacilityLocationInstance } from './instance.js';
import { SingleSourceAssigner } from './single-source-assignment.js';

/** Drop and add candidates priced per round (the best by estimate). */
const CANDIDATES = 6;
/** Swap pairs priced per round: the best few by estimate, then more when those fail. */
const SWAP_PAIRS = [24, 120] as const;
/** Kicks in a row without a new best before the search stops (the deadline may stop it first). */
const MAX_KICKS = 40;

/** Subgradient rounds of the assignment heuristic per design in the descent, and for the best few at the end. */
const SEARCH_ROUNDS = 10;
const FINAL_ROUNDS = 200;
const FINAL_DESIGNS = 4;
/** Share of the time left to the final re-pricing. */
const FINAL_SHARE = 0.15;
/** A design whose greedy price is within this factor of the best gets the subgradient rounds. */
const SCREEN_WITHIN = 1.01;

/** A batch drop closes 1 / this of the open sites at once, keeping BATCH_ROOM x demand open. */
const BATCH_DROP_SHARE = 4;
const BATCH_ROOM = 1.1;

/** The start opens the best sites by unit cost until their capacity is this multiple of demand. */
const START_ROOM = 1.15;

/**
 * A start for the descent: sites by the cost per unit of capacity of serving a capacity's worth
 * of their cheapest customers (by cost per unit of demand) plus their fixed cost, opened in that
 * order until the capacity is `room` x demand (from all sites open, the drops took most of a
 * 4 s budget on the 30 x 200 Yang files).
 */
export function startDesign(inst: FacilityLocationInstance, room: number): Uint8Array {
  const m = inst.sites.length;
  const n = inst.customers.length;
  const D = totalDemand(inst);
  const demand = inst.customers.map((c) => c.demand);
  const score = inst.sites.map((s, i) => {
    const unit = [...Array(n).keys()]
      .map((j) => ({ j, u: inst.allocCost[i * n + j]! / Math.max(demand[j]!, 1e-9) }))
      .sort((a, b) => a.u - b.u);
    let left = s.capacity;
    let cost = s.fixedCost;
    for (const { j } of unit) {
      if (left <= 0) break;
      const take = Math.min(1, left / Math.max(demand[j]!, 1e-9));
      cost += take * inst.allocCost[i * n + j]!;
      left -= take * demand[j]!;
    }
    return s.capacity > 0 ? cost / (s.capacity - Math.max(0, left)) : Infinity;
  });
  const d = new Uint8Array(m);
  let have = 0;
  for (const i of [...Array(m).keys()].sort((a, b) => score[a]! - score[b]! || a - b)) {
    if (have >= room * D) break;
    d[i] = 1;
    have += inst.sites[i]!.capacity;
  }
  return d;
}

/** A single-source design with the heuristic assignment that prices it. */
export interface PricedSingleSource {
  readonly design: Uint8Array;
  readonly at: Int32Array;
  readonly cost: number;
}

/**
 * A solver-free search over single-source designs: from all sites open, a descent over drop,
 * add and swap (close one, open one) moves, each design priced by the assignment heuristic
 * (regret greedy, ejections, shift and swap descent: {@link SingleSourceAssigner}); moves are
 * ranked by estimates from the current assignment (closing i: f_i minus rerouting its customers
 * to their next open site; opening k: what its capacity saves the customers it would take, minus
 * f_k) and the best few are priced. A stalled descent is kicked from the best design (one or two
 * open sites closed, one closed site opened; a fixed-seed generator). Returns the improving
 * designs, best first; `improved` sees each with its cost. Stops at `deadline` (ms).
 */
export async function singleSourceSearch(
  inst: FacilityLocationInstance,
  deadline: number,
  improved?: (found: PricedSingleSource) => void,
  assigner: SingleSourceAssigner = new SingleSourceAssigner(inst),
): Promise<PricedSingleSource[]> {
  const { m, n } = assigner;
  // The descent stops early enough to re-price its best few designs thoroughly.
  const t0 = performance.now();
  const stop = Number.isFinite(deadline) ? t0 + (1 - FINAL_SHARE) * (deadline - t0) : Infinity;
  const D = totalDemand(inst);
  const cap = inst.sites.map((s) => s.capacity);
  const fixed = inst.sites.map((s) => s.fixedCost);
  const demand = inst.customers.map((c) => c.demand);
  const c = inst.allocCost;
  const out: PricedSingleSource[] = [];
  // Screening: the greedy prices every design; the subgradient rounds only those it puts near
  // the best (a round costs about a greedy; far from a local optimum they would slow the descent).
  const price = (d: Uint8Array, rounds = SEARCH_ROUNDS): PricedSingleSource | null => {
    const quick = assigner.assign(d, 0);
    const q = quick ? assigner.total(d, quick) : Infinity;
    const reference = best?.cost ?? Infinity;
    if (rounds > 0 && (!quick || q < SCREEN_WITHIN * reference)) {
      const at = assigner.assign(d, rounds);
      if (at) return { design: d, at, cost: assigner.total(d, at) };
    }
    return quick ? { design: d, at: quick, cost: q } : null;
  };
  let best: PricedSingleSource | null = null;
  let current = price(startDesign(inst, START_ROOM), 0) ?? price(new Uint8Array(m).fill(1), 0);
  if (!current) return [];
  best = current;
  out.push(best);
  improved?.(best);
  const top = (): PricedSingleSource => best ?? current!;
  const openCap = (d: Uint8Array): number => cap.reduce((a, s, i) => a + (d[i] ? s : 0), 0);
  const accept = (p: PricedSingleSource): void => {
    current = p;
    if (p.cost < top().cost - 1e-9 * Math.abs(top().cost)) {
      best = p;
      kicks = 0;
      out.push(p);
      improved?.(p);
    }
  };
  const flip = (d: Uint8Array, ...bits: number[]): Uint8Array => {
    const x = Uint8Array.from(d);
    for (const b of bits) x[b] = x[b] ? 0 : 1;
    return x;
  };
  const tryAll = (designs: Uint8Array[]): boolean => {
    for (const d of designs) {
      if (performance.now() >= stop) return false;
      const p = price(d);
      if (p && p.cost < current!.cost - 1e-9 * Math.abs(current!.cost)) {
        accept(p);
        return true;
      }
    }
    return false;
  };
  let kicks = 0;
  let seed = 12345;
  const random = (q: number): number => {
    seed = (seed * 16807) % 2147483647;
    return seed % q;
  };
  while (performance.now() < stop) {
    await breathe();
    const { design: d, at } = current;
    const have = openCap(d);
    // Drop estimate: f_i minus moving each of i's customers to its next cheapest open site.
    const dropRaw = Float64Array.from(fixed);
    for (let j = 0; j < n; j++) {
      const i = at[j]!;
      let next = Infinity;
      for (let h = 0; h < m; h++) if (h !== i && d[h]) next = Math.min(next, c[h * n + j]!);
      dropRaw[i]! -= next - c[i * n + j]!;
    }
    // Add estimate: k's capacity filled with the largest per-unit savings, minus f_k.
    const addGain = new Float64Array(m).fill(-Infinity);
    for (let k = 0; k < m; k++) {
      if (d[k]) continue;
      const gains: [number, number][] = [];
      for (let j = 0; j < n; j++) {
        const g = c[at[j]! * n + j]! - c[k * n + j]!;
        if (g > 0) gains.push([g, j]);
      }
      gains.sort((x, y) => y[0] / Math.max(demand[y[1]]!, 1e-9) - x[0] / Math.max(demand[x[1]]!, 1e-9));
      let room = cap[k]!;
      let gain = 0;
      for (const [g, j] of gains) {
        if (demand[j]! > room) continue;
        room -= demand[j]!;
        gain += g;
      }
      addGain[k] = gain - fixed[k]!;
    }
    const opened = [...d.keys()].filter((i) => d[i]);
    const closed = [...d.keys()].filter((i) => !d[i]);
    const drops = opened
      .filter((i) => have - cap[i]! >= D)
      .sort((a, b) => dropRaw[b]! - dropRaw[a]! || a - b)
      .slice(0, CANDIDATES)
      .map((i) => flip(d, i));
    const adds = closed
      .sort((a, b) => addGain[b]! - addGain[a]! || a - b)
      .slice(0, CANDIDATES)
      .map((k) => flip(d, k));
    // Far from a local optimum (many sites promising a saving) an eighth of the open sites closes
    // at once, as in the split-demand heuristic: from all open, a few pricings instead of one a site.
    const batch: number[] = [];
    let left = have;
    for (const i of [...opened].sort((a, b) => dropRaw[b]! - dropRaw[a]! || a - b)) {
      if (batch.length >= Math.floor(opened.length / BATCH_DROP_SHARE) || !(dropRaw[i]! > 0)) break;
      if (left - cap[i]! < BATCH_ROOM * D) continue;
      left -= cap[i]!;
      batch.push(i);
    }
    if (tryAll([...(batch.length >= 2 ? [flip(d, ...batch)] : []), ...drops, ...adds])) continue;
    const pairs: [number, number, number][] = [];
    for (const i of opened)
      for (const k of closed) if (have - cap[i]! + cap[k]! >= D) pairs.push([dropRaw[i]! + addGain[k]!, i, k]);
    pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    const [few, many] = SWAP_PAIRS;
    if (tryAll(pairs.slice(0, few).map(([, i, k]) => flip(d, i, k)))) continue;
    if (tryAll(pairs.slice(few, many).map(([, i, k]) => flip(d, i, k)))) continue;
    if (performance.now() >= stop || kicks++ >= MAX_KICKS) break;
    // Kick: from the best design, close one or two open sites and open one closed site.
    const from = top().design;
    const x = Uint8Array.from(from);
    const shut = 1 + random(2);
    for (let r = 0; r < shut; r++) {
      const o = [...x.keys()].filter((i) => x[i]);
      if (o.length > 1) x[o[random(o.length)]!] = 0;
    }
    const shutList = [...x.keys()].filter((i) => !x[i] && !from[i]);
    if (shutList.length > 0) x[shutList[random(shutList.length)]!] = 1;
    // Too little room for a single-source assignment: open the widest closed sites until one is found.
    let p = price(x);
    while (!p) {
      let widest = -1;
      for (let i = 0; i < m; i++) if (!x[i] && (widest < 0 || cap[i]! > cap[widest]!)) widest = i;
      if (widest < 0) break;
      x[widest] = 1;
      p = price(x);
    }
    if (p) current = p;
  }
  // The best few designs re-priced with more subgradient rounds of the assignment heuristic.
  const finalists = out.slice(-FINAL_DESIGNS).reverse();
  // Each only if the last one's time still fits before the deadline (1-2 s each at 100 x 1,000).
  let last = 0;
  const repriced = finalists.map((p) => {
    const t = performance.now();
    const q = t + last < deadline ? price(p.design, FINAL_ROUNDS) : null;
    last = performance.now() - t;
    return q && q.cost < p.cost ? q : p;
  });
  const rest = out.slice(0, Math.max(0, out.length - FINAL_DESIGNS)).reverse();
  const all = [...repriced.sort((a, b) => a.cost - b.cost), ...rest];
  if (all[0] && all[0].cost < top().cost - 1e-9 * Math.abs(top().cost)) improved?.(all[0]);
  return all;
}

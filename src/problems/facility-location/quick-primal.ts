import type { Design } from '../../core/design.js';
import { breathe } from '../../search/breathe.js';
import { TransportationSimplex } from '../../search/transportation-simplex.js';
import { assignerOf } from './single-source-assignment.js';
import { singleSourceSearch } from './single-source-search.js';
import { totalDemand, type FacilityLocationInstance } from './instance.js';

/** Exactly priced candidates per move kind and round (the best by estimate). */
const CANDIDATES = 4;
/** Kicks of the iterated local search in a row without a new best design. */
const MAX_KICKS = 8;
/** A batch drop closes 1 / this of the open sites at once. */
const BATCH_DROP_SHARE = 8;
/**
 * Swap pairs priced per round when no single move improves: the best few by estimate, then (a
 * swap moves much flow, ~10-30 ms each on capb) more only when those fail, within the deadline.
 */
const SWAP_PAIRS = [16, 96] as const;
/** Closed sites (best by add estimate) considered as swap-in partners of each open site. */
const SWAP_PARTNERS = 30;

/**
 * A fast primal heuristic for split-demand CFLP, with no LP solver: the drop heuristic from all
 * sites open, then a descent over add, drop and swap moves. Moves are ranked by estimates from the
 * transportation duals (opening k gains up to its capacity's worth of the largest u_j - c_kj;
 * closing i reroutes its flows at the cheapest other open site's reduced price) and only the
 * best few are priced exactly by a warm network simplex, a few milliseconds each. Returns the
 * designs it moved through, best first. Empty for other variants, with an open cap, or when the
 * instance has more than `maxArcs` arcs (the simplex is dense).
 */
export async function quickFlDesigns(
  inst: FacilityLocationInstance,
  deadline: number,
  maxArcs: number,
  improved?: (design: Design, cost: number) => void,
  guide?: QuickGuide,
): Promise<Design[]> {
  const m = inst.sites.length;
  const n = inst.customers.length;
  if (inst.variant !== 'cflp' || m * n > maxArcs || inst.maxOpen !== undefined) return [];
  const served = inst.customers.map((c, j) => (c.demand > 0 ? j : -1)).filter((j) => j >= 0);
  const k = served.length;
  if (k === 0) return [];
  const demand = served.map((j) => inst.customers[j]!.demand);
  const unit = new Float64Array(m * k);
  for (let i = 0; i < m; i++)
    for (let t = 0; t < k; t++) unit[i * k + t] = inst.allocCost[i * n + served[t]!]! / demand[t]!;
  const capacity = inst.sites.map((s) => s.capacity);
  const fixed = inst.sites.map((s) => s.fixedCost);
  const D = totalDemand(inst);
  const simplex = new TransportationSimplex({ supply: capacity, demand, unitCost: unit });
  // Costs of customers without demand: their cheapest open site (no capacity used).
  const idle = inst.customers.map((c, j) => (c.demand > 0 ? -1 : j)).filter((j) => j >= 0);
  const price = (d: Uint8Array): number => {
    const s = simplex.solve(d);
    if (!s) return Infinity;
    let total = s.cost;
    for (let i = 0; i < m; i++) if (d[i]) total += fixed[i]!;
    for (const j of idle) {
      let best = Infinity;
      for (let i = 0; i < m; i++) if (d[i]) best = Math.min(best, inst.allocCost[i * n + j]!);
      total += best;
    }
    return total;
  };
  const out: Design[] = [];
  let current: Uint8Array = new Uint8Array(m).fill(1);
  if (guide && guide.start.length === m && Number.isFinite(price(Uint8Array.from(guide.start))))
    current = Uint8Array.from(guide.start);
  let cost = price(current);
  if (!Number.isFinite(cost)) return [];
  out.push(Uint8Array.from(current));
  improved?.(Uint8Array.from(current), cost);
  let openCap = capacity.reduce((a, s, i) => a + (current[i] ? s : 0), 0);
  let best = Uint8Array.from(current);
  let bestCost = cost;
  let kicks = 0;
  const accept = (d: Uint8Array, c: number): void => {
    current = d;
    cost = c;
    openCap = capacity.reduce((a, s, i) => a + (d[i] ? s : 0), 0);
    if (c < bestCost - 1e-9 * Math.abs(bestCost)) {
      best = Uint8Array.from(d);
      bestCost = c;
      kicks = 0;
      out.push(Uint8Array.from(d));
      improved?.(Uint8Array.from(d), c);
    }
  };
  // Iterated local search: a stalled descent restarts from the best design with one or two random
  // open sites closed (a fixed-seed generator: same path for the same pricing results), at most
  // MAX_KICKS times in a row without a new best. The closed sites stay tabu (not reopened) for
  // the descent that follows: without it the descent mostly undid the kick (capc-5000 stayed at
  // +1.8% from 0.9 s to the 4 s budget's end).
  const tabu = new Uint8Array(m);
  let seed = 12345;
  const random = (q: number): number => {
    seed = (seed * 16807) % 2147483647;
    return seed % q;
  };
  const kick = (): boolean => {
    if (kicks++ >= MAX_KICKS) return false;
    const d = Uint8Array.from(best);
    tabu.fill(0);
    let cap = capacity.reduce((a, s, i) => a + (d[i] ? s : 0), 0);
    if (guide && kicks % 2 === 1) {
      // Every other kick follows the guide: the open site it likes least closes and the closed
      // site it likes most opens, the next pair each time; both stay tabu.
      const r = (kicks - 1) / 2;
      const score = guide.score;
      const open = [...d.keys()].filter((i) => d[i]).sort((a, b) => score[b]! - score[a]! || a - b);
      const shut = [...d.keys()].filter((i) => !d[i]).sort((a, b) => score[a]! - score[b]! || a - b);
      const i = open[r % Math.max(1, open.length)];
      const a = shut[r % Math.max(1, shut.length)];
      if (a !== undefined) {
        d[a] = 1;
        tabu[a] = 1;
        cap += capacity[a]!;
      }
      if (i !== undefined && cap - capacity[i]! >= D) {
        d[i] = 0;
        tabu[i] = 1;
        cap -= capacity[i]!;
      }
    } else
      for (let r = 0; r < 1 + (kicks % 2); r++) {
        const open = [...d.keys()].filter((i) => d[i] && cap - capacity[i]! >= D);
        if (open.length === 0) break;
        const i = open[random(open.length)]!;
        d[i] = 0;
        tabu[i] = 1;
        cap -= capacity[i]!;
      }
    const c = price(d);
    if (!Number.isFinite(c)) return kicks < MAX_KICKS;
    current = d;
    cost = c;
    openCap = cap;
    return true;
  };
  // Estimates need the duals of the current design: re-price it (warm: no pivots) before ranking.
  const estimates = (): {
    add: number[];
    drop: number[];
    addGain: Float64Array;
    dropGain: Float64Array;
    dropRaw: Float64Array;
    swapGain: (i: number, a: number) => number;
  } => {
    price(current);
    const u = Float64Array.from(served, (_, t) => simplex.sinkPrice(t));
    const w = Float64Array.from(capacity, (_, i) => (current[i] ? simplex.sourcePrice(i) : 0));
    const addGain = new Float64Array(m).fill(-Infinity);
    const dropGain = new Float64Array(m).fill(-Infinity);
    const gains: number[] = [];
    for (let i = 0; i < m; i++) {
      if (current[i]) continue;
      gains.length = 0;
      for (let t = 0; t < k; t++) {
        const g = u[t]! - unit[i * k + t]!;
        if (g > 0) gains.push(g, demand[t]!);
      }
      // Units are interchangeable at a site: fill its capacity with the largest unit gains.
      const order = [...Array(gains.length / 2).keys()].sort((a, b) => gains[2 * b]! - gains[2 * a]!);
      let room = capacity[i]!;
      let gain = 0;
      for (const o of order) {
        if (room <= 0) break;
        const q = Math.min(room, gains[2 * o + 1]!);
        gain += q * gains[2 * o]!;
        room -= q;
      }
      addGain[i] = gain - fixed[i]!;
    }
    // Flows per open site from the current shipment, to reroute them when the site closes.
    const s = simplex.solve(current)!;
    const loss = new Float64Array(m);
    const flows: { t: number; q: number; r: number }[][] = Array.from({ length: m }, () => []);
    s.source.forEach((i, q) => {
      const t = s.sink[q]!;
      let reroute = Infinity;
      for (let h = 0; h < m; h++) if (h !== i && current[h]) reroute = Math.min(reroute, unit[h * k + t]! + w[h]!);
      loss[i]! += s.amount[q]! * Math.max(0, reroute - u[t]!);
      flows[i]!.push({ t, q: s.amount[q]!, r: reroute });
    });
    const dropRaw = Float64Array.from(fixed, (f, i) => f - loss[i]!);
    for (let i = 0; i < m; i++) if (current[i] && openCap - capacity[i]! >= D) dropGain[i] = dropRaw[i]!;
    const rank = (g: Float64Array): number[] =>
      [...g.keys()].filter((i) => Number.isFinite(g[i]!) && !tabu[i]).sort((a, b) => g[b]! - g[a]! || a - b);
    // Swap i out, a in: a's knapsack with i's customers at their rerouted price r (not u), so a
    // site next to i that would take over its customers ranks high (the independent sum of the
    // add and drop estimates missed that: capb-7000 stalled at +1.2%).
    const moved = Float64Array.from(u);
    const itemGain: number[] = [];
    const itemAmount: number[] = [];
    const swapGain = (i: number, a: number): number => {
      for (const f of flows[i]!) moved[f.t] = Number.isFinite(f.r) ? f.r : u[f.t]! + 1e12;
      itemGain.length = 0;
      itemAmount.length = 0;
      const base = a * k;
      for (let t = 0; t < k; t++) {
        const g = u[t]! - unit[base + t]!;
        if (g > 0) {
          itemGain.push(g);
          itemAmount.push(demand[t]!);
        }
      }
      for (const f of flows[i]!) {
        const g = moved[f.t]! - unit[base + f.t]!;
        if (g > 0) {
          // The q units moved off i gain against r; the rest of the customer's demand keeps u.
          const rest = u[f.t]! - unit[base + f.t]!;
          itemGain.push(g - Math.max(0, rest));
          itemAmount.push(f.q);
        }
        moved[f.t] = u[f.t]!;
      }
      const order = [...itemGain.keys()].sort((x, y) => itemGain[y]! - itemGain[x]!);
      let room = capacity[a]!;
      let gain = 0;
      for (const o of order) {
        if (room <= 0) break;
        const q = Math.min(room, itemAmount[o]!);
        gain += q * itemGain[o]!;
        room -= q;
      }
      return dropRaw[i]! + gain - fixed[a]!;
    };
    return { add: rank(addGain), drop: rank(dropGain), addGain, dropGain, dropRaw, swapGain };
  };
  // Tries designs in order; takes the first that improves.
  const tryAll = (designs: Uint8Array[]): boolean => {
    for (const d of designs) {
      if (performance.now() >= deadline) return false;
      const c = price(d);
      if (c < cost - 1e-9 * Math.abs(cost)) {
        accept(d, c);
        return true;
      }
    }
    return false;
  };
  const flip = (d: Uint8Array, ...bits: number[]): Uint8Array => {
    const x = Uint8Array.from(d);
    for (const b of bits) x[b] = x[b] ? 0 : 1;
    return x;
  };
  // Far from a local optimum (many sites open, each promising a saving) the drop heuristic closes
  // an eighth of the open sites at once: from all 100 open on capb, ~20 pricings instead of ~90.
  const batchDrop = (ranked: number[], gain: Float64Array): Uint8Array[] => {
    const open = current.reduce((a, b) => a + b, 0);
    const r = Math.floor(open / BATCH_DROP_SHARE);
    if (r < 2) return [];
    const chosen: number[] = [];
    let cap = openCap;
    for (const i of ranked) {
      if (chosen.length >= r || !(gain[i]! > 0)) break;
      if (cap - capacity[i]! < D) continue;
      cap -= capacity[i]!;
      chosen.push(i);
    }
    return chosen.length >= 2 ? [flip(current, ...chosen)] : [];
  };
  while (performance.now() < deadline) {
    await breathe();
    const est = estimates();
    const drops = est.drop.slice(0, CANDIDATES).map((i) => flip(current, i));
    const adds = est.add.slice(0, CANDIDATES).map((i) => flip(current, i));
    // Whichever kind promises more goes first.
    const dropFirst = (est.dropGain[est.drop[0] ?? -1] ?? -Infinity) >= (est.addGain[est.add[0] ?? -1] ?? -Infinity);
    if (tryAll([...batchDrop(est.drop, est.dropGain), ...(dropFirst ? [...drops, ...adds] : [...adds, ...drops])]))
      continue;
    const pairs: [number, number, number][] = [];
    for (const i of [...current.keys()].filter((q) => current[q] && !tabu[q])) {
      for (const a of est.add.slice(0, SWAP_PARTNERS)) {
        if (openCap - capacity[i]! + capacity[a]! < D) continue;
        const g = est.swapGain(i, a);
        pairs.push([g, i, a]);
      }
    }
    pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    const [few, many] = SWAP_PAIRS;
    if (tryAll(pairs.slice(0, few).map(([, i, a]) => flip(current, i, a)))) continue;
    if (tryAll(pairs.slice(few, many).map(([, i, a]) => flip(current, i, a)))) continue;
    if (!kick()) break;
  }
  return out.reverse();
}

/**
 * Where a quick search starts and what guides its kicks: a design (e.g. the incumbent) and a
 * per-site attractiveness, lower first (e.g. Lagrangian reduced costs).
 */
export interface QuickGuide {
  readonly start: Design;
  readonly score: ArrayLike<number>;
}

/**
 * Single-source designs without a solver: the descent of {@link singleSourceSearch} from all sites
 * open, each design priced by the assignment heuristic (an upper bound of its exact price). The
 * designs it improved through, best first (issue 17: the tight 100 x 1,000 instance had no
 * feasible design at all; the split relaxation's designs, given a greedy assignment, took 15 s on
 * Yang p3 and gave none).
 */
export async function quickSingleSourceDesigns(
  inst: FacilityLocationInstance,
  deadline: number,
  maxArcs: number,
  improved?: (design: Design, cost: number) => void,
): Promise<Design[]> {
  if (inst.variant !== 'sscflp' || inst.maxOpen !== undefined || inst.sites.length * inst.customers.length > maxArcs)
    return [];
  const found = await singleSourceSearch(
    inst,
    deadline,
    (p) => improved?.(Uint8Array.from(p.design), p.cost),
    assignerOf(inst),
  );
  return found.map((f) => f.design);
}

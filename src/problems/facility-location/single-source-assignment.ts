import type { Design } from '../../core/design.js';
import { allocationFrom, type Allocation } from './allocation.js';
import type { FacilityLocationInstance } from './instance.js';

/** Subgradient steps of the capacity relaxation per assignment (see SingleSourceAssigner.assign). */
const DEFAULT_ROUNDS = 40;

/** A repaired relaxed assignment is improved only when within this factor of the best cost. */
const IMPROVE_WITHIN = 1.01;

/** A relaxed assignment is repaired only when its overload is at most this share of the demand. */
const REPAIR_MAX_EXCESS = 0.05;

/** Improvement passes (shift and swap) of the assignment local search. */
const MAX_PASSES = 12;

/**
 * Solver-free single-source assignments of one instance: the data in flat arrays and, per
 * customer, every site in order of cost (built once), so that assigning a design costs no sort.
 * Used to price single-source designs by a heuristic (an upper bound of the design's optimal
 * assignment) many times per second, where the exact price is a generalised assignment MIP.
 */
export class SingleSourceAssigner {
  readonly m: number;
  readonly n: number;
  private readonly cost: Float64Array;
  private readonly demand: Float64Array;
  private readonly capacity: Float64Array;
  private readonly fixed: Float64Array;
  private readonly totalDemand: number;
  /** Per customer j, sites by cost: order[j * m .. j * m + m). */
  private readonly order: Uint32Array;

  constructor(inst: FacilityLocationInstance) {
    this.m = inst.sites.length;
    this.n = inst.customers.length;
    const { m, n } = this;
    this.cost = inst.allocCost;
    this.demand = Float64Array.from(inst.customers, (c) => c.demand);
    this.capacity = Float64Array.from(inst.sites, (s) => s.capacity);
    this.fixed = Float64Array.from(inst.sites, (s) => s.fixedCost);
    this.totalDemand = this.demand.reduce((a, b) => a + b, 0);
    this.order = new Uint32Array(n * m);
    const idx = new Uint32Array(m);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) idx[i] = i;
      idx.sort((a, b) => this.cost[a * n + j]! - this.cost[b * n + j]! || a - b);
      this.order.set(idx, j * m);
    }
  }

  /**
   * Rounds per assignment by default: DEFAULT_ROUNDS up to 25,000 arcs, fewer beyond (a round
   * is a pass over the arcs plus a descent: ~13 ms at 100 x 1,000), at least 5.
   */
  defaultRounds(): number {
    return Math.max(5, Math.min(DEFAULT_ROUNDS, Math.round(1e6 / (this.m * this.n))));
  }

  /** Fixed cost of the design plus the assignment's cost (`at[j]` = site of customer j). */
  total(design: Design, at: Int32Array): number {
    let s = 0;
    for (let i = 0; i < this.m; i++) if (design[i]) s += this.fixed[i]!;
    for (let j = 0; j < this.n; j++) s += this.cost[at[j]! * this.n + j]!;
    return s;
  }

  /** The assignment as an {@link Allocation}. */
  allocation(at: Int32Array): Allocation {
    return allocationFrom([...at], [...Array(this.n).keys()], new Array<number>(this.n).fill(1));
  }

  /**
   * A feasible assignment of the design's open sites, or null when the heuristic finds none (the
   * design may still have one): customers by decreasing regret (second-cheapest minus cheapest
   * open site, larger demand first on ties) go to their cheapest open site with room; one that
   * fits nowhere makes room by moving one customer of a site elsewhere (an ejection); then the
   * shift and swap descent of {@link improve}.
   */
  greedy(design: Design): Int32Array | null {
    const { m, n, order, demand: d } = this;
    const c = this.cost;
    const room = new Float64Array(m);
    let open = 0;
    for (let i = 0; i < m; i++) {
      if (!design[i]) continue;
      room[i] = this.capacity[i]!;
      open++;
    }
    if (open === 0) return null;
    const first = new Int32Array(n);
    const regret = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      let a = -1;
      let b = -1;
      for (let k = j * m, end = k + m; k < end && b < 0; k++) {
        const i = order[k]!;
        if (!design[i]) continue;
        if (a < 0) a = i;
        else b = i;
      }
      first[j] = a;
      regret[j] = b < 0 ? Infinity : c[b * n + j]! - c[a * n + j]!;
    }
    const seq = [...Array(n).keys()].sort((x, y) => regret[y]! - regret[x]! || d[y]! - d[x]! || x - y);
    const at = new Int32Array(n).fill(-1);
    const place = (i: number, j: number): void => {
      if (at[j]! >= 0) room[at[j]!]! += d[j]!;
      at[j] = i;
      room[i]! -= d[j]!;
    };
    const cheapestWithRoom = (j: number, except: number): number => {
      for (let k = j * m, end = k + m; k < end; k++) {
        const i = order[k]!;
        if (design[i] && i !== except && room[i]! >= d[j]! - 1e-9) return i;
      }
      return -1;
    };
    for (const j of seq) {
      const direct = cheapestWithRoom(j, -1);
      if (direct >= 0) {
        place(direct, j);
        continue;
      }
      let done = false;
      for (let k = j * m, end = k + m; k < end && !done; k++) {
        const i = order[k]!;
        if (!design[i]) continue;
        for (let q = 0; q < n && !done; q++) {
          if (at[q] !== i || room[i]! + d[q]! < d[j]! - 1e-9) continue;
          const to = cheapestWithRoom(q, i);
          if (to < 0) continue;
          place(to, q);
          place(i, j);
          done = true;
        }
      }
      if (!done) return null;
    }
    this.improve(design, at);
    return at;
  }

  /**
   * The cheapest assignment found for the design: the regret greedy ({@link greedy}), then
   * `rounds` subgradient steps of the Lagrangian relaxation of the capacities (multipliers
   * λ_i >= 0: each customer takes its site of least c_ij + λ_i d_j), each relaxed assignment
   * repaired (overloaded sites shed the customers that cost least to move) and improved. On tight
   * designs (99% of the capacity used, Yang p3) the greedy alone ended 2.3% above the MIP's
   * allocation cost. Null when neither finds a feasible assignment.
   */
  assign(design: Design, rounds = this.defaultRounds()): Int32Array | null {
    const { m, n, demand: d } = this;
    const c = this.cost;
    let best = this.greedy(design);
    let bestCost = best ? this.total(design, best) : Infinity;
    if (rounds <= 0) return best;
    const open = [...Array(m).keys()].filter((i) => design[i]);
    const lambda = new Float64Array(m);
    const load = new Float64Array(m);
    const g = new Float64Array(m);
    let theta = 2;
    let lastBound = -Infinity;
    let stall = 0;
    // Without a feasible assignment yet, steps are scaled to the cost of the cheapest one.
    let minCost = 0;
    for (let j = 0; j < n; j++) minCost += c[this.order[j * m]! * n + j]!;
    for (let r = 0; r < rounds; r++) {
      const at = new Int32Array(n);
      load.fill(0);
      let bound = 0;
      for (let j = 0; j < n; j++) {
        let pick = -1;
        let v = Infinity;
        for (const i of open) {
          const w = c[i * n + j]! + lambda[i]! * d[j]!;
          if (w < v) {
            v = w;
            pick = i;
          }
        }
        at[j] = pick;
        load[pick]! += d[j]!;
        bound += v;
      }
      let norm = 0;
      for (const i of open) {
        bound -= lambda[i]! * this.capacity[i]!;
        g[i] = load[i]! - this.capacity[i]!;
        if (lambda[i]! > 0 || g[i]! > 0) norm += g[i]! * g[i]!;
      }
      // The descent (most of a round's time) only for repaired assignments near the best.
      // Repair only a nearly feasible relaxed assignment (early rounds overload the popular sites
      // by far: shedding them cost ~50 ms a round at 100 x 1,000 and gave nothing useful).
      let excess = 0;
      for (const i of open) excess += Math.max(0, g[i]!);
      const near = excess <= REPAIR_MAX_EXCESS * this.totalDemand;
      if (near && this.repair(design, at, load) && this.total(design, at) < IMPROVE_WITHIN * bestCost) {
        this.improve(design, at);
        const cost = this.total(design, at);
        if (cost < bestCost - 1e-9) {
          best = at;
          bestCost = cost;
        }
      }
      if (norm <= 1e-12) break; // the relaxed assignment fits: optimal for these multipliers
      if (bound > lastBound + 1e-9) {
        lastBound = bound;
        stall = 0;
      } else if (++stall >= 4) {
        theta /= 2;
        stall = 0;
      }
      if (theta < 1e-3) break;
      const fixedPart = open.reduce((a, i) => a + this.fixed[i]!, 0);
      const ub = Number.isFinite(bestCost) ? bestCost - fixedPart : 1.05 * minCost;
      const step = (theta * Math.max(ub - bound, 1e-6 * Math.abs(ub))) / norm;
      for (const i of open) lambda[i] = Math.max(0, lambda[i]! + step * g[i]!);
    }
    return best;
  }

  /**
   * Makes an assignment feasible in place where it can: each overloaded site sheds, one at a
   * time, the customer whose move to an open site with room costs least per unit of demand.
   * `load` is the assignment's site loads (updated). False when some site cannot shed enough.
   */
  private repair(design: Design, at: Int32Array, load: Float64Array): boolean {
    const { m, n, demand: d } = this;
    const c = this.cost;
    const open: number[] = [];
    for (let i = 0; i < m; i++) if (design[i]) open.push(i);
    const over = open.filter((i) => load[i]! > this.capacity[i]! + 1e-9);
    if (over.length === 0) return true;
    // Members of the overloaded sites only (one pass over the customers).
    const members = new Map<number, number[]>(over.map((i) => [i, []]));
    for (let j = 0; j < n; j++) members.get(at[j]!)?.push(j);
    for (const i of over) {
      const list = members.get(i)!;
      while (load[i]! > this.capacity[i]! + 1e-9) {
        let bk = -1;
        let bh = -1;
        let bv = Infinity;
        for (let k = 0; k < list.length; k++) {
          const j = list[k]!;
          for (const h of open) {
            if (h === i || load[h]! + d[j]! > this.capacity[h]! + 1e-9) continue;
            const v = (c[h * n + j]! - c[i * n + j]!) / Math.max(d[j]!, 1e-9);
            if (v < bv) {
              bv = v;
              bk = k;
              bh = h;
            }
          }
        }
        if (bk < 0) return false;
        const j = list[bk]!;
        list.splice(bk, 1);
        at[j] = bh;
        load[i]! -= d[j]!;
        load[bh]! += d[j]!;
      }
    }
    return true;
  }

  /**
   * Descent on a feasible assignment in place: shift a customer to a cheaper open site with room;
   * swap two customers of different sites when that is cheaper and both fit. Returns the saving.
   */
  improve(design: Design, at: Int32Array): number {
    const { m, n, order, demand: d } = this;
    const c = this.cost;
    const room = Float64Array.from(this.capacity, (s, i) => (design[i] ? s : 0));
    for (let j = 0; j < n; j++) room[at[j]!]! -= d[j]!;
    const members: number[][] = Array.from({ length: m }, () => []);
    let saved = 0;
    let chains = false;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let moved = false;
      for (const list of members) list.length = 0;
      for (let j = 0; j < n; j++) members[at[j]!]!.push(j);
      for (let j = 0; j < n; j++) {
        const from = at[j]!;
        const now = c[from * n + j]!;
        for (let k = j * m, end = k + m; k < end; k++) {
          const i = order[k]!;
          const ci = c[i * n + j]!;
          if (ci >= now) break; // by cost: no cheaper site beyond
          if (!design[i]) continue;
          if (room[i]! >= d[j]! - 1e-9) {
            room[i]! -= d[j]!;
            room[from]! += d[j]!;
            at[j] = i;
            saved += now - ci;
            moved = true;
            break;
          }
          // Make room at i: move one of its customers q to j's old site (a swap) or to the
          // cheapest other open site with room for it (an ejection chain of length two).
          let best = -1;
          let bestTo = -1;
          let bestDelta = -1e-9;
          for (const q of members[i]!) {
            if (at[q] !== i || room[i]! + d[q]! < d[j]! - 1e-9) continue;
            let to = -1;
            let toCost = Infinity;
            if (room[from]! + d[j]! >= d[q]! - 1e-9) {
              to = from;
              toCost = c[from * n + q]!;
            }
            for (let r = q * m, stop = chains ? r + m : r; r < stop; r++) {
              const h = order[r]!;
              const ch = c[h * n + q]!;
              if (ch >= toCost) break;
              if (h !== i && h !== from && design[h] && room[h]! >= d[q]! - 1e-9) {
                to = h;
                toCost = ch;
              }
            }
            if (to < 0) continue;
            const delta = ci - now + toCost - c[i * n + q]!;
            if (delta < bestDelta) {
              bestDelta = delta;
              best = q;
              bestTo = to;
            }
          }
          if (best >= 0) {
            room[i]! += d[best]! - d[j]!;
            room[from]! += d[j]!;
            room[bestTo]! -= d[best]!;
            at[j] = i;
            at[best] = bestTo;
            members[bestTo]!.push(best);
            saved -= bestDelta;
            moved = true;
            break;
          }
        }
      }
      // Ejection chains only once shifts and swaps are exhausted (first-improvement over the
      // wider neighbourhood from the start led to worse local optima on Yang p3).
      if (!moved && chains) break;
      chains = !moved;
    }
    return saved;
  }
}

const assigners = new WeakMap<FacilityLocationInstance, SingleSourceAssigner>();

/** The instance's assigner, built once (its per-customer site orders cost m log m each). */
export function assignerOf(inst: FacilityLocationInstance): SingleSourceAssigner {
  let a = assigners.get(inst);
  if (!a) assigners.set(inst, (a = new SingleSourceAssigner(inst)));
  return a;
}

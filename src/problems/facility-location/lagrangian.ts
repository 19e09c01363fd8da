import type { LagrangianRelaxation } from '../../core/problem.js';
import { binaryKnapsack, coveringKnapsack, type KnapsackItem } from '../../search/knapsack.js';
import { totalDemand, type FacilityLocationInstance } from './instance.js';

/**
 * Lagrangian relaxation of the demand constraints Σ_i x_ij = 1 with free multipliers u_j
 * (Beasley 1988/1993). For fixed u the problem splits by site: an open site i earns
 *   v_i = f_i + min { Σ_j (c_ij - u_j) x_ij : Σ_j d_j x_ij <= s_i, 0 <= x_ij <= 1 }
 * — a continuous knapsack (CFLP), a 0/1 knapsack (single-source), or Σ_j min(0, c_ij - u_j)
 * (UFLP). The sites are then chosen by min Σ v_i y_i subject to the aggregate capacity
 * Σ s_i y_i >= D (a valid cut kept in the relaxation; exact covering knapsack when affordable,
 * else its LP bound) and Σ y_i <= p when capped (then the capacity cut is dropped: still valid).
 * L(u) = Σ_j u_j + Σ_i v_i y_i <= optimum, and 1 - Σ_i x_ij is a subgradient.
 */
export function flLagrangian(inst: FacilityLocationInstance): LagrangianRelaxation {
  const m = inst.sites.length;
  const n = inst.customers.length;
  const demand = inst.customers.map((c) => c.demand);
  const D = totalDemand(inst);
  const capacitated = inst.variant !== 'uflp';
  // Work arrays of the site knapsacks (one relaxation is solved by one thread at a time).
  const scratchIndex = new Uint32Array(n);
  const scratchRatio = new Float64Array(n);
  let byCost: Uint32Array | null = null;
  return {
    size: n,
    sign: 'free',
    work: m * n,
    initial() {
      // Start each customer at its cheapest service cost including a share of fixed cost.
      const u = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        let best = Infinity;
        for (let i = 0; i < m; i++) {
          const s = inst.sites[i]!;
          const share = capacitated && s.capacity > 0 ? (s.fixedCost * demand[j]!) / s.capacity : 0;
          best = Math.min(best, inst.allocCost[i * n + j]! + share);
        }
        u[j] = best;
      }
      return u;
    },
    solve(u, fixed) {
      const { v, takes } = siteValues(u);
      const open = chooseSites(inst, v, capacitated ? D : 0, undefined, true, fixed);
      let bound = 0;
      for (let j = 0; j < n; j++) bound += u[j]!;
      const served = new Float64Array(n);
      const design = new Uint8Array(m);
      for (const i of open.sites) {
        design[i] = 1;
        for (const [j, f] of takes(i)) served[j]! += f;
      }
      bound += open.value;
      const subgradient = new Float64Array(n);
      for (let j = 0; j < n; j++) subgradient[j] = 1 - served[j]!;
      return { bound, subgradient, design, score: v };
    },
    fixingBounds(u, cutoff, fixed) {
      // L(u) with y_i forced: the site subproblems v_i do not change, only the choice of sites
      // (min Σ v y over the capacity cover or the open cap) gains the extra row y_i = 0 or 1.
      const { v } = siteValues(u);
      let sumU = 0;
      for (let j = 0; j < n; j++) sumU += u[j]!;
      const need = capacitated ? D : 0;
      const base = chooseSites(inst, v, need, undefined, true, fixed);
      const here = sumU + base.value;
      const chosen = new Set(base.sites);
      const open = new Float64Array(m).fill(here);
      const closed = new Float64Array(m).fill(here);
      for (let i = 0; i < m; i++) {
        const held = fixed?.[i] ?? -1;
        if (held >= 0) {
          // A fixed bit cannot take its other value in this restriction.
          (held === 1 ? closed : open)[i] = Infinity;
          continue;
        }
        const forcing = { site: i, open: !chosen.has(i) };
        // The cover's LP bound first; the exact cover (a DP, ~10 ms at capa) only where the LP
        // falls short of the cutoff and a rounded cover shows the exact value could reach it.
        const lp = chooseSites(inst, v, need, forcing, false, fixed);
        // A restriction of the relaxed problem: never below L(u) itself.
        let forced = Math.max(here, sumU + lp.value);
        if (forced < cutoff && sumU + siteSum(v, lp.sites) >= cutoff)
          forced = Math.max(forced, sumU + chooseSites(inst, v, need, forcing, true, fixed).value);
        if (forcing.open) open[i] = forced;
        else closed[i] = forced;
      }
      return { open, closed };
    },
  };

  /**
   * The site subproblems at u: v_i (fixed cost plus the knapsack's value); what each takes on
   * demand. Only customers with a negative reduced cost c_ij - u_j matter, and near the optimal
   * multipliers each customer has a few such sites: walking every customer's sites in order of
   * cost until c_ij >= u_j visits those only (a few per customer instead of all m; the hot loop of
   * the branch-and-bound). The lists come out in customer order, as a full scan gives them.
   */
  function siteValues(u: Float64Array): { v: Float64Array; takes: (i: number) => Map<number, number> } {
    const order = sitesByCost();
    const count = new Int32Array(m + 1);
    for (let j = 0; j < n; j++) {
      const uj = u[j]!;
      for (let k = j * m, end = k + m; k < end; k++) {
        const i = order[k]!;
        if (inst.allocCost[i * n + j]! - uj >= 0) break;
        count[i + 1]!++;
      }
    }
    for (let i = 0; i < m; i++) count[i + 1]! += count[i]!;
    const fill = Int32Array.from(count);
    const list = new Int32Array(count[m]!);
    for (let j = 0; j < n; j++) {
      const uj = u[j]!;
      for (let k = j * m, end = k + m; k < end; k++) {
        const i = order[k]!;
        if (inst.allocCost[i * n + j]! - uj >= 0) break;
        list[fill[i]!++] = j;
      }
    }
    const v = new Float64Array(m);
    const customersOf = (i: number): Int32Array => list.subarray(count[i]!, count[i + 1]!);
    for (let i = 0; i < m; i++) v[i] = inst.sites[i]!.fixedCost + siteKnapsack(u, i, customersOf(i), false).value;
    return { v, takes: (i) => siteKnapsack(u, i, customersOf(i), true).take };
  }

  /** Per customer, the sites in order of allocation cost (built once, on first use). */
  function sitesByCost(): Uint32Array {
    if (byCost) return byCost;
    byCost = new Uint32Array(n * m);
    const idx = new Uint32Array(m);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) idx[i] = i;
      idx.sort((a, b) => inst.allocCost[a * n + j]! - inst.allocCost[b * n + j]! || a - b);
      byCost.set(idx, j * m);
    }
    return byCost;
  }

  /**
   * Site i's knapsack at u over `customers` (those with a negative reduced cost there). When they
   * all fit (usual near the optimal multipliers), taking them all is optimal and no sort is
   * needed; the take is built only when asked for (the subgradient needs it for the chosen sites).
   */
  function siteKnapsack(
    u: Float64Array,
    i: number,
    customers: Int32Array,
    wantTake: boolean,
  ): { value: number; take: Map<number, number> } {
    let sum = 0;
    let weight = 0;
    const row = i * n;
    for (const j of customers) {
      sum += inst.allocCost[row + j]! - u[j]!;
      weight += demand[j]!;
    }
    const cap = inst.sites[i]!.capacity;
    if (!capacitated || weight <= cap) {
      const take = new Map<number, number>();
      if (wantTake) for (const j of customers) take.set(j, 1);
      return { value: sum, take };
    }
    if (inst.variant !== 'sscflp') return fractionalKnapsack(u, row, customers, cap, wantTake);
    const items: KnapsackItem[] = [];
    for (const j of customers) items.push({ index: j, value: inst.allocCost[row + j]! - u[j]!, weight: demand[j]! });
    return binaryKnapsack(items, cap);
  }

  /**
   * continuousKnapsack over the customers with negative reduced cost in `row`, on typed arrays
   * (the hot loop of the branch-and-bound: thousands of calls per second). Same greedy, same ties.
   */
  function fractionalKnapsack(
    u: Float64Array,
    row: number,
    customers: Int32Array,
    cap: number,
    wantTake: boolean,
  ): { value: number; take: Map<number, number> } {
    let k = 0;
    for (const j of customers) scratchIndex[k++] = j;
    for (let a = 0; a < k; a++) {
      const j = scratchIndex[a]!;
      scratchRatio[j] = (inst.allocCost[row + j]! - u[j]!) / Math.max(demand[j]!, 1e-300);
    }
    // Greedy by ratio without a full sort: a weighted quickselect. Items cheaper than the pivot
    // ratio all fit (then they are taken and the search goes on above it) or not (it goes on
    // below); equal ratios are taken in customer order, as the sort's ties would.
    const idx = scratchIndex;
    const take = new Map<number, number>();
    let value = 0;
    let room = cap;
    let lo = 0;
    let hi = k;
    while (lo < hi && room > 0) {
      const pivot = scratchRatio[idx[(lo + hi) >> 1]!]!;
      let lt = lo;
      let gt = hi;
      for (let t = lo; t < gt;) {
        const q = scratchRatio[idx[t]!]!;
        if (q < pivot) swap(idx, lt++, t++);
        else if (q > pivot) swap(idx, t, --gt);
        else t++;
      }
      let below = 0;
      for (let a = lo; a < lt; a++) below += demand[idx[a]!]!;
      if (below > room) {
        hi = lt;
        continue;
      }
      for (let a = lo; a < gt; a++) {
        if (a === lt) idx.subarray(lt, gt).sort();
        const j = idx[a]!;
        const w = demand[j]!;
        if (room <= 0 && w > 0) break;
        const f = w <= 0 ? 1 : Math.min(1, room / w);
        value += f * (inst.allocCost[row + j]! - u[j]!);
        room -= f * w;
        if (wantTake) take.set(j, f);
      }
      lo = gt;
    }
    return { value, take };
  }
}

/** A design bit held at a value while the others are chosen. */
interface ForcedSite {
  readonly site: number;
  readonly open: boolean;
}

/**
 * min Σ v_i y_i with the aggregate capacity cut (or the open cap), optionally with one site
 * forced open or closed and the sites `fixed` (1 open, 0 closed, -1 free) held; returns sites and
 * value (a valid lower bound when the cover is solved by its LP). Infinity when the forcing
 * leaves too little capacity.
 */
function chooseSites(
  inst: FacilityLocationInstance,
  v: Float64Array,
  need: number,
  forced?: ForcedSite,
  exact = true,
  fixed?: Int8Array,
): { sites: number[]; value: number } {
  const held = (i: number): number => (i === forced?.site ? (forced.open ? 1 : 0) : (fixed?.[i] ?? -1));
  const pinned = [...v.keys()].filter((i) => held(i) === 1);
  const order = [...v.keys()].filter((i) => held(i) === -1).sort((a, b) => v[a]! - v[b]! || a - b);
  if (inst.maxOpen !== undefined) {
    // Cardinality only: the p most negative sites (at least one site must open).
    const room = inst.maxOpen - pinned.length;
    if (room < 0) return { sites: [], value: Infinity };
    const sites = [...pinned, ...order.filter((i, k) => k < room && (v[i]! < 0 || (k === 0 && pinned.length === 0)))];
    return { sites, value: sites.length > 0 ? sites.reduce((a, i) => a + v[i]!, 0) : Infinity };
  }
  // Taking every site with v_i < 0 is optimal (cheaper and more capacity). With no capacity cut,
  // at least one site must still open, so the cheapest one joins when none is negative.
  const negative = order.filter((i) => v[i]! < 0);
  let sites = negative.length > 0 || need > 0 || pinned.length > 0 ? [...pinned, ...negative] : order.slice(0, 1);
  let value = sites.reduce((a, i) => a + v[i]!, 0);
  const have = sites.reduce((a, i) => a + inst.sites[i]!.capacity, 0);
  if (need > have) {
    const taken = new Set(sites);
    const rest = order
      .filter((i) => !taken.has(i))
      .map((i) => ({ index: i, value: v[i]!, weight: inst.sites[i]!.capacity }));
    const cover = coveringKnapsack(rest, need - have, exact);
    value += cover.value;
    sites = [...sites, ...cover.chosen];
  }
  // Every design opens a site: none left to open (all forced shut) means no design at all.
  return { sites, value: sites.length > 0 ? value : Infinity };
}

/** Σ v_i over the given sites. */
function siteSum(v: Float64Array, sites: readonly number[]): number {
  return sites.reduce((a, i) => a + v[i]!, 0);
}

function swap(a: Uint32Array, x: number, y: number): void {
  const t = a[x]!;
  a[x] = a[y]!;
  a[y] = t;
}

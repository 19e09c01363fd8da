/**
 * Knapsack solvers used by Lagrangian subproblems. All return a *valid lower bound* on the
 * minimisation they stand for: exact where affordable, otherwise the LP relaxation.
 */

/** Item of a continuous knapsack: a (negative) value per unit of weight. */
export interface KnapsackItem {
  readonly index: number;
  readonly value: number;
  readonly weight: number;
}

/**
 * min Σ v_k x_k  s.t. Σ w_k x_k <= cap, 0 <= x <= 1, over items with v_k < 0 (continuous):
 * greedy by v/w. Returns the value and the fractions taken.
 */
export function continuousKnapsack(items: KnapsackItem[], cap: number): { value: number; take: Map<number, number> } {
  const take = new Map<number, number>();
  let value = 0;
  let room = cap;
  const sorted = items
    .filter((it) => it.value < 0)
    .sort((a, b) => a.value / Math.max(a.weight, 1e-300) - b.value / Math.max(b.weight, 1e-300) || a.index - b.index);
  for (const it of sorted) {
    if (it.weight <= 0) {
      take.set(it.index, 1);
      value += it.value;
      continue;
    }
    if (room <= 0) break;
    const f = Math.min(1, room / it.weight);
    take.set(it.index, f);
    value += f * it.value;
    room -= f * it.weight;
  }
  return { value, take };
}

/** Largest DP tables (items x capacity) solved exactly; beyond them the LP bound is used. */
const DP_LIMIT = 1_000_000;
const COVER_DP_LIMIT = 10_000_000;

/**
 * 0/1 knapsack, min Σ v_k x_k s.t. Σ w_k x_k <= cap, x binary: dynamic programming when weights
 * and capacity are integers and the table is small; otherwise the continuous relaxation (a valid
 * lower bound, with a feasible integer set from greedy rounding).
 */
export function binaryKnapsack(
  items: KnapsackItem[],
  cap: number,
): { value: number; take: Map<number, number>; exact: boolean } {
  const neg = items.filter((it) => it.value < 0 && it.weight <= cap);
  const intCap = Math.floor(cap);
  if (neg.every((it) => Number.isInteger(it.weight)) && (neg.length + 1) * (intCap + 1) <= DP_LIMIT) {
    const best = new Float64Array(intCap + 1);
    const choice: Uint8Array[] = neg.map(() => new Uint8Array(intCap + 1));
    neg.forEach((it, k) => {
      for (let c = intCap; c >= it.weight; c--) {
        const v = best[c - it.weight]! + it.value;
        if (v < best[c]!) {
          best[c] = v;
          choice[k]![c] = 1;
        }
      }
    });
    const take = new Map<number, number>();
    let c = intCap;
    for (let k = neg.length - 1; k >= 0; k--) {
      if (choice[k]![c]) {
        take.set(neg[k]!.index, 1);
        c -= neg[k]!.weight;
      }
    }
    return { value: best[intCap]!, take, exact: true };
  }
  const lp = continuousKnapsack(neg, cap);
  return { ...lp, exact: false };
}

/**
 * Covering knapsack: min Σ v_k y_k s.t. Σ s_k y_k >= need, y binary, for items with v_k >= 0
 * (the negative ones are taken by the caller). Exact DP for integer sizes when small; else the
 * LP relaxation (valid lower bound; also when `exact` is false). Returns the value and the items
 * chosen (rounded up for LP: a feasible cover).
 */
export function coveringKnapsack(
  items: KnapsackItem[],
  need: number,
  exact = true,
): { value: number; chosen: number[] } {
  if (need <= 0) return { value: 0, chosen: [] };
  const total = items.reduce((a, it) => a + it.weight, 0);
  if (total < need) return { value: Infinity, chosen: items.map((it) => it.index) };
  const integral = items.every((it) => Number.isInteger(it.weight) && it.weight > 0);
  // Σ w y >= need with integer w divisible by g is Σ (w/g) y >= ceil(need/g): an exact, smaller DP
  // (capa/b/c have one capacity for all sites: a table of ~10 columns instead of ~58,000).
  const g = integral ? items.reduce((a, it) => gcd(a, it.weight), 0) : 1;
  const n = Math.ceil(need / g - 1e-9);
  if (exact && integral && (items.length + 1) * (n + 1) <= COVER_DP_LIMIT) {
    // best[c] = min cost to cover at least c (capped at n), in units of g.
    const best = new Float64Array(n + 1).fill(Infinity);
    best[0] = 0;
    const choice = new Uint8Array(items.length * (n + 1));
    items.forEach((it, k) => {
      const w = it.weight / g;
      for (let c = n; c >= 1; c--) {
        const v = best[Math.max(0, c - w)]! + it.value;
        if (v < best[c]!) {
          best[c] = v;
          choice[k * (n + 1) + c] = 1;
        }
      }
    });
    const chosen: number[] = [];
    let c = n;
    for (let k = items.length - 1; k >= 0 && c > 0; k--) {
      if (choice[k * (n + 1) + c]) {
        chosen.push(items[k]!.index);
        c = Math.max(0, c - items[k]!.weight / g);
      }
    }
    return { value: best[n]!, chosen };
  }
  const sorted = [...items].sort((a, b) => a.value / a.weight - b.value / b.weight || a.index - b.index);
  let value = 0;
  let left = need;
  const chosen: number[] = [];
  for (const it of sorted) {
    if (left <= 0) break;
    const f = Math.min(1, left / it.weight);
    value += f * it.value;
    left -= f * it.weight;
    chosen.push(it.index);
  }
  return { value, chosen };
}

/** Greatest common divisor of two non-negative integers. */
function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Lagrangian reduced-cost fixing. Let L_i^b(u) be the Lagrangian bound at multipliers u with design
 * bit i forced to b: a valid lower bound on every solution with y_i = b. With an incumbent of cost
 * UB, if L_i^{1-b}(u) >= UB, no solution with y_i = 1 - b is cheaper than the incumbent, so an
 * optimum is kept (or the incumbent already is one) when y_i is fixed to b. Fixing several bits at
 * once stays valid: a solution that the fixings exclude breaks at least one of them, say bit i, and
 * so costs at least L_i^{1-b}(u). Hence, for the restricted problem's lower bound R,
 *   optimum >= min(R, min over fixed bits of L_i^{1-b_i}(u)) = min(R, `excludedBound`)
 * — a bound of the full problem, even when the restricted problem is not solved to optimality.
 */

/** The fixings that an incumbent and the bit-forced Lagrangian bounds allow. */
export interface Fixings {
  /** Per design bit: 0 or 1 when fixed, -1 when free. */
  readonly value: Int8Array;
  /** min over fixed bits of the bound with the bit forced the other way (Infinity when none is fixed). */
  readonly excludedBound: number;
  readonly fixedOpen: number;
  readonly fixedClosed: number;
}

/**
 * Fixes each bit whose other value provably costs at least `cutoff` (the incumbent's cost):
 * `bounds.open[i] >= cutoff` fixes it closed, `bounds.closed[i] >= cutoff` open. A bit both of
 * whose values reach the cutoff means the incumbent is optimal; it is left free.
 */
export function reducedCostFixings(
  bounds: { readonly open: Float64Array; readonly closed: Float64Array },
  cutoff: number,
): Fixings {
  const value = new Int8Array(bounds.open.length).fill(-1);
  let excludedBound = Infinity;
  let fixedOpen = 0;
  let fixedClosed = 0;
  for (let i = 0; i < value.length; i++) {
    const open = bounds.open[i]!;
    const closed = bounds.closed[i]!;
    if (open >= cutoff && closed < cutoff) {
      value[i] = 0;
      fixedClosed++;
      excludedBound = Math.min(excludedBound, open);
    } else if (closed >= cutoff && open < cutoff) {
      value[i] = 1;
      fixedOpen++;
      excludedBound = Math.min(excludedBound, closed);
    }
  }
  return { value, excludedBound, fixedOpen, fixedClosed };
}

/** Neumaier-compensated sum: recomputed objectives should not drift with the number of terms. */
export function preciseSum(values: Iterable<number>): number {
  let sum = 0;
  let comp = 0;
  for (const v of values) {
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + comp;
}

/**
 * Rounds to `digits` decimals for reporting. Flows come back from the solver with ~1e-10 noise,
 * so a recomputed 1040444.375 can read 1040444.3749999998; reports round to 1e-6.
 */
export function roundTo(v: number, digits = 6): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

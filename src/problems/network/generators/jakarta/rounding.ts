/**
 * Splits `total` into integers proportional to `weights` (largest remainder; ties to the lower
 * index), so the parts always add up to `total`. The paper's Table 10 rounds each CC's L1/L2/L3
 * cells this way (every row sums to its cell total), and the generator splits volumes with it.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let r = Math.round(total) - out.reduce((s, v) => s + v, 0), k = 0; r > 0; r--, k++)
    out[order[k % order.length]![1]]!++;
  return out;
}

/**
 * Discounted-cash-flow indicators over yearly cash flows `flows[0..n]` (IDR), flows[0] at time 0
 * (the investment, negative), flows[t] at the end of year t.
 */

/** Raised when an indicator does not exist for the given cash flows (e.g. IRR without a sign change). */
export class CashFlowError extends Error {
  override readonly name = 'CashFlowError';
}

/** Net present value at `rate` per year (rate > -1). */
export function npv(rate: number, flows: readonly number[]): number {
  if (!(rate > -1)) throw new CashFlowError(`discount rate must be > -100%, got ${rate}`);
  return flows.reduce((s, cf, t) => s + cf / (1 + rate) ** t, 0);
}

/** Rates scanned for a sign change of the NPV before bisection (-99% .. 10,000%). */
const SCAN = [
  -0.99, -0.9, -0.75, -0.5, -0.25, 0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20, 50, 100,
];

/**
 * Internal rate of return: the rate where the NPV is zero, by bisection on the first bracket
 * (scanning upwards from -99%) where the NPV changes sign, to 1e-12. A cash flow whose signs never
 * change has no IRR: that is a {@link CashFlowError}, never NaN.
 */
export function irr(flows: readonly number[]): number {
  const nonZero = flows.filter((v) => v !== 0);
  if (nonZero.length === 0 || nonZero.every((v) => v > 0) || nonZero.every((v) => v < 0)) {
    throw new CashFlowError(
      `IRR undefined: the cash flows never change sign (${flows.length} flows, all ${nonZero[0] !== undefined && nonZero[0] > 0 ? 'positive' : 'negative or zero'})`,
    );
  }
  for (let i = 0; i + 1 < SCAN.length; i++) {
    let lo = SCAN[i]!;
    let hi = SCAN[i + 1]!;
    let fLo = npv(lo, flows);
    if (fLo === 0) return lo;
    if (Math.sign(fLo) === Math.sign(npv(hi, flows))) continue;
    for (let k = 0; k < 200 && hi - lo > 1e-12; k++) {
      const mid = (lo + hi) / 2;
      const fMid = npv(mid, flows);
      if (fMid === 0) return mid;
      if (Math.sign(fMid) === Math.sign(fLo)) {
        lo = mid;
        fLo = fMid;
      } else hi = mid;
    }
    return (lo + hi) / 2;
  }
  throw new CashFlowError('IRR not found: the NPV does not change sign between -99% and 10,000%');
}

/**
 * Return on investment: total net cash over the horizon divided by the investment,
 * `(Σ_t flows[t]) / -flows[0]`. Needs an investment (flows[0] < 0).
 */
export function roi(flows: readonly number[]): number {
  const invest = -(flows[0] ?? 0);
  if (!(invest > 0)) throw new CashFlowError(`ROI needs an investment at time 0 (flows[0] < 0), got ${flows[0]}`);
  return flows.reduce((s, v) => s + v, 0) / invest;
}

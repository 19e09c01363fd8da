import type { StudyAccount } from './account.js';

/** How the model's periods become a yearly cash-flow stream. */
export interface HorizonOptions {
  /**
   * Years of operation. Periods are years (the paper gives capacities in kg/year); years beyond
   * the model's periods repeat the last period's operating profit (steady state). Default: the
   * model's periods, i.e. no extrapolation.
   */
  readonly years?: number;
}

/**
 * Yearly cash flows of a solution: year 0 = minus the investment of the open facilities; year t =
 * the operating profit of period t (revenue minus fixed, recycle, waste-treatment, inventory and
 * transport costs). No tax, depreciation or salvage value: the paper states none.
 */
export function cashFlows(account: StudyAccount, options: HorizonOptions = {}): number[] {
  const T = account.periods.length;
  const years = options.years ?? T;
  if (!Number.isInteger(years) || years < 1)
    throw new RangeError(`horizon must be a positive whole number of years, got ${years}`);
  const flows = [-account.investment];
  for (let y = 1; y <= years; y++) flows.push(account.periods[Math.min(y, T) - 1]!.operatingProfit);
  return flows;
}

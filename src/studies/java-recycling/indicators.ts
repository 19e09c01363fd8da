import type { Design } from '../../core/design.js';
import type { NetworkFlows } from '../../problems/network/flows.js';
import type { NetworkInstance } from '../../problems/network/instance.js';
import { studyAccount, type StudyAccount } from './account.js';
import { breakEven, type BreakEven } from './break-even.js';
import { cashFlows, type HorizonOptions } from './cash-flows.js';
import { CashFlowError, irr, npv, roi } from './finance.js';

/** Settings of a techno-economic evaluation. */
export interface TechnoOptions extends HorizonOptions {
  /** Discount rate per year for the NPV (default {@link DEFAULT_RATE}; not a network field). */
  readonly rate?: number;
  /** Count waste treatment as a variable cost in the break-even margin (the paper does not). */
  readonly bepWithWaste?: boolean;
}

/** Default discount rate: Kasy et al. quote 15% and 20%; 15% is their MARR-like benchmark. */
export const DEFAULT_RATE = 0.15;

/** NPV, IRR, ROI and break-even of one solution, with the cash flows they come from. */
export interface TechnoEconomics {
  readonly account: StudyAccount;
  readonly rate: number;
  readonly cashFlows: readonly number[];
  readonly npv: number;
  /** Null when the cash flows have no IRR; `irrNote` says why. */
  readonly irr: number | null;
  readonly irrNote?: string;
  readonly roi: number;
  readonly breakEven: BreakEven;
}

/** Techno-economic indicators of a network design and its flows. */
export function technoEconomics(
  inst: NetworkInstance,
  design: Design,
  flows: NetworkFlows,
  options: TechnoOptions = {},
): TechnoEconomics {
  return indicatorsOf(inst, design, studyAccount(inst, design, flows), options);
}

/** Indicators from an account (the investment sensitivity rescales the investment). */
export function indicatorsOf(
  inst: NetworkInstance,
  design: Design,
  account: StudyAccount,
  options: TechnoOptions = {},
): TechnoEconomics {
  const rate = options.rate ?? DEFAULT_RATE;
  const cf = cashFlows(account, options);
  let rateOfReturn: number | null = null;
  let irrNote: string | undefined;
  try {
    rateOfReturn = irr(cf);
  } catch (err) {
    if (!(err instanceof CashFlowError)) throw err;
    irrNote = err.message;
  }
  return {
    account,
    rate,
    cashFlows: cf,
    npv: npv(rate, cf),
    irr: rateOfReturn,
    ...(irrNote ? { irrNote } : {}),
    roi: roi(cf),
    breakEven: breakEven(inst, design, { includeWasteTreatment: options.bepWithWaste ?? false }),
  };
}

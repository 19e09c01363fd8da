import type { Design } from '../../../core/design.js';
import { javaAccount, type JavaAccount } from '../cost.js';
import type { JavaFlows } from '../flows.js';
import type { JavaInstance } from '../instance.js';
import { breakEven, type BreakEven } from './break-even.js';
import { cashFlows, type HorizonOptions } from './cash-flows.js';
import { CashFlowError, irr, npv, roi } from './finance.js';

/** Settings of a techno-economic evaluation. */
export interface TechnoOptions extends HorizonOptions {
  /** Discount rate per year for the NPV (default 0.15, the lower of the paper's two rates). */
  readonly rate?: number;
  /** Count waste treatment as a variable cost in the break-even margin (the paper does not). */
  readonly bepWithWaste?: boolean;
}

/** Default discount rate: the paper quotes 15% and 20%; 15% is its MARR-like benchmark. */
export const DEFAULT_RATE = 0.15;

/** NPV, IRR, ROI and break-even of one solution, with the cash flows they come from. */
export interface TechnoEconomics {
  readonly account: JavaAccount;
  readonly rate: number;
  readonly cashFlows: readonly number[];
  readonly npv: number;
  /** Null when the cash flows have no IRR; `irrNote` says why. */
  readonly irr: number | null;
  readonly irrNote?: string;
  readonly roi: number;
  readonly breakEven: BreakEven;
}

/** Techno-economic indicators of a design and its flows. */
export function technoEconomics(inst: JavaInstance, design: Design, flows: JavaFlows, options: TechnoOptions = {}): TechnoEconomics {
  const account = javaAccount(inst, design, flows);
  return indicatorsOf(inst, design, account, options);
}

/** Indicators from an account (used by the investment sensitivity, which rescales the investment). */
export function indicatorsOf(inst: JavaInstance, design: Design, account: JavaAccount, options: TechnoOptions = {}): TechnoEconomics {
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

import type { Design } from '../../../core/design.js';
import { CashFlowError } from './finance.js';
import type { JavaInstance } from '../instance.js';

/** Break-even quantities for one period. */
export interface BreakEven {
  /** Fixed cost per period the margin must cover (IDR). */
  readonly fixedPerPeriod: number;
  /** Contribution margin per kg of battery processed (IDR/kg). */
  readonly marginPerKgBattery: number;
  /** Battery mass (kg) whose margin equals the fixed cost of a period. */
  readonly batteryKg: number;
  /** Break-even quantity of each metal: conversion x batteryKg (kg). */
  readonly byMetal: readonly { readonly metal: string; readonly kg: number }[];
}

/**
 * Break-even point per period: fixed cost per period / contribution margin of one kg of battery,
 * margin = Σ_k conv_k (price_k - recycle_k), optionally minus the waste-treatment cost. Metal
 * quantities are that battery mass times each conversion factor. With the Table 2 values and
 * waste treatment left out this gives Ni 15,996.8 kg, Mn 14,542.5 kg, Co 15,996.8 kg, the
 * paper's figures; with waste treatment in, 16,024.2 / 14,567.5 / 16,024.2 kg.
 */
export function breakEven(inst: JavaInstance, design: Design, options: { includeWasteTreatment?: boolean } = {}): BreakEven {
  const open = design.reduce((s, b) => s + b, 0);
  const { amount, basis } = inst.fixedCost;
  const fixedPerPeriod = basis === 'network-period' ? amount : basis === 'facility-period' ? amount * open : (amount * open) / inst.periods;
  const margin = inst.metals.reduce((s, k) => s + k.conversion * (k.price - k.recycleCost), 0)
    - (options.includeWasteTreatment ? inst.wasteConversion * inst.wasteTreatmentCost : 0);
  if (!(margin > 0)) throw new CashFlowError(`no break-even point: the margin per kg of battery is ${margin} IDR`);
  const batteryKg = fixedPerPeriod / margin;
  return { fixedPerPeriod, marginPerKgBattery: margin, batteryKg, byMetal: inst.metals.map((k) => ({ metal: k.id, kg: k.conversion * batteryKg })) };
}

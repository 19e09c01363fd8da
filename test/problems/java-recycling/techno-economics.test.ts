import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../../src/core/design.js';
import { parseJavaJson } from '../../../src/problems/java-recycling/json-reader.js';
import { breakEven } from '../../../src/problems/java-recycling/techno-economics/break-even.js';
import { cashFlows } from '../../../src/problems/java-recycling/techno-economics/cash-flows.js';
import { CashFlowError, irr, npv, roi } from '../../../src/problems/java-recycling/techno-economics/finance.js';
import { technoEconomicStudy } from '../../../src/problems/java-recycling/techno-economics/run.js';
import type { JavaAccount } from '../../../src/problems/java-recycling/cost.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

describe('NPV, IRR, ROI on hand-checked cash flows', () => {
  it('NPV of -100, 60, 60 at 10% is -100 + 54.5454... + 49.5867... = 4.1322...', () => {
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(-100 + 60 / 1.1 + 60 / 1.21, 10);
    expect(npv(0.1, [-100, 60, 60])).toBeCloseTo(4.132231, 5);
    expect(npv(0, [-100, 60, 60])).toBe(20);
  });

  it('IRR of -1000, 1100 is 10%; of -100, 60, 60 solves 60x^2 + 60x - 100 = 0 with x = 1/(1+r)', () => {
    expect(irr([-1000, 1100])).toBeCloseTo(0.1, 10);
    const x = (-60 + Math.sqrt(60 * 60 + 4 * 60 * 100)) / (2 * 60);
    expect(irr([-100, 60, 60])).toBeCloseTo(1 / x - 1, 9);
    expect(irr([-100, 60, 60])).toBeCloseTo(0.130662, 6);
    // A loss-making project has a negative IRR, still a number: 30x^2 + 30x - 100 = 0.
    const y = (-30 + Math.sqrt(30 * 30 + 4 * 30 * 100)) / (2 * 30);
    expect(irr([-100, 30, 30])).toBeCloseTo(1 / y - 1, 9);
    expect(irr([-100, 30, 30])).toBeLessThan(0);
  });

  it('IRR of a cash flow with no sign change is an error, not NaN', () => {
    expect(() => irr([100, 50, 20])).toThrow(CashFlowError);
    expect(() => irr([-100, -50, 0])).toThrow(CashFlowError);
    expect(() => irr([0, 0])).toThrow(/never change sign/);
  });

  it('ROI is total net cash over the investment; no investment is an error', () => {
    expect(roi([-100, 60, 60])).toBeCloseTo(0.2, 12);
    expect(roi([-200, 50, 50])).toBeCloseTo(-0.5, 12);
    expect(() => roi([0, 10])).toThrow(CashFlowError);
  });

  it('cash flows: investment at year 0, period profits after, later years repeat the last period', () => {
    const p = (operatingProfit: number) => ({ operatingProfit }) as JavaAccount['periods'][number];
    const account = { investment: 50, periods: [p(-10), p(40), p(70)], revenue: 0, profit: 50 } as JavaAccount;
    expect(cashFlows(account)).toEqual([-50, -10, 40, 70]);
    expect(cashFlows(account, { years: 5 })).toEqual([-50, -10, 40, 70, 70, 70]);
    expect(() => cashFlows(account, { years: 0 })).toThrow(RangeError);
  });
});

describe('break-even and the study on java-option2', () => {
  const path = `${ROOT}instances/java-recycling/java-option2.json`;
  const inst = parseJavaJson(JSON.parse(readFileSync(path, 'utf8')), path);
  const both = designFrom(2, [0, 1]);

  it('break-even = fixed cost per period / Σ conv (price - recycle cost), per metal x conversion', () => {
    const margin = 0.22 * (208_000 - 24_000) + 0.2 * (48_000 - 8_000) + 0.22 * (832_000 - 96_000);
    const b = breakEven(inst, both);
    expect(b.marginPerKgBattery).toBeCloseTo(margin, 9);
    expect(b.batteryKg).toBeCloseTo(15_298_763_112 / margin, 6);
    // The paper's BEP (Ni 15,996.81, Mn 14,542.55, Co 15,996.81 kg) follows from this reading.
    expect(b.byMetal.map((m) => Number(m.kg.toFixed(2)))).toEqual([15_996.81, 14_542.55, 15_996.81]);
    const withWaste = breakEven(inst, both, { includeWasteTreatment: true });
    expect(withWaste.batteryKg).toBeCloseTo(15_298_763_112 / (margin - 0.36 * 1000), 6);
  });

  it('writes CSV and SVG for Figures 4-7; NPV falls and IRR/ROI fall as investment rises', async () => {
    const study = await technoEconomicStudy(await testHandle(), inst, { demandChanges: [-0.1, 0], investmentChanges: [0, 0.5] });
    expect(study.base.cashFlows[0]).toBe(-2 * 24_758_020_980);
    expect(study.base.cashFlows.reduce((s, v) => s + v, 0)).toBeCloseTo(study.base.account.profit, 1);
    expect(study.base.npv).toBeCloseTo(npv(0.15, study.base.cashFlows), 3);
    const [lo, hi] = study.investment;
    expect(hi!.npv).toBeCloseTo(lo!.npv - 0.5 * 2 * 24_758_020_980, 1);
    expect(hi!.irr!).toBeLessThan(lo!.irr!);
    expect(hi!.roi).toBeLessThan(lo!.roi);
    expect(study.demand.map((r) => r.openCount)).toEqual([1, 2]);
    expect(Object.keys(study.files)).toEqual(expect.arrayContaining(['demand-sensitivity.csv', 'investment-sensitivity.csv', 'npv-vs-investment.svg', 'profit-vs-demand.svg']));
    expect(study.files['demand-sensitivity.csv']!.split('\n')[0]).toBe('change,status,profit,open,openCount');
    expect(study.files['npv-vs-investment.svg']!).toContain('<svg');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { solve } from '../../../src/solve.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import type { StudyAccount } from '../../../src/studies/java-recycling/account.js';
import { studyAccount } from '../../../src/studies/java-recycling/account.js';
import { breakEven } from '../../../src/studies/java-recycling/break-even.js';
import { cashFlows } from '../../../src/studies/java-recycling/cash-flows.js';
import { CashFlowError, irr, npv, roi } from '../../../src/studies/java-recycling/finance.js';
import { scaleMarket } from '../../../src/studies/java-recycling/sensitivity.js';
import { technoEconomicStudy } from '../../../src/studies/java-recycling/study.js';
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
    const p = (operatingProfit: number) => ({ operatingProfit }) as StudyAccount['periods'][number];
    const account = { investment: 50, periods: [p(-10), p(40), p(70)], revenue: 0, profit: 50 } as StudyAccount;
    expect(cashFlows(account)).toEqual([-50, -10, 40, 70]);
    expect(cashFlows(account, { years: 5 })).toEqual([-50, -10, 40, 70, 70, 70]);
    expect(() => cashFlows(account, { years: 0 })).toThrow(RangeError);
  });
});

/** Table 2 of Kasy et al. (2025): investment IC per facility and fixed cost FC per period (IDR). */
const PAPER = { investment: 24_758_020_980, fixed: 15_298_763_112 };
/** Table 6 demand (kg, periods 1-4) and selling prices (IDR/kg). */
const DEMAND = {
  Ni: [7_300, 32_100, 73_100, 103_300],
  Mn: [6_700, 29_260, 66_400, 93_900],
  Co: [7_300, 32_100, 73_100, 103_300],
};
const PRICE = { Ni: 208_000, Mn: 48_000, Co: 832_000 };

describe('the Kasy et al. study on the network instance java-recycling-option2.json', () => {
  const path = `${ROOT}instances/network/java-recycling-option2.json`;
  const inst = networkFromText(readFileSync(path, 'utf8'), path);
  const both = Uint8Array.from([1, 1]);

  it('break-even = fixed cost per period / (Σ rate x price - recycle cost per kg battery), per metal x rate', () => {
    // Table 2: conv Ni 0.22, Mn 0.2, Co 0.22; recycle cost 24,000 / 8,000 / 96,000 per kg metal.
    const margin = 0.22 * (208_000 - 24_000) + 0.2 * (48_000 - 8_000) + 0.22 * (832_000 - 96_000);
    const b = breakEven(inst, both);
    expect(b.input).toBe('battery');
    expect(b.fixedPerPeriod).toBe(PAPER.fixed);
    expect(b.marginPerUnit).toBeCloseTo(margin, 9);
    expect(b.inputUnits).toBeCloseTo(PAPER.fixed / margin, 6);
    // The paper's BEP (Ni 15,996.81, Mn 14,542.55, Co 15,996.81 kg) follows from this reading.
    expect(b.byProduct.map((m) => m.product)).toEqual(['Ni', 'Mn', 'Co']);
    expect(b.byProduct.map((m) => Number(m.amount.toFixed(2)))).toEqual([15_996.81, 14_542.55, 15_996.81]);
    // With waste treatment (W = 1,000 IDR per kg residue, conv_W 0.36) as a variable cost.
    const withWaste = breakEven(inst, both, { includeWasteTreatment: true });
    expect(withWaste.inputUnits).toBeCloseTo(PAPER.fixed / (margin - 0.36 * 1000), 6);
  });

  it('the period account: revenue = Table 6 demand x price per period, FC per period, 2 investments; periods add up to the profit', async () => {
    const res = await solve(networkProblem(inst), { handle: await testHandle() });
    const account = studyAccount(inst, Uint8Array.from(res.design), res.flows as NetworkFlows);
    expect(account.investment).toBe(2 * PAPER.investment);
    account.periods.forEach((p, t) => {
      const revenue = Object.entries(DEMAND).reduce((s, [k, d]) => s + PRICE[k as keyof typeof PRICE] * d[t]!, 0);
      expect(Math.abs(p.revenue - revenue)).toBeLessThan(1e-3);
      expect(p.fixed).toBe(PAPER.fixed);
      expect(p.operatingProfit).toBeCloseTo(p.revenue - p.fixed - p.operating, 3);
    });
    expect(account.revenue).toBeCloseTo(233_852_480_000, 2); // the paper's revenue
    expect(Math.abs(account.profit + res.objective!)).toBeLessThan(1e-6 * Math.abs(res.objective!));
  });

  it("a market change scales the buyers' demand (and, asked, every supply), nothing else", () => {
    const more = scaleMarket(inst, 1.2, true);
    const m = (i: typeof inst, id: string) => i.nodes[i.nodeIndex.get(id)!]!;
    expect(m(more, 'Surakarta').demand[0]!.bounds.lower[3]).toBeCloseTo(1.2 * 103_300, 6);
    expect(m(more, 'Jakarta').supply.get(0)!.upper[3]).toBeCloseTo(1.2 * 258_480, 6);
    expect(m(more, 'Lamongan').demand[0]!.bounds.lower[3]).toBe(0);
    expect(m(inst, 'Surakarta').demand[0]!.bounds.lower[3]).toBe(103_300);
    expect(m(scaleMarket(inst, 1.2), 'Jakarta').supply.get(0)!.upper[3]).toBe(258_480);
  });

  it('writes CSV and SVG for Figures 4-7; NPV falls and IRR/ROI fall as investment rises', async () => {
    const study = await technoEconomicStudy(await testHandle(), inst, {
      demandChanges: [-0.1, 0],
      investmentChanges: [0, 0.5],
    });
    expect(study.open).toEqual(['RF2', 'RF3']);
    expect(study.base.cashFlows[0]).toBe(-2 * PAPER.investment);
    expect(study.base.cashFlows.reduce((s, v) => s + v, 0)).toBeCloseTo(study.base.account.profit, 1);
    expect(study.base.npv).toBeCloseTo(npv(0.15, study.base.cashFlows), 3);
    const [lo, hi] = study.investment;
    expect(hi!.npv).toBeCloseTo(lo!.npv - 0.5 * 2 * PAPER.investment, 1);
    expect(hi!.irr!).toBeLessThan(lo!.irr!);
    expect(hi!.roi).toBeLessThan(lo!.roi);
    // 10% less demand fits one facility of 365 t/year (metal stocked ahead); full demand needs both (cf. Figure 4).
    expect(study.demand.map((r) => r.openCount)).toEqual([1, 2]);
    expect(Object.keys(study.files)).toEqual(
      expect.arrayContaining([
        'demand-sensitivity.csv',
        'investment-sensitivity.csv',
        'npv-vs-investment.svg',
        'profit-vs-demand.svg',
      ]),
    );
    expect(study.files['demand-sensitivity.csv']!.split('\n')[0]).toBe('change,status,profit,open,openCount');
    expect(study.files['indicators.csv']!.split('\n')[0]).toContain('bep_battery_kg,bep_Ni_kg,bep_Mn_kg,bep_Co_kg');
    expect(study.files['npv-vs-investment.svg']!).toContain('<svg');
  });
});

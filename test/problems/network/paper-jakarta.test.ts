import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/design.js';
import type { Result } from '../../../src/core/result.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { genericNetworkProblem, networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { solve } from '../../../src/solve.js';
import { largestRemainder } from '../../../src/problems/network/generators/jakarta/rounding.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const FILE = `${ROOT}instances/network/jakarta-rln.json`;
const inst = networkFromText(readFileSync(FILE, 'utf8'), FILE);
const problem = networkProblem(inst);
const node = (id: string) => inst.nodes[inst.nodeIndex.get(id)!]!;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

/** Bafadal et al. 2025, Table 10: cluster, CC, type, cells, Qm (L1), Qr (L2), Qw (L3). */
const TABLE_10: [string, string, string, number, number, number, number][] = [
  ['1', 'CCA-1', 'LFP', 563_644, 86_801, 345_514, 131_329],
  ['1', 'CCA-1', 'NiMH', 495_895, 76_368, 303_984, 115_543],
  ['2', 'CCE-2', 'LFP', 70_520, 10_860, 43_229, 16_431],
  ['2', 'CCE-2', 'NiMH', 126_075, 19_416, 77_284, 29_375],
  ['3', 'CCK-3', 'LFP', 942_732, 145_181, 577_895, 219_656],
  ['3', 'CCK-3', 'NiMH', 620_740, 95_594, 380_514, 144_632],
  ['4', 'CCM-4', 'LFP', 437_052, 67_306, 267_913, 101_833],
  ['4', 'CCM-4', 'NiMH', 146_780, 22_604, 89_976, 34_200],
  ['5', 'CCR-5', 'LFP', 416_412, 64_127, 255_261, 97_024],
  ['5', 'CCR-5', 'NiMH', 222_835, 34_317, 136_598, 51_920],
];
const PAPER_SELECTION = ['CCA-1', 'CCE-2', 'CCK-3', 'CCM-4', 'CCR-5', 'RMC-1', 'WDC-1'];
const designOf = (ids: readonly string[]): Design =>
  Uint8Array.from(problem.space.labels, (l) => (ids.includes(l) ? 1 : 0));

/**
 * Table 10 rows of a solution from its arc flows, keyed by cluster and type: [CC, cells in, L1,
 * L2, L3]. Cells leave a CC on its arcs as products `cell-<type>-<class>`; the paper prints the
 * rounded total and splits it over the classes by largest remainder.
 */
function tableTen(flows: NetworkFlows): Map<string, [string, number, number, number, number]> {
  const cells = new Map<string, number[]>();
  for (const f of flows.arcs) {
    const m = /^cell-(.+)-L([123])$/.exec(f.product);
    if (!m || node(f.from).echelon !== 'CC') continue;
    const key = `${f.from}/${m[1]}`;
    const row = cells.get(key) ?? [0, 0, 0];
    row[Number(m[2]) - 1]! += f.amount;
    cells.set(key, row);
  }
  const out = new Map<string, [string, number, number, number, number]>();
  for (const [key, row] of cells) {
    const [cc, type] = key.split('/') as [string, string];
    const total = Math.round(row.reduce((s, v) => s + v, 0));
    const [l1, l2, l3] = largestRemainder(total, row) as [number, number, number];
    out.set(`${node(cc).cluster}/${type}`, [cc, total, l1, l2, l3]);
  }
  return out;
}

/** Waste (kg) of one battery type sent from RMCs to WDCs (Table 11). */
const wasteKg = (flows: NetworkFlows, type: string): number =>
  flows.arcs
    .filter((f) => f.product === `waste-${type}` && node(f.from).echelon === 'RMC')
    .reduce((s, f) => s + f.amount, 0);

/**
 * Transport emissions (kg CO2) of a solution, from its arc flows and each compiled arc's factor:
 * an independent sum, not the cost module's terms.
 */
function transportKg(flows: NetworkFlows): number {
  let kg = 0;
  for (const f of flows.arcs) {
    const from = inst.nodeIndex.get(f.from)!;
    const to = inst.nodeIndex.get(f.to)!;
    const p = inst.products.findIndex((q) => q.id === f.product);
    const arc = inst.arcs.find((a) => a.from === from && a.to === to && a.products.includes(p))!;
    kg += arc.emission[arc.products.indexOf(p) * inst.periods + f.period - 1]! * f.amount;
  }
  return kg;
}

describe("Jakarta network instance: the paper's Tables 8, 10 and 11 from the solved network model (real HiGHS)", () => {
  let milp: Result;
  beforeAll(async () => {
    milp = await solve(problem, { handle: await testHandle() });
  });

  it('solves to optimality at 1,165,562,862,493.75, opening one CC per cluster, one RMC, one WDC', () => {
    expect(milp.status).toBe('optimal');
    expect(milp.gap).toBeLessThan(1e-9);
    expect(rel(milp.objective!, 1_165_562_862_493.75)).toBeLessThanOrEqual(1e-9);
    expect(milp.open).toHaveLength(7);
    expect(
      milp.open
        .filter((id) => id.startsWith('CC'))
        .map((id) => node(id).cluster)
        .sort(),
    ).toEqual(['1', '2', '3', '4', '5']);
  });

  it('cell flows per cluster and type of the MILP optimum equal Table 10', () => {
    const rows = tableTen(milp.flows as NetworkFlows);
    expect(rows.size).toBe(TABLE_10.length);
    for (const [cluster, , type, cellsIn, l1, l2, l3] of TABLE_10)
      expect(rows.get(`${cluster}/${type}`)!.slice(1)).toEqual([cellsIn, l1, l2, l3]);
  });

  it("the paper's design priced by the flow LP (and by the accelerator's routed flows) reproduces Table 10 CC by CC", async () => {
    const ev = await genericNetworkProblem(inst).evaluate(await testHandle(), designOf(PAPER_SELECTION));
    expect(ev.feasible).toBe(true);
    const rows = tableTen(ev.flows!);
    for (const [cluster, cc, type, cellsIn, l1, l2, l3] of TABLE_10)
      expect(rows.get(`${cluster}/${type}`)).toEqual([cc, cellsIn, l1, l2, l3]);
    const routed = await problem.evaluate(await testHandle(), designOf(PAPER_SELECTION));
    expect(tableTen(routed.flows!)).toEqual(rows);
    expect(rel(routed.cost, ev.cost)).toBeLessThanOrEqual(1e-12);
    const byType = (t: string) => TABLE_10.filter((r) => r[2] === t).reduce((s, r) => s + r[3], 0);
    expect([byType('LFP'), byType('NiMH')]).toEqual([2_430_360, 1_612_325]);
  });

  it('RMC waste to the WDC equals Table 11', () => {
    const flows = milp.flows as NetworkFlows;
    expect(wasteKg(flows, 'NiMH').toFixed(2)).toBe('48229.48');
    // Table 11 prints 980,509.31 kg LFP but a total of 1,028,738.78 kg; with omega = 2.63 kg the model
    // gives 980,509.2991 kg, which matches the printed total and is 0.011 kg under the printed LFP row.
    expect(Math.abs(wasteKg(flows, 'LFP') - 980_509.31)).toBeLessThan(0.015);
    expect((wasteKg(flows, 'LFP') + wasteKg(flows, 'NiMH')).toFixed(2)).toBe('1028738.78');
  });

  it('emission split: transport = arc factors x arc flows (recomputed here), processing dominates, carbon tax = rate x total', () => {
    const f = milp.figures!;
    expect(rel(f.emissionsTransportKgCO2!, transportKg(milp.flows as NetworkFlows))).toBeLessThanOrEqual(1e-9);
    expect(f.emissionsProcessingKgCO2!).toBeGreaterThan(0);
    expect(f.emissionsProcessingKgCO2!).toBeGreaterThan(f.emissionsTransportKgCO2!);
    expect(rel(milp.costParts.carbonTax!, inst.carbonTax * f.emissionsKgCO2!)).toBeLessThanOrEqual(1e-12);
  });

  it('site-independent parts equal Table 8 by the provenance calibration (rates rounded to 6 digits)', () => {
    expect(rel(milp.costParts.acquisition!, 119_427_999_565)).toBeLessThan(1e-5);
    expect(rel(milp.costParts.processing!, 700_851_103_697)).toBeLessThan(1e-5);
    expect(rel(milp.costParts.fixed!, 53_263_277_199)).toBeLessThan(1e-9);
  });

  it('the hybrid (design search + exact flow LP, decomposition bound) certifies the MILP optimum', async () => {
    const hybrid = await solve(problem, { handle: await testHandle(), method: 'hybrid', seed: 1 });
    expect(hybrid.status).toBe('optimal');
    expect(hybrid.open).toEqual(milp.open);
    expect(rel(hybrid.objective!, milp.objective!)).toBeLessThan(1e-9);
  });
});

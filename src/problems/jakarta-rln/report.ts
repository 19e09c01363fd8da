import type { Design } from '../../core/design.js';
import { jakartaCost, jakartaEmissions } from './cost.js';
import { bitOf } from './design-layout.js';
import { ccCells, ccPacks, type JakartaFlows } from './flows.js';
import type { JakartaInstance, JrlnSite } from './instance.js';
import { largestRemainder } from './rounding.js';

const int = (v: number): string => Math.round(v).toLocaleString('en-US');
const dec2 = (v: number): string => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (v: number, total: number): string => (total === 0 ? '-' : `${((100 * v) / total).toFixed(2)}%`);
const coord = (s: JrlnSite): string => (s.lat !== undefined && s.lon !== undefined ? `(${s.lat.toFixed(5)}, ${s.lon.toFixed(5)})` : '');

/** Renders rows as a plain-text table with right-aligned columns after the first `left` ones. */
function table(header: string[], rows: string[][], left = 1): string[] {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (r: string[]): string => '  ' + r.map((v, c) => (c < left ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [line(header), ...rows.map(line)];
}

/**
 * One Table 10 row: L1, L2, L3 cells as whole numbers that add up to the rounded total (the
 * paper's rounding; plain rounding of each share would break the row sum, e.g. CCR-5 NiMH).
 */
export function tableTenRow(cells: readonly number[]): [number, number, number] {
  const total = Math.round(cells.reduce((s, v) => s + v, 0));
  return largestRemainder(total, cells) as [number, number, number];
}

/**
 * The paper's result tables for one solution: selected facilities (Table 9), cell flows from each
 * CC by type and quality (Table 10, cells rounded as the paper rounds them), RMC waste by type
 * (Table 11), cost composition (Table 8) and the post-optimisation emission split.
 */
export function jakartaReport(inst: JakartaInstance, design: Design, flows: JakartaFlows): string {
  const openRmc = inst.rmcs.filter((_, j) => design[bitOf(inst, 'rmc', j)]);
  const openWdc = inst.wdcs.filter((_, w) => design[bitOf(inst, 'wdc', w)]);
  const out: string[] = ['Selected facilities (Table 9)'];
  const siteRows: string[][] = [];
  inst.ccs.forEach((c, i) => {
    if (design[bitOf(inst, 'cc', i)]) siteRows.push([`Cluster ${inst.clusters[c.cluster]!.id}`, c.id, coord(c)]);
  });
  openRmc.forEach((s) => siteRows.push(['RMC', s.id, coord(s)]));
  openWdc.forEach((s) => siteRows.push(['WDC', s.id, coord(s)]));
  out.push(...table(['cluster/type', 'facility', '(lat, lon)'], siteRows, 3));

  const rmcName = openRmc.map((s) => s.id).join('+') || 'RMC';
  const wdcName = openWdc.map((s) => s.id).join('+') || 'WDC';
  const packs = ccPacks(inst, flows);
  const cells = ccCells(inst, flows);
  const cellRows: string[][] = [];
  const totals = inst.types.map(() => [0, 0, 0, 0]);
  inst.ccs.forEach((c, i) => {
    if (!design[bitOf(inst, 'cc', i)]) return;
    inst.types.forEach((t, b) => {
      const received = t.cellsPerPack * packs[i]![b]!;
      const [l1, l2, l3] = tableTenRow(cells[i]![b]!);
      cellRows.push([inst.clusters[c.cluster]!.id, c.id, t.id, int(received), int(l1), int(l2), int(l3), int(l1 + l2 + l3)]);
      [received, l1, l2, l3].forEach((v, q) => (totals[b]![q]! += v));
    });
  });
  out.push('', `Individual cell flow from the CC to the processing facilities (Table 10)`);
  out.push(...table(['cluster', 'CC', 'type', 'cells in', `Qm L1 -> ${rmcName}`, `Qr L2 -> ${rmcName}`, `Qw L3 -> ${wdcName}`, 'total out'], cellRows, 3));
  out.push(...inst.types.map((t, b) => `  total ${t.id}: ${int(totals[b]![0]!)} cells (L1 ${int(totals[b]![1]!)}, L2 ${int(totals[b]![2]!)}, L3 ${int(totals[b]![3]!)})`));

  const wasteRows = inst.types.map((t, b) => {
    const kg = flows.waste.filter((f) => f.type === b).reduce((s, f) => s + f.kg, 0);
    return [rmcName, t.id, wdcName, dec2(kg)];
  });
  const wasteTotal = flows.waste.reduce((s, f) => s + f.kg, 0);
  out.push('', 'Weight of solid waste from the RMC to the WDC (Table 11)');
  out.push(...table(['origin', 'battery type', 'destination', 'waste (kg)'], [...wasteRows, ['total', '', '', dec2(wasteTotal)]], 3));

  const cost = jakartaCost(inst, design, flows);
  const names: Record<string, string> = { acquisition: 'Acquisition cost', fixed: 'Fixed facility cost', processing: 'Processing cost', transport: 'Transportation cost', carbonTax: 'Carbon tax cost' };
  out.push('', 'Cost composition (Table 8)');
  out.push(...table(['cost component', 'value (IDR)', 'share'], [...Object.entries(cost.parts).map(([k, v]) => [names[k] ?? k, int(v), pct(v, cost.total)]), ['Total', int(cost.total), pct(cost.total, cost.total)]]));

  const em = jakartaEmissions(inst, flows);
  out.push('', 'Emissions after the solve (kg CO2)');
  out.push(...table(['source', 'kg CO2', 'share'], [['processing', dec2(em.processing), pct(em.processing, em.total)], ['transport', dec2(em.transport), pct(em.transport, em.total)], ['total', dec2(em.total), pct(em.total, em.total)]]));
  return out.join('\n');
}

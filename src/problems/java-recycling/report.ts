import type { Design } from '../../core/design.js';
import { javaAccount } from './cost.js';
import { processed, type JavaFlows } from './flows.js';
import type { JavaInstance } from './instance.js';
import { technoEconomics } from './techno-economics/indicators.js';

const kg = (v: number): string => Math.round(v).toLocaleString('en-US');
const idr = (v: number): string => `IDR ${Math.round(v).toLocaleString('en-US')}`;
const pct = (v: number | null): string => (v === null ? 'n/a' : `${(100 * v).toFixed(2)}%`);

/** Right-aligned plain-text table. */
function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: string[]): string => '  ' + cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ');
  return [line(head), ...rows.map(line)];
}

/**
 * A solution laid out as the paper's tables: allocation from collection centres (Table 5),
 * production / shipment / inventory per metal (Table 7), residue to landfill (Table 8), revenue
 * and costs (Table 9), then the feasibility figures (NPV at 15% over the model's periods, IRR,
 * ROI, break-even per metal; `rlnd techno-economics` varies horizon and rate).
 */
export function javaReport(inst: JavaInstance, design: Design, flows: JavaFlows): string {
  const T = inst.periods;
  const periods = [...Array(T).keys()];
  const ids = inst.facilities.map((f) => f.id);
  const out: string[] = [`open recycling facilities: ${inst.facilities.filter((_, r) => design[r]).map((f) => `${f.id} (${f.city})`).join(', ') || 'none'}`, ''];

  out.push('Battery waste from collection centres to recycling facilities, kg (Table 5)');
  const head5 = ['centre', ...periods.flatMap((t) => ids.map((id) => `P${t + 1} ${id}`))];
  const rows5 = inst.centres.map((c, ci) => [c.id, ...periods.flatMap((t) => ids.map((_, r) => kg(flows.collect[ci]![r]![t]!)))]);
  rows5.push(['total', ...periods.flatMap((t) => ids.map((_, r) => kg(processed(flows, r, t))))]);
  out.push(...table(head5, rows5));
  out.push('');

  out.push('Recycled metal produced, sent to manufacturers, and held, kg (Table 7)');
  const rows7: string[][] = [];
  for (const [label, get] of [
    ['produced', (r: number, k: number, t: number) => flows.production[r]![k]![t]!],
    ['sent', (r: number, k: number, t: number) => flows.ship[r]!.reduce((s, byK) => s + byK[k]![t]!, 0)],
    ['inventory', (r: number, k: number, t: number) => flows.inventory[r]![k]![t]!],
  ] as const) {
    ids.forEach((id, r) => rows7.push([`${label} ${id}`, ...inst.metals.flatMap((_, k) => periods.map((t) => kg(get(r, k, t))))]));
  }
  out.push(...table(['', ...inst.metals.flatMap((k) => periods.map((t) => `${k.id} P${t + 1}`))], rows7), '');

  out.push('Residue from recycling facilities to landfill, kg (Table 8)');
  out.push(...table(['facility', ...periods.map((t) => `P${t + 1}`)], ids.map((id, r) => [id, ...periods.map((t) => kg(flows.residue[r]!.reduce((s, row) => s + row[t]!, 0)))])), '');

  const a = javaAccount(inst, design, flows);
  const sum = (f: (p: (typeof a.periods)[number]) => number): number => a.periods.reduce((s, p) => s + f(p), 0);
  out.push('Revenue and costs (Table 9)');
  const rows9: string[][] = inst.metals.map((k, ki) => [`revenue ${k.id}`, idr(sum((p) => p.revenueByMetal[ki]!))]);
  rows9.push(['total revenue', idr(a.revenue)]);
  const costs: [string, number][] = [
    ['fixed cost', sum((p) => p.fixed)],
    ['investment cost', a.investment],
    ['recycle cost', sum((p) => p.recycle)],
    ['waste-treatment cost', sum((p) => p.wasteTreatment)],
    ['inventory cost', sum((p) => p.inventory)],
    ['transport centre -> facility', sum((p) => p.transportCollection)],
    ['transport facility -> manufacturer', sum((p) => p.transportManufacturer)],
    ['transport facility -> landfill', sum((p) => p.transportLandfill)],
  ];
  rows9.push(...costs.map(([n, v]) => [n, idr(v)]));
  rows9.push(['total cost', idr(a.revenue - a.profit)], ['total profit', idr(a.profit)]);
  out.push(...table(['component', 'value'], rows9), '');

  const te = technoEconomics(inst, design, flows);
  out.push(`Feasibility (cash flows over the model's ${T} periods as years, investment at year 0, rate ${pct(te.rate)})`);
  out.push(`  cash flows  ${te.cashFlows.map(idr).join(' | ')}`);
  out.push(`  NPV         ${idr(te.npv)}`);
  out.push(`  IRR         ${pct(te.irr)}${te.irrNote ? ` (${te.irrNote})` : ''}`);
  out.push(`  ROI         ${pct(te.roi)}`);
  out.push(`  break-even  ${te.breakEven.byMetal.map((b) => `${b.metal} ${b.kg.toFixed(2)} kg`).join(', ')} per period (${te.breakEven.batteryKg.toFixed(2)} kg battery)`);
  return out.join('\n');
}

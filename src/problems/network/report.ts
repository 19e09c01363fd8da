import type { Design } from '../../core/design.js';
import { networkCost, networkFigures } from './cost.js';
import type { NetworkFlows } from './flows.js';
import type { NetworkInstance } from './instance.js';

const num = (v: number): string => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), ...rows.map(line)];
}

/**
 * A readable report of a network solution: cost parts and figures, the open nodes by echelon,
 * flows summed per echelon pair, product and period, what each node processed, and stock.
 */
export function networkReport(inst: NetworkInstance, design: Design, flows: NetworkFlows): string {
  const cost = networkCost(inst, design, flows);
  const lines: string[] = [
    `Network ${inst.name}: ${inst.objective === 'profit' ? `profit ${num(-cost.total)}` : `cost ${num(cost.total)}`}`,
    '',
  ];
  lines.push(
    'Cost parts',
    ...table(
      ['part', 'value'],
      Object.entries(cost.parts)
        .filter(([, v]) => v !== 0)
        .map(([k, v]) => [k, num(v)]),
    ),
    '',
  );
  const figures = networkFigures(inst, design, flows);
  if (Object.keys(figures).length > 0)
    lines.push(
      'Figures',
      ...table(
        ['figure', 'value'],
        Object.entries(figures).map(([k, v]) => [k, num(v)]),
      ),
      '',
    );
  const byEchelon = new Map<string, string[]>();
  inst.bits.forEach((b, i) => {
    if (!design[i]) return;
    const e = inst.nodes[b.node]!.echelon;
    byEchelon.set(e, [...(byEchelon.get(e) ?? []), b.label]);
  });
  lines.push(
    'Open nodes',
    ...table(
      ['echelon', 'open'],
      [...byEchelon].map(([e, ids]) => [e, ids.join(', ')]),
    ),
    '',
  );
  const echelonOf = (id: string): string => inst.nodes[inst.nodeIndex.get(id)!]!.echelon;
  const lanes = new Map<string, number>();
  for (const f of flows.arcs) {
    const key = `${echelonOf(f.from)} -> ${echelonOf(f.to)}\u0000${f.product}\u0000${f.period}`;
    lanes.set(key, (lanes.get(key) ?? 0) + f.amount);
  }
  const T = inst.periods;
  const rows = [...lanes].map(([k, v]) => {
    const [lane, product, period] = k.split('\u0000') as [string, string, string];
    return T > 1 ? [lane, product, period, num(v)] : [lane, product, num(v)];
  });
  lines.push(
    'Flows by echelon',
    ...table(T > 1 ? ['lane', 'product', 'period', 'amount'] : ['lane', 'product', 'amount'], rows),
    '',
  );
  if (flows.processed.length > 0) {
    const proc = flows.processed.map((e) => [
      e.option ? `${e.node}:${e.option}` : e.node,
      e.product,
      ...(T > 1 ? [String(e.period)] : []),
      num(e.amount),
    ]);
    lines.push('Processed', ...table(['node', 'input', ...(T > 1 ? ['period'] : []), 'amount'], proc), '');
  }
  if (flows.stock.length > 0) {
    lines.push(
      'Stock at the end of each period',
      ...table(
        ['node', 'product', 'period', 'amount'],
        flows.stock.map((e) => [e.node, e.product, String(e.period), num(e.amount)]),
      ),
      '',
    );
  }
  return lines.join('\n');
}

import type { Design } from '../../core/design.js';
import { COST_PARTS, PART_LETTER, ilCost } from './cost.js';
import { xBit, yBit } from './design-bits.js';
import { flowAccess, type IlFlows } from './flows.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/**
 * Readable report: open centres with their technology (the paper's x_rk, y_uk), the cost parts
 * O, I, F, V, E of MinC, and the flows per period.
 */
export function ilReport(inst: IlInstance, design: Design, flows: IlFlows): string {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const q = flowAccess(inst.sizes, flows);
  const id = inst.ids;
  const sum = (n: number, f: (j: number) => number): number => range(n).reduce((s, j) => s + f(j), 0);
  const lines = ['open centres:', '  centre    stage       technology   opening cost    received   sent on   end stock'];
  let open = 0;
  for (const r of range(R)) for (const k of range(K)) {
    if (!design[xBit(inst, r, k)]) continue;
    open++;
    const received = sum(T, (t) => sum(P, (p) => sum(I, (i) => q.QI(p, k, i, r, t))));
    const sent = sum(T, (t) => sum(P, (p) => sum(U, (u) => q.QR(p, k, r, u, t))));
    const stock = sum(P, (p) => q.IR(p, k, r, T - 1));
    lines.push(row(id.R[r]!, 'repair', id.K[k]!, param(inst, 'FR', r, k), received, sent, stock));
  }
  for (const u of range(U)) for (const k of range(K)) {
    if (!design[yBit(inst, u, k)]) continue;
    open++;
    const received = sum(T, (t) => sum(P, (p) => sum(R, (r) => q.QR(p, k, r, u, t))));
    const sent = sum(T, (t) => sum(O, (o) => sum(M, (m) => q.QU(o, k, u, m, t))));
    const stock = sum(P, (p) => q.IpU(p, k, u, T - 1)) + sum(O, (o) => q.IoU(o, k, u, T - 1));
    lines.push(row(id.U[u]!, 'recycling', id.K[k]!, param(inst, 'FU', u, k), received, sent, stock));
  }
  lines.splice(1, 0, `  (${open} of ${R + U} centres open; received/sent in batteries, recycling sends components)`);
  const cost = ilCost(inst, design, flows);
  lines.push('', 'cost parts (MinC = O + I + F + V + E):');
  for (const part of COST_PARTS) lines.push(`  ${PART_LETTER[part]}  ${part.padEnd(10)} ${fmt(cost.parts[part]!).padStart(14)}`);
  lines.push(`     ${'MinC'.padEnd(10)} ${fmt(cost.total).padStart(14)}`);
  lines.push('', 'per period:', '  period   collected (QI)   to recycling (QR)   disassembled (CU)   components (QU)   demand (DM)');
  for (const t of range(T)) {
    const cells = [
      sum(K, (k) => sum(P, (p) => sum(I, (i) => sum(R, (r) => q.QI(p, k, i, r, t))))),
      sum(K, (k) => sum(P, (p) => sum(R, (r) => sum(U, (u) => q.QR(p, k, r, u, t))))),
      sum(K, (k) => sum(P, (p) => sum(U, (u) => q.CU(p, k, u, t)))),
      sum(K, (k) => sum(O, (o) => sum(U, (u) => sum(M, (m) => q.QU(o, k, u, m, t))))),
      sum(K, (k) => sum(O, (o) => sum(M, (m) => param(inst, 'DM', o, k, m, t)))),
    ];
    lines.push(`  ${id.T[t]!.padEnd(6)} ${cells.map((c, n) => fmt(c).padStart([16, 19, 19, 17, 13][n]!)).join(' ')}`);
  }
  return lines.join('\n');
}

function row(centre: string, stage: string, tech: string, fixed: number, received: number, sent: number, stock: number): string {
  return `  ${centre.padEnd(9)} ${stage.padEnd(11)} ${tech.padEnd(12)} ${fmt(fixed).padStart(12)} ${fmt(received).padStart(11)} ${fmt(sent).padStart(9)} ${fmt(stock).padStart(11)}`;
}

function fmt(v: number): string {
  return v.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

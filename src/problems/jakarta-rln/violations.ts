import { groupViolation, type Design } from '../../core/design.js';
import { bitOf, jakartaSpace } from './design-layout.js';
import { ccCells, ccPacks, rmcWaste, type JakartaFlows } from './flows.js';
import { QUALITIES, type JakartaInstance } from './instance.js';

/** Relative tolerance for balances of recomputed solutions (flows come back with ~1e-9 noise). */
const TOL = 1e-7;

const off = (got: number, want: number): boolean => Math.abs(got - want) > TOL * Math.max(1, Math.abs(want));

/**
 * Every constraint of the model that a design and its flows violate: dealer supply, arcs only
 * within the cluster and between open sites (15)-(22), the per-CC cell balances (7)-(10), the
 * per-RMC waste balance (11), and one open site per group (12)-(14).
 */
export function jakartaViolations(inst: JakartaInstance, design: Design, flows: JakartaFlows): string[] {
  const out: string[] = [];
  const group = groupViolation(jakartaSpace(inst), design);
  if (group) out.push(group);
  const negative = [...flows.packs.map((f) => f.packs), ...flows.cells.map((f) => f.cells), ...flows.waste.map((f) => f.kg)].filter((v) => v < -TOL);
  if (negative.length > 0) out.push(`${negative.length} negative flows (e.g. ${negative[0]})`);
  const shipped = inst.dealers.map(() => inst.types.map(() => 0));
  for (const f of flows.packs) {
    shipped[f.dealer]![f.type]! += f.packs;
    const dl = inst.dealers[f.dealer]!;
    const cc = inst.ccs[f.cc]!;
    if (cc.cluster !== dl.cluster) out.push(`dealer ${dl.id} ships to ${cc.id}, a CC of another cluster`);
    if (!design[bitOf(inst, 'cc', f.cc)] && f.packs > TOL) out.push(`dealer ${dl.id} ships to closed CC ${cc.id}`);
  }
  inst.dealers.forEach((dl, d) =>
    inst.types.forEach((t, b) => {
      if (off(shipped[d]![b]!, dl.packs[b]!)) out.push(`dealer ${dl.id} ships ${shipped[d]![b]} of its ${dl.packs[b]} ${t.id} packs`);
    }),
  );
  const packs = ccPacks(inst, flows);
  const cells = ccCells(inst, flows);
  const rmcIn = inst.rmcs.map(() => inst.types.map(() => 0));
  for (const f of flows.cells) {
    const to = f.quality === 2 ? inst.wdcs[f.dest]! : inst.rmcs[f.dest]!;
    if (!design[bitOf(inst, 'cc', f.cc)] && f.cells > TOL) out.push(`cells leave closed CC ${inst.ccs[f.cc]!.id}`);
    if (!design[bitOf(inst, f.quality === 2 ? 'wdc' : 'rmc', f.dest)] && f.cells > TOL) out.push(`cells sent to closed site ${to.id}`);
    if (f.quality !== 2) rmcIn[f.dest]![f.type]! += f.cells;
  }
  inst.ccs.forEach((c, i) =>
    inst.types.forEach((t, b) =>
      QUALITIES.forEach((q, u) => {
        const want = inst.alpha[c.cluster]![b]![u]! * t.cellsPerPack * packs[i]![b]!;
        if (off(cells[i]![b]![u]!, want)) out.push(`(${8 + u}) ${c.id} sends ${cells[i]![b]![u]} ${q} ${t.id} cells, ${want} expected`);
      }),
    ),
  );
  const waste = rmcWaste(inst, flows);
  for (const f of flows.waste) {
    if (!design[bitOf(inst, 'rmc', f.rmc)] && f.kg > TOL) out.push(`waste leaves closed RMC ${inst.rmcs[f.rmc]!.id}`);
    if (!design[bitOf(inst, 'wdc', f.wdc)] && f.kg > TOL) out.push(`waste sent to closed WDC ${inst.wdcs[f.wdc]!.id}`);
  }
  inst.rmcs.forEach((r, j) =>
    inst.types.forEach((t, b) => {
      const want = inst.wasteRatio * t.cellMassKg * rmcIn[j]![b]!;
      if (off(waste[j]![b]!, want)) out.push(`(11) ${r.id} sends ${waste[j]![b]} kg ${t.id} waste, ${want} expected`);
    }),
  );
  return out;
}

import { groupViolation, type Design } from '../../core/design.js';
import { bitOf, jakartaSpace } from './design-layout.js';
import type { CellFlow, JakartaFlows, PackFlow, WasteFlow } from './flows.js';
import type { JakartaInstance } from './instance.js';

/**
 * The flows of a design with exactly one site open per group, written down directly. With one CC
 * per cluster, one RMC and one WDC open and no capacities, constraints (7)-(19) leave exactly one
 * feasible flow: every dealer ships to its cluster's open CC, each quality goes to the one open
 * destination in the shares alpha, and the RMC waste to the one open WDC. The flow LP therefore has
 * a single feasible point and this is its optimum; the tests check the two agree. Returns null when
 * a group rule is broken.
 */
export function closedFormFlows(inst: JakartaInstance, design: Design): JakartaFlows | null {
  if (groupViolation(jakartaSpace(inst), design)) return null;
  const openCc = inst.clusters.map((_, k) => inst.ccs.findIndex((c, i) => c.cluster === k && design[bitOf(inst, 'cc', i)]));
  const rmc = inst.rmcs.findIndex((_, j) => design[bitOf(inst, 'rmc', j)]);
  const wdc = inst.wdcs.findIndex((_, w) => design[bitOf(inst, 'wdc', w)]);
  const packs: PackFlow[] = [];
  const received = inst.ccs.map(() => inst.types.map(() => 0));
  inst.dealers.forEach((dl, d) =>
    dl.packs.forEach((p, b) => {
      const cc = openCc[dl.cluster]!;
      if (p > 0) packs.push({ dealer: d, cc, type: b, packs: p });
      received[cc]![b]! += p;
    }),
  );
  const cells: CellFlow[] = [];
  const rmcIn = inst.types.map(() => 0);
  openCc.forEach((cc, k) =>
    inst.types.forEach((t, b) => {
      const total = t.cellsPerPack * received[cc]![b]!;
      ([0, 1, 2] as const).forEach((u) => {
        const n = inst.alpha[k]![b]![u]! * total;
        if (n > 0) cells.push({ cc, quality: u, dest: u === 2 ? wdc : rmc, type: b, cells: n });
        if (u !== 2) rmcIn[b]! += n;
      });
    }),
  );
  const waste: WasteFlow[] = [];
  inst.types.forEach((t, b) => {
    const kg = inst.wasteRatio * t.cellMassKg * rmcIn[b]!;
    if (kg > 0) waste.push({ rmc, wdc, type: b, kg });
  });
  return { packs, cells, waste };
}

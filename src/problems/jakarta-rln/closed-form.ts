import { groupViolation, type Design } from '../../core/design.js';
import { bitOf, jakartaSpace } from './design-layout.js';
import type { CellFlow, JakartaFlows, PackFlow, WasteFlow } from './flows.js';
import type { JakartaInstance } from './instance.js';

/** Dealer indices of each cluster, in dealer order. */
export function dealersByCluster(inst: JakartaInstance): number[][] {
  const out = inst.clusters.map((): number[] => []);
  inst.dealers.forEach((dl, d) => out[dl.cluster]!.push(d));
  return out;
}

/** The pack flows when the given dealers (of one cluster) all ship to CC `cc`. */
export function packFlowsTo(inst: JakartaInstance, dealers: readonly number[], cc: number): PackFlow[] {
  const out: PackFlow[] = [];
  for (const d of dealers) inst.dealers[d]!.packs.forEach((p, b) => p > 0 && out.push({ dealer: d, cc, type: b, packs: p }));
  return out;
}

/** Packs of each type received through the pack flows, summed in flow order. */
export function packsReceived(inst: JakartaInstance, packs: readonly PackFlow[]): number[] {
  const out = inst.types.map(() => 0);
  for (const f of packs) out[f.type]! += f.packs;
  return out;
}

/**
 * The cell flows leaving CC `cc` when it receives `received[b]` packs: each quality in the shares
 * alpha of the CC's cluster, L1/L2 to RMC `rmc`, L3 to WDC `wdc`.
 */
export function cellFlowsFrom(inst: JakartaInstance, cc: number, received: readonly number[], rmc: number, wdc: number): CellFlow[] {
  const k = inst.ccs[cc]!.cluster;
  const out: CellFlow[] = [];
  inst.types.forEach((t, b) => {
    const total = t.cellsPerPack * received[b]!;
    ([0, 1, 2] as const).forEach((u) => {
      const n = inst.alpha[k]![b]![u]! * total;
      if (n > 0) out.push({ cc, quality: u, dest: u === 2 ? wdc : rmc, type: b, cells: n });
    });
  });
  return out;
}

/** Cells of each type that the cell flows bring to RMCs (L1 and L2), summed in flow order. */
export function rmcCellsIn(inst: JakartaInstance, cells: readonly CellFlow[]): number[] {
  const out = inst.types.map(() => 0);
  for (const f of cells) if (f.quality !== 2) out[f.type]! += f.cells;
  return out;
}

/** The waste flows from RMC `rmc` to WDC `wdc` when the RMC processes `rmcIn[b]` cells. */
export function wasteFlowsOf(inst: JakartaInstance, rmcIn: readonly number[], rmc: number, wdc: number): WasteFlow[] {
  const out: WasteFlow[] = [];
  inst.types.forEach((t, b) => {
    const kg = inst.wasteRatio * t.cellMassKg * rmcIn[b]!;
    if (kg > 0) out.push({ rmc, wdc, type: b, kg });
  });
  return out;
}

/**
 * The flows of a design with exactly one site open per group, written down directly. With one CC
 * per cluster, one RMC and one WDC open and no capacities, constraints (7)-(19) leave exactly one
 * feasible flow: every dealer ships to its cluster's open CC, each quality goes to the one open
 * destination in the shares alpha, and the RMC waste to the one open WDC. The flow LP therefore has
 * a single feasible point and this is its optimum; the tests check the two agree. Returns null when
 * a group rule is broken. Built from the per-cluster pieces above, which the decomposition bound
 * (`bound.ts`) prices one cluster at a time.
 */
export function closedFormFlows(inst: JakartaInstance, design: Design): JakartaFlows | null {
  if (groupViolation(jakartaSpace(inst), design)) return null;
  const rmc = inst.rmcs.findIndex((_, j) => design[bitOf(inst, 'rmc', j)]);
  const wdc = inst.wdcs.findIndex((_, w) => design[bitOf(inst, 'wdc', w)]);
  const packs: PackFlow[] = [];
  const cells: CellFlow[] = [];
  dealersByCluster(inst).forEach((dealers, k) => {
    const cc = inst.ccs.findIndex((c, i) => c.cluster === k && design[bitOf(inst, 'cc', i)]);
    const p = packFlowsTo(inst, dealers, cc);
    // Loops, not push(...spread): a cluster may hold more dealers than a call takes arguments.
    for (const f of p) packs.push(f);
    for (const f of cellFlowsFrom(inst, cc, packsReceived(inst, p), rmc, wdc)) cells.push(f);
  });
  return { packs, cells, waste: wasteFlowsOf(inst, rmcCellsIn(inst, cells), rmc, wdc) };
}

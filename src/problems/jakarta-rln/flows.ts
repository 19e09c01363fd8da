import type { JakartaInstance } from './instance.js';

/** Packs of one type shipped from a dealer to a CC of its cluster (Q_ds,i^k,b). */
export interface PackFlow {
  readonly dealer: number;
  readonly cc: number;
  readonly type: number;
  readonly packs: number;
}

/**
 * Cells of one type and quality leaving a CC: quality 0 (L1, Qm) and 1 (L2, Qr) go to RMC `dest`,
 * quality 2 (L3, Qw) to WDC `dest`.
 */
export interface CellFlow {
  readonly cc: number;
  readonly quality: 0 | 1 | 2;
  readonly dest: number;
  readonly type: number;
  readonly cells: number;
}

/** Solid waste (kg) of one battery type from an RMC to a WDC (Q_j,w^b). */
export interface WasteFlow {
  readonly rmc: number;
  readonly wdc: number;
  readonly type: number;
  readonly kg: number;
}

/** All flows of a Jakarta network solution; plain arrays of plain objects, so they round-trip as JSON. */
export interface JakartaFlows {
  readonly packs: readonly PackFlow[];
  readonly cells: readonly CellFlow[];
  readonly waste: readonly WasteFlow[];
}

/** Values below this are solver noise, not flow. */
export const FLOW_EPS = 1e-9;

/** Packs received at each CC, `[i][b]` (Q_i^k,b). */
export function ccPacks(inst: JakartaInstance, flows: JakartaFlows): number[][] {
  const out = inst.ccs.map(() => inst.types.map(() => 0));
  for (const f of flows.packs) out[f.cc]![f.type]! += f.packs;
  return out;
}

/** Cells leaving each CC, `[i][b][u]`. */
export function ccCells(inst: JakartaInstance, flows: JakartaFlows): number[][][] {
  const out = inst.ccs.map(() => inst.types.map(() => [0, 0, 0]));
  for (const f of flows.cells) out[f.cc]![f.type]![f.quality]! += f.cells;
  return out;
}

/** Waste leaving each RMC, `[j][b]` in kg. */
export function rmcWaste(inst: JakartaInstance, flows: JakartaFlows): number[][] {
  const out = inst.rmcs.map(() => inst.types.map(() => 0));
  for (const f of flows.waste) out[f.rmc]![f.type]! += f.kg;
  return out;
}

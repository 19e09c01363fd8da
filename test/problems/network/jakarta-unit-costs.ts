import {
  ccRmcKm,
  ccWdcKm,
  dealerCcKm,
  rmcWdcKm,
  type JakartaInstance,
} from '../../../src/problems/network/convert/legacy/jakarta/instance.js';

/**
 * What one unit of flow on one arc costs, split as the paper's objective (6) splits it:
 * acquisition, processing and transport in IDR, processing and transport emissions in kg CO2
 * (the carbon-tax part is C_tax times their sum). The MILP, the flow LP and the recomputed cost
 * all read their coefficients from here, so they cannot drift apart.
 */
export interface UnitParts {
  readonly acquisition: number;
  readonly processing: number;
  readonly transport: number;
  readonly emissionProcessing: number;
  readonly emissionTransport: number;
}

/** Objective coefficient of a unit of flow: costs plus carbon tax on its emissions. */
export function unitObjective(inst: JakartaInstance, p: UnitParts): number {
  return p.acquisition + p.processing + p.transport + inst.carbonTax * (p.emissionProcessing + p.emissionTransport);
}

/**
 * One pack of type b from dealer d to CC i: acquisition sum_u alpha_u,b,k C_ac u,b (eq. 6 charges
 * it on packs received at the CC), CC processing, and pack transport over d_ds,i.
 */
export function packUnit(inst: JakartaInstance, d: number, i: number, b: number): UnitParts {
  const k = inst.dealers[d]!.cluster;
  const km = dealerCcKm(inst, d, i);
  const acquisition = inst.alpha[k]![b]!.reduce((s, a, u) => s + a * inst.acquisition[b]![u]!, 0);
  return {
    acquisition,
    processing: inst.processingCost.ccPerPack[b]!,
    transport: km * inst.transportCost.perPackKm[b]!,
    emissionProcessing: inst.processingEmission.ccPerPack[b]!,
    emissionTransport: km * inst.transportEmission.perPackKm[b]!,
  };
}

/** One cell of type b and quality u from CC i to `dest` (an RMC for L1/L2, a WDC for L3). */
export function cellUnit(inst: JakartaInstance, i: number, quality: 0 | 1 | 2, dest: number, b: number): UnitParts {
  const km = quality === 2 ? ccWdcKm(inst, i, dest) : ccRmcKm(inst, i, dest);
  const pc = inst.processingCost;
  const pe = inst.processingEmission;
  const proc = quality === 0 ? pc.rmcL1PerCell : quality === 1 ? pc.rmcL2PerCell : pc.wdcL3PerCell;
  const emis = quality === 0 ? pe.rmcL1PerCell : quality === 1 ? pe.rmcL2PerCell : pe.wdcL3PerCell;
  return {
    acquisition: 0,
    processing: proc[b]!,
    transport: km * inst.transportCost.perCellKm[b]!,
    emissionProcessing: emis[b]!,
    emissionTransport: km * inst.transportEmission.perCellKm[b]!,
  };
}

/** One kg of type-b solid waste from RMC j to WDC w (eq. 6 charges transport only). */
export function wasteUnit(inst: JakartaInstance, j: number, w: number, b: number): UnitParts {
  const km = rmcWdcKm(inst, j, w);
  return {
    acquisition: 0,
    processing: 0,
    transport: km * inst.transportCost.wastePerKgKm[b]!,
    emissionProcessing: 0,
    emissionTransport: km * inst.transportEmission.wastePerKgKm[b]!,
  };
}

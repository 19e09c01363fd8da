import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import type { CostBreakdown } from '../../core/problem.js';
import { bitOf } from './design-layout.js';
import type { JakartaFlows } from './flows.js';
import type { JakartaInstance } from './instance.js';
import { cellUnit, packUnit, wasteUnit, type UnitParts } from './unit-costs.js';

/** Emissions of a solution in kg CO2, split as the paper's post-optimisation analysis splits them. */
export interface Emissions {
  readonly processing: number;
  readonly transport: number;
  readonly total: number;
}

/** Every flow with its amount and unit parts. */
function flowTerms(inst: JakartaInstance, flows: JakartaFlows): { amount: number; unit: UnitParts }[] {
  return [
    ...flows.packs.map((f) => ({ amount: f.packs, unit: packUnit(inst, f.dealer, f.cc, f.type) })),
    ...flows.cells.map((f) => ({ amount: f.cells, unit: cellUnit(inst, f.cc, f.quality, f.dest, f.type) })),
    ...flows.waste.map((f) => ({ amount: f.kg, unit: wasteUnit(inst, f.rmc, f.wdc, f.type) })),
  ];
}

function emissionsOf(terms: readonly { amount: number; unit: UnitParts }[]): Emissions {
  const processing = preciseSum(terms.map((t) => t.amount * t.unit.emissionProcessing));
  const transport = preciseSum(terms.map((t) => t.amount * t.unit.emissionTransport));
  return { processing, transport, total: processing + transport };
}

/** Processing and transport emissions of the flows (kg CO2). */
export function jakartaEmissions(inst: JakartaInstance, flows: JakartaFlows): Emissions {
  return emissionsOf(flowTerms(inst, flows));
}

/** Fixed cost of the open sites. */
export function fixedCost(inst: JakartaInstance, design: Design): number {
  return preciseSum([
    ...inst.ccs.map((s, i) => (design[bitOf(inst, 'cc', i)] ? s.fixedCost : 0)),
    ...inst.rmcs.map((s, j) => (design[bitOf(inst, 'rmc', j)] ? s.fixedCost : 0)),
    ...inst.wdcs.map((s, w) => (design[bitOf(inst, 'wdc', w)] ? s.fixedCost : 0)),
  ]);
}

/**
 * The flow parts of objective (6) (everything but fixed cost): acquisition, processing, transport
 * and carbonTax (C_tax x all emissions), and their sum. Each is a sum over flows, so the flows of
 * part of a network can be priced apart and added (the decomposition bound does).
 */
export function flowCost(inst: JakartaInstance, flows: JakartaFlows): CostBreakdown {
  const terms = flowTerms(inst, flows);
  const part = (key: keyof UnitParts): number => preciseSum(terms.map((t) => t.amount * t.unit[key]));
  const parts = {
    acquisition: part('acquisition'),
    processing: part('processing'),
    transport: part('transport'),
    carbonTax: inst.carbonTax * emissionsOf(terms).total,
  };
  return { total: preciseSum(Object.values(parts)), parts };
}

/**
 * Objective (6) recomputed from the instance data and the flows, in its five parts:
 * acquisition, fixed, processing, transport, carbonTax (C_tax x all emissions).
 */
export function jakartaCost(inst: JakartaInstance, design: Design, flows: JakartaFlows): CostBreakdown {
  const f = flowCost(inst, flows).parts;
  const parts = {
    acquisition: f.acquisition!,
    fixed: fixedCost(inst, design),
    processing: f.processing!,
    transport: f.transport!,
    carbonTax: f.carbonTax!,
  };
  return { total: preciseSum(Object.values(parts)), parts };
}

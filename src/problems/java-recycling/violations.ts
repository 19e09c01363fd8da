import type { Design } from '../../core/design.js';
import { processed, type JavaFlows } from './flows.js';
import { cumulativeBatteryNeed, type JavaInstance } from './instance.js';

/** Absolute tolerance (kg) plus a relative one, for solver round-off on flows of ~1e5 kg. */
function off(a: number, b: number): boolean {
  return Math.abs(a - b) > 1e-5 + 1e-7 * Math.max(Math.abs(a), Math.abs(b));
}

/** Every constraint (5)-(18) that a design and its flows violate (empty when feasible). */
export function javaViolations(inst: JavaInstance, design: Design, flows: JavaFlows): string[] {
  const out: string[] = [];
  const T = inst.periods;
  const neg = (v: number, what: string): void => {
    if (v < -1e-6) out.push(`${what} is negative (${v})`);
  };
  for (let t = 0; t < T; t++) {
    const p = `period ${t + 1}`;
    inst.centres.forEach((c, ci) => {
      const sent = flows.collect[ci]!.reduce((s, row) => s + row[t]!, 0);
      flows.collect[ci]!.forEach((row, r) => neg(row[t]!, `collection ${c.id} -> ${inst.facilities[r]!.id}, ${p}`));
      if (sent > c.supply[t]! + 1e-6 && off(sent, c.supply[t]!)) out.push(`(5) ${c.id} sends ${sent} kg in ${p}, supply ${c.supply[t]}`);
    });
    inst.facilities.forEach((f, r) => {
      const inflow = processed(flows, r, t);
      const touched = inflow > 1e-6 || flows.production[r]!.some((row) => row[t]! > 1e-6) || flows.inventory[r]!.some((row) => row[t]! > 1e-6);
      if (!design[r] && touched) out.push(`closed facility ${f.id} has flow in ${p}`);
      if (inflow > f.capacity[t]! && off(inflow, f.capacity[t]!)) out.push(`(6) ${f.id} processes ${inflow} kg in ${p}, capacity ${f.capacity[t]}`);
      inst.metals.forEach((k, ki) => {
        const prod = flows.production[r]![ki]![t]!;
        neg(prod, `production of ${k.id} at ${f.id}, ${p}`);
        if (off(prod, k.conversion * inflow)) out.push(`(7-9) ${k.id} at ${f.id}, ${p}: produced ${prod}, conversion x inflow ${k.conversion * inflow}`);
        const inv = flows.inventory[r]![ki]![t]!;
        neg(inv, `inventory of ${k.id} at ${f.id}, ${p}`);
        const prev = t > 0 ? flows.inventory[r]![ki]![t - 1]! : 0;
        const sent = flows.ship[r]!.reduce((s, byK) => s + byK[ki]![t]!, 0);
        flows.ship[r]!.forEach((byK, m) => neg(byK[ki]![t]!, `shipment of ${k.id} ${f.id} -> ${inst.manufacturers[m]!.id}, ${p}`));
        if (off(sent + inv, prod + prev)) out.push(`(11-13) ${k.id} balance at ${f.id}, ${p}: sent ${sent} + stock ${inv} != produced ${prod} + previous stock ${prev}`);
      });
      const residue = flows.residue[r]!.reduce((s, row) => s + row[t]!, 0);
      flows.residue[r]!.forEach((row, w) => neg(row[t]!, `residue ${f.id} -> ${inst.landfills[w]!.id}, ${p}`));
      if (off(residue, inst.wasteConversion * inflow)) out.push(`(10) residue at ${f.id}, ${p}: ${residue}, conversion x inflow ${inst.wasteConversion * inflow}`);
    });
    inst.manufacturers.forEach((m, mi) => {
      let total = 0;
      inst.metals.forEach((k, ki) => {
        const got = flows.ship.reduce((s, byM) => s + byM[mi]![ki]![t]!, 0);
        total += got;
        if (off(got, m.demand[ki]![t]!)) out.push(`(14-16) ${m.id} receives ${got} kg ${k.id} in ${p}, demand ${m.demand[ki]![t]}`);
      });
      if (m.capacity && total > m.capacity[t]! && off(total, m.capacity[t]!)) out.push(`(17) ${m.id} receives ${total} kg in ${p}, capacity ${m.capacity[t]}`);
    });
  }
  return out;
}

/**
 * Cheap necessary condition for a design: something is open, and by the end of every period the
 * open capacity can have processed the battery mass the cumulative demand needs.
 */
export function javaQuickInfeasibility(inst: JavaInstance, design: Design): string | null {
  if (!design.some((b) => b === 1)) return 'no recycling facility is open';
  const need = cumulativeBatteryNeed(inst);
  let cap = 0;
  for (let t = 0; t < inst.periods; t++) {
    cap += inst.facilities.reduce((s, f, r) => s + (design[r] ? f.capacity[t]! : 0), 0);
    if (cap < need[t]! - 1e-6) return `open capacity up to period ${t + 1} is ${cap} kg, the demand needs ${need[t]!.toFixed(1)} kg of batteries`;
  }
  return null;
}

/** Why the instance cannot be feasible even with every candidate open (capacity or supply short). */
export function javaInstanceInfeasibility(inst: JavaInstance): string | null {
  const all = Uint8Array.from(inst.facilities.map(() => 1));
  const reason = javaQuickInfeasibility(inst, all);
  if (reason) return `even with every facility open: ${reason}`;
  const need = cumulativeBatteryNeed(inst);
  let supply = 0;
  for (let t = 0; t < inst.periods; t++) {
    supply += inst.centres.reduce((s, c) => s + c.supply[t]!, 0);
    if (supply < need[t]! - 1e-6) return `supply up to period ${t + 1} is ${supply} kg, the demand needs ${need[t]!.toFixed(1)} kg of batteries`;
  }
  return null;
}

import { groupViolation, type Design, type DesignSpace } from '../../core/design.js';
import { ilDesignSpace, xBit, yBit } from './design-bits.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/**
 * Components of technology k that can reach the plants by the end of period t at most, if the
 * repair centres `repairOpen(r)` run technology k: everything unrepaired they can collect by t,
 * disassembled into Σ_o A_pko components. Ignores integrality, so it is only a necessary bound.
 */
function componentSupply(inst: IlInstance, k: number, t: number, repairOpen: (r: number) => boolean): number {
  let total = 0;
  for (const s of range(t + 1)) {
    for (const p of range(inst.sizes.P)) {
      const perBattery = range(inst.sizes.O).reduce((a, o) => a + param(inst, 'A', p, k, o), 0);
      for (const r of range(inst.sizes.R)) {
        if (!repairOpen(r)) continue;
        const keep = 1 - param(inst, 'CR', p, k, r, s);
        for (const i of range(inst.sizes.I)) total += param(inst, 'S', p, k, i, r, s) * keep * perBattery;
      }
    }
  }
  return total;
}

/** Component demand of technology k over periods 0..t, summed over plants and components (14). */
function componentDemand(inst: IlInstance, k: number, t: number): number {
  let total = 0;
  for (const s of range(t + 1)) for (const m of range(inst.sizes.M)) for (const o of range(inst.sizes.O)) total += param(inst, 'DM', o, k, m, s);
  return total;
}

/**
 * A reason `repairOpen`/`recyclingOpen` cannot meet (14), visible without solving: some technology
 * has demand but no centre of that technology at one of the stages, or less supply by some period
 * than cumulative demand.
 */
function supplyShortfall(inst: IlInstance, repairOpen: (r: number, k: number) => boolean, recyclingOpen: (k: number) => boolean): string | null {
  for (const k of range(inst.sizes.K)) {
    const tech = inst.ids.K[k];
    for (const t of range(inst.sizes.T)) {
      const demand = componentDemand(inst, k, t);
      if (demand <= 0) continue;
      if (!range(inst.sizes.R).some((r) => repairOpen(r, k))) return `technology ${tech} has demand but no repair centre runs it`;
      if (!recyclingOpen(k)) return `technology ${tech} has demand but no recycling centre runs it`;
      const supply = componentSupply(inst, k, t, (r) => repairOpen(r, k));
      if (supply < demand - 1e-9) return `technology ${tech}: at most ${supply} components by period ${inst.ids.T[t]}, demand ${demand}`;
    }
  }
  return null;
}

/** Cheap necessary check of a design: (12)-(13) and enough supply per technology. */
export function ilDesignInfeasibility(inst: IlInstance, design: Design, space: DesignSpace = ilDesignSpace(inst)): string | null {
  const groups = groupViolation(space, design);
  if (groups) return groups;
  return supplyShortfall(
    inst,
    (r, k) => design[xBit(inst, r, k)] === 1,
    (k) => range(inst.sizes.U).some((u) => design[yBit(inst, u, k)] === 1),
  );
}

/**
 * A reason no design can be feasible: some technology's demand exceeds what its supply could
 * give even with every repair centre running it.
 */
export function ilInstanceInfeasibility(inst: IlInstance): string | null {
  return supplyShortfall(inst, () => true, () => true);
}

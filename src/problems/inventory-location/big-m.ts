import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/*
 * The paper writes a single "Big M" in (4) and (5) and does not give its value. Unless the
 * instance sets `bigM`, rlnd uses the smallest value each row can take without cutting off a
 * solution, which leaves the optimum unchanged and keeps the LP relaxation tight.
 */

/** M of (4) for repair centre r, technology k, period t: Σ_p Σ_i S_pkirt, by (15). */
export function repairBigM(inst: IlInstance, r: number, k: number, t: number): number {
  if (inst.bigM !== undefined) return inst.bigM;
  let m = 0;
  for (const p of range(inst.sizes.P)) for (const i of range(inst.sizes.I)) m += param(inst, 'S', p, k, i, r, t);
  return m;
}

/**
 * M of (5) for recycling centre u, technology k, period t: everything unrepaired that could have
 * reached the repair centres with technology k by period t. By (7) and IR >= 0 no centre ships
 * more than it has received, so Σ_p Σ_r QR_pkrut never exceeds Σ_p Σ_r Σ_{t'<=t} Σ_i S (1 - CR).
 */
export function recyclingBigM(inst: IlInstance, _u: number, k: number, t: number): number {
  if (inst.bigM !== undefined) return inst.bigM;
  let m = 0;
  for (const p of range(inst.sizes.P)) {
    for (const r of range(inst.sizes.R)) {
      for (let s = 0; s <= t; s++) {
        const keep = 1 - param(inst, 'CR', p, k, r, s);
        for (const i of range(inst.sizes.I)) m += param(inst, 'S', p, k, i, r, s) * keep;
      }
    }
  }
  return m;
}

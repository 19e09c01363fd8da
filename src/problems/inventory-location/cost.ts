import type { Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import type { CostBreakdown } from '../../core/problem.js';
import { xBit, yBit } from './design-bits.js';
import { flowAccess, type IlFlows } from './flows.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/** Cost parts, named after the paper's O, I, F, V, E. */
export const COST_PARTS = ['ordering', 'inventory', 'opening', 'transport', 'emission'] as const;

/** The paper's letter for each part, for reports. */
export const PART_LETTER: Readonly<Record<(typeof COST_PARTS)[number], string>> = {
  ordering: 'O',
  inventory: 'I',
  opening: 'F',
  transport: 'V',
  emission: 'E',
};

/**
 * MinC = O + I + F + V + E, each part recomputed from the instance data by its own formula
 * (independently of the MILP's per-column coefficients). Readings of the printed formulas:
 * - E, first line: Σ_{t,p,i,r,u,k} EP_p (QI_pkirt + QR_pkrut) read literally would count each QI
 *   |U| times and each QR |I| times; rlnd charges EP_p once per unit moved on each leg,
 *   Σ EP_p QI_pkirt + Σ EP_p QR_pkrut.
 * - E, the EO line is printed twice (the second a garbled copy, "Σ_{c,T} Σ_o Σ_M Σ_l Σ_m
 *   EO_o QU_okum"); rlnd counts Σ EO_o QU_okumt once.
 * - V and E charge the customer -> repair leg and the repair-centre emissions ER only on the
 *   unrepaired share QI (1 - CR), as printed (repaired units go back to the customer, assumption 5).
 * - I: average of opening and closing stock per period, with the period-0 stock 0 (6), (8), (10).
 * - F: opening cost once over the horizon, as the formula prints it (assumption 2 speaks of a cost
 *   per period; the formula has no t).
 */
export function ilCost(inst: IlInstance, design: Design, flows: IlFlows): CostBreakdown {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const q = flowAccess(inst.sizes, flows);
  const o: number[] = [];
  const inv: number[] = [];
  const f: number[] = [];
  const v: number[] = [];
  const e: number[] = [];
  for (const t of range(T)) {
    for (const k of range(K)) {
      for (const p of range(P)) {
        for (const r of range(R)) {
          const unrepaired = 1 - param(inst, 'CR', p, k, r, t);
          for (const u of range(U)) {
            const qr = q.QR(p, k, r, u, t);
            o.push(param(inst, 'FoR', p, r) * qr);
            v.push(param(inst, 'VR', p, r, u) * qr);
            e.push(param(inst, 'EP', p) * qr);
          }
          for (const i of range(I)) {
            const qi = q.QI(p, k, i, r, t);
            v.push(param(inst, 'VC', p, i, r) * qi * unrepaired);
            e.push(param(inst, 'EP', p) * qi, param(inst, 'ER', p, k, r) * unrepaired * qi);
          }
          inv.push(((q.IR(p, k, r, t - 1) + q.IR(p, k, r, t)) / 2) * param(inst, 'IVR', p, r));
        }
        for (const u of range(U)) {
          inv.push(((q.IpU(p, k, u, t - 1) + q.IpU(p, k, u, t)) / 2) * param(inst, 'IpV', p, u));
          e.push(param(inst, 'EU', p, k, u) * q.CU(p, k, u, t));
        }
      }
      for (const c of range(O)) {
        for (const u of range(U)) {
          inv.push(((q.IoU(c, k, u, t - 1) + q.IoU(c, k, u, t)) / 2) * param(inst, 'IoV', c, u));
          for (const m of range(M)) {
            const qu = q.QU(c, k, u, m, t);
            o.push(param(inst, 'FoU', c, u) * qu);
            v.push(param(inst, 'VU', c, u, m) * qu);
            e.push(param(inst, 'EO', c) * qu);
          }
        }
      }
    }
  }
  for (const k of range(K)) {
    for (const r of range(R)) if (design[xBit(inst, r, k)]) f.push(param(inst, 'FR', r, k));
    for (const u of range(U)) if (design[yBit(inst, u, k)]) f.push(param(inst, 'FU', u, k));
  }
  const parts = { ordering: preciseSum(o), inventory: preciseSum(inv), opening: preciseSum(f), transport: preciseSum(v), emission: preciseSum(e) };
  return { total: preciseSum(Object.values(parts)), parts };
}

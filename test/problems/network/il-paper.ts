import { ilProduct } from '../../../src/problems/network/convert/from-inventory-location.js';
import { param, type IlInstance } from '../../../src/problems/network/convert/legacy/inventory-location/instance.js';
import { range } from '../../../src/problems/network/convert/legacy/inventory-location/shape.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';

/*
 * Phan et al. (2025) written out in the paper's own variables, to check a network solution
 * converted from an inventory-location instance without the network's cost or checker: MinC =
 * O + I + F + V + E and constraints (1)-(5), (7), (9), (11)-(15), one per index tuple, recomputed
 * from the flows and the old instance's parameters (all indices 0-based, period -1 = stock 0).
 */

/** The paper's variables QI, QR, QU, CU, IR, IpU, IoU read off network flows, and x_rk / y_uk from open labels. */
export interface PhanVariables {
  QI(p: number, k: number, i: number, r: number, t: number): number;
  QR(p: number, k: number, r: number, u: number, t: number): number;
  QU(o: number, k: number, u: number, m: number, t: number): number;
  CU(p: number, k: number, u: number, t: number): number;
  IR(p: number, k: number, r: number, t: number): number;
  IpU(p: number, k: number, u: number, t: number): number;
  IoU(o: number, k: number, u: number, t: number): number;
  x(r: number, k: number): boolean;
  y(u: number, k: number): boolean;
}

/** Reads the paper's variables off network flows and the open labels (`R1:high`). */
export function phanVariables(inst: IlInstance, open: readonly string[], f: NetworkFlows): PhanVariables {
  const ids = inst.ids;
  const v = new Map<string, number>();
  const add = (key: string, amount: number): void => void v.set(key, (v.get(key) ?? 0) + amount);
  for (const a of f.arcs) add(`arc|${a.from}|${a.to}|${a.product}|${a.period - 1}`, a.amount);
  for (const z of f.processed) add(`cu|${z.node}|${z.product}|${z.period - 1}`, z.amount);
  for (const s of f.stock) add(`stock|${s.node}|${s.product}|${s.period - 1}`, s.amount);
  const get = (key: string): number => v.get(key) ?? 0;
  const bat = (p: number, k: number): string => ilProduct.battery(inst, p, k);
  const unr = (p: number, k: number): string => ilProduct.unrepaired(inst, p, k);
  const comp = (o: number, k: number): string => ilProduct.component(inst, o, k);
  return {
    QI: (p, k, i, r, t) => get(`arc|${ids.I[i]}|${ids.R[r]}|${bat(p, k)}|${t}`),
    QR: (p, k, r, u, t) => get(`arc|${ids.R[r]}|${ids.U[u]}|${unr(p, k)}|${t}`),
    QU: (o, k, u, m, t) => get(`arc|${ids.U[u]}|${ids.M[m]}|${comp(o, k)}|${t}`),
    CU: (p, k, u, t) => get(`cu|${ids.U[u]}|${unr(p, k)}|${t}`),
    IR: (p, k, r, t) => get(`stock|${ids.R[r]}|${unr(p, k)}|${t}`),
    IpU: (p, k, u, t) => get(`stock|${ids.U[u]}|${unr(p, k)}|${t}`),
    IoU: (o, k, u, t) => get(`stock|${ids.U[u]}|${comp(o, k)}|${t}`),
    x: (r, k) => open.includes(`${ids.R[r]}:${ids.K[k]}`),
    y: (u, k) => open.includes(`${ids.U[u]}:${ids.K[k]}`),
  };
}

const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

/**
 * MinC = O + I + F + V + E by the paper's formulas, as rlnd reads them (docs/problems/inventory-location.md):
 * EP_p once per unit moved on each leg; EO_o once; V and ER on the unrepaired share QI (1 - CR);
 * I on the average of opening and closing stock; F once over the horizon.
 */
export function phanCost(
  inst: IlInstance,
  q: PhanVariables,
): { O: number; I: number; F: number; V: number; E: number } {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const o: number[] = [];
  const inv: number[] = [];
  const v: number[] = [];
  const e: number[] = [];
  const avg = (get: (t: number) => number, t: number): number => ((t > 0 ? get(t - 1) : 0) + get(t)) / 2;
  for (const t of range(T))
    for (const k of range(K)) {
      for (const p of range(P)) {
        for (const r of range(R)) {
          const keep = 1 - param(inst, 'CR', p, k, r, t);
          for (const u of range(U)) {
            const qr = q.QR(p, k, r, u, t);
            o.push(param(inst, 'FoR', p, r) * qr);
            v.push(param(inst, 'VR', p, r, u) * qr);
            e.push(param(inst, 'EP', p) * qr);
          }
          for (const i of range(I)) {
            const qi = q.QI(p, k, i, r, t);
            v.push(param(inst, 'VC', p, i, r) * qi * keep);
            e.push(param(inst, 'EP', p) * qi, param(inst, 'ER', p, k, r) * keep * qi);
          }
          inv.push(avg((s) => q.IR(p, k, r, s), t) * param(inst, 'IVR', p, r));
        }
        for (const u of range(U)) {
          inv.push(avg((s) => q.IpU(p, k, u, s), t) * param(inst, 'IpV', p, u));
          e.push(param(inst, 'EU', p, k, u) * q.CU(p, k, u, t));
        }
      }
      for (const c of range(O))
        for (const u of range(U)) {
          inv.push(avg((s) => q.IoU(c, k, u, s), t) * param(inst, 'IoV', c, u));
          for (const m of range(M)) {
            const qu = q.QU(c, k, u, m, t);
            o.push(param(inst, 'FoU', c, u) * qu);
            v.push(param(inst, 'VU', c, u, m) * qu);
            e.push(param(inst, 'EO', c) * qu);
          }
        }
    }
  const f = range(K).flatMap((k) => [
    ...range(R)
      .filter((r) => q.x(r, k))
      .map((r) => param(inst, 'FR', r, k)),
    ...range(U)
      .filter((u) => q.y(u, k))
      .map((u) => param(inst, 'FU', u, k)),
  ]);
  return { O: sum(o), I: sum(inv), F: sum(f), V: sum(v), E: sum(e) };
}

/**
 * The paper's constraints one by one: (1)-(3) availability, (4)-(5) links (M: the instance's bigM,
 * else the smallest valid bound: Σ S for (4), everything unrepaired that could have arrived for
 * (5)), (7), (9), (11) balances, (12)-(13) one technology per centre, (14) plant demand, (15) supply.
 */
export function phanConstraints(
  inst: IlInstance,
  q: PhanVariables,
): { total: number; satisfied: number; violations: string[] } {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const bad: string[] = [];
  let total = 0;
  const TOL = 1e-6;
  const le = (label: string, lhs: number, rhs: number): void => {
    total++;
    if (lhs > rhs + TOL * Math.max(1, Math.abs(lhs), Math.abs(rhs))) bad.push(`${label}: ${lhs} > ${rhs}`);
  };
  const eq = (label: string, lhs: number, rhs: number): void => {
    total++;
    if (Math.abs(lhs - rhs) > TOL * Math.max(1, Math.abs(lhs), Math.abs(rhs))) bad.push(`${label}: ${lhs} != ${rhs}`);
  };
  const prev = (get: (t: number) => number, t: number): number => (t > 0 ? get(t - 1) : 0);
  const unrepairedIn = (p: number, k: number, r: number, t: number): number =>
    sum(range(I).map((i) => q.QI(p, k, i, r, t))) * (1 - param(inst, 'CR', p, k, r, t));
  const parts = (o: number, k: number, u: number, t: number): number =>
    sum(range(P).map((p) => param(inst, 'A', p, k, o) * q.CU(p, k, u, t)));
  const m4 = (k: number, r: number, t: number): number =>
    inst.bigM ?? sum(range(P).flatMap((p) => range(I).map((i) => param(inst, 'S', p, k, i, r, t))));
  const m5 = (k: number, t: number): number =>
    inst.bigM ??
    sum(
      range(P).flatMap((p) =>
        range(R).flatMap((r) =>
          range(t + 1).flatMap((s) =>
            range(I).map((i) => param(inst, 'S', p, k, i, r, s) * (1 - param(inst, 'CR', p, k, r, s))),
          ),
        ),
      ),
    );
  for (const p of range(P))
    for (const k of range(K))
      for (const t of range(T)) {
        for (const r of range(R)) {
          const shipped = sum(range(U).map((u) => q.QR(p, k, r, u, t)));
          le(`(1) p${p} k${k} r${r} t${t}`, shipped, prev((s) => q.IR(p, k, r, s), t) + unrepairedIn(p, k, r, t));
          eq(
            `(7) p${p} k${k} r${r} t${t}`,
            q.IR(p, k, r, t),
            prev((s) => q.IR(p, k, r, s), t) - shipped + unrepairedIn(p, k, r, t),
          );
        }
        for (const u of range(U)) {
          const received = sum(range(R).map((r) => q.QR(p, k, r, u, t)));
          le(`(2) p${p} k${k} u${u} t${t}`, q.CU(p, k, u, t), prev((s) => q.IpU(p, k, u, s), t) + received);
          eq(
            `(9) p${p} k${k} u${u} t${t}`,
            q.IpU(p, k, u, t),
            prev((s) => q.IpU(p, k, u, s), t) - q.CU(p, k, u, t) + received,
          );
        }
      }
  for (const o of range(O))
    for (const k of range(K))
      for (const u of range(U))
        for (const t of range(T)) {
          const shipped = sum(range(M).map((m) => q.QU(o, k, u, m, t)));
          le(`(3) o${o} k${k} u${u} t${t}`, shipped, prev((s) => q.IoU(o, k, u, s), t) + parts(o, k, u, t));
          eq(
            `(11) o${o} k${k} u${u} t${t}`,
            q.IoU(o, k, u, t),
            prev((s) => q.IoU(o, k, u, s), t) - shipped + parts(o, k, u, t),
          );
        }
  for (const k of range(K))
    for (const t of range(T)) {
      for (const r of range(R))
        le(
          `(4) r${r} k${k} t${t}`,
          sum(range(P).flatMap((p) => range(I).map((i) => q.QI(p, k, i, r, t)))),
          q.x(r, k) ? m4(k, r, t) : 0,
        );
      for (const u of range(U))
        le(
          `(5) u${u} k${k} t${t}`,
          sum(range(P).flatMap((p) => range(R).map((r) => q.QR(p, k, r, u, t)))),
          q.y(u, k) ? m5(k, t) : 0,
        );
    }
  for (const r of range(R)) le(`(12) r${r}`, range(K).filter((k) => q.x(r, k)).length, 1);
  for (const u of range(U)) le(`(13) u${u}`, range(K).filter((k) => q.y(u, k)).length, 1);
  for (const m of range(M))
    for (const k of range(K))
      for (const t of range(T)) {
        le(
          `(14) m${m} k${k} t${t}`,
          sum(range(O).map((o) => param(inst, 'DM', o, k, m, t))),
          sum(range(O).flatMap((o) => range(U).map((u) => q.QU(o, k, u, m, t)))),
        );
      }
  for (const p of range(P))
    for (const k of range(K))
      for (const i of range(I))
        for (const r of range(R))
          for (const t of range(T)) {
            le(`(15) p${p} k${k} i${i} r${r} t${t}`, q.QI(p, k, i, r, t), param(inst, 'S', p, k, i, r, t));
          }
  return { total, satisfied: total - bad.length, violations: bad };
}

/** The paper's variable and constraint counts for any shape (Table 5 on the paper's: 248 and 232). */
export function phanCounts(inst: IlInstance): {
  variables: number;
  binary: number;
  integer: number;
  constraints: number;
} {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const flows = T * K * (P * I * R + P * R * U + O * U * M + P * U + P * R + P * U + O * U);
  const stages = T * K * (P * R + P * U + O * U); // (1)-(3), and again (7), (9), (11)
  // (12)-(13) exist only where a centre has a choice of technology (K >= 2).
  const oneTech = K >= 2 ? R + U : 0;
  return {
    variables: K * (R + U) + flows,
    binary: K * (R + U),
    integer: inst.integerFlows ? flows : 0,
    constraints: 2 * stages + T * K * (R + U) + oneTech + M * K * T + P * K * I * R * T,
  };
}

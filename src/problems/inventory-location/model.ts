import type { Design } from '../../core/design.js';
import { expr, LinearModelBuilder, type LinearModel } from '../../exact/linear-model.js';
import { recyclingBigM, repairBigM } from './big-m.js';
import { xBit, yBit } from './design-bits.js';
import { FLOW_NAMES, flowShapes, type FlowName } from './flows.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/** A built model plus where each flow entry and each design bit lives among its columns. */
export interface IlModel {
  readonly model: LinearModel;
  /** Column of each flow/inventory entry, row-major over FLOW_DIMS (flows.ts). */
  readonly cols: Readonly<Record<FlowName, readonly number[]>>;
  /** Column of each design bit (x_rk, y_uk), or null in a flow model where the design is fixed. */
  readonly designCols: readonly number[] | null;
}

/** A linear expression under construction. */
class Terms {
  readonly vars: number[] = [];
  readonly coefs: number[] = [];
  add(col: number, coef = 1): this {
    this.vars.push(col);
    this.coefs.push(coef);
    return this;
  }
}

/**
 * Builds the paper's model. With `design` null it is the full MILP: x_rk, y_uk binary, rows
 * (1)-(5), (7), (9), (11)-(15) — 248 columns and 232 rows on the paper's 2/2/2/2/2/2/2/3 shape.
 * With a design it is the flow problem of that design: the same columns and rows minus the
 * binaries and (12)-(13), the binaries of (4)-(5) replaced by their 0/1 values and the opening
 * cost F by a constant. Flows are integer unless the instance is relaxed.
 *
 * Objective coefficients are the paper's O + I + F + V + E collected per column (cost.ts
 * recomputes each part from its own formula, which checks this collection). Holding cost
 * Σ_t (Inv_{t-1} + Inv_t)/2 · h puts h/2 on Inv_T and h on every earlier Inv_t, with Inv_0 = 0.
 */
export function buildIlModel(inst: IlInstance, design: Design | null): IlModel {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const b = new LinearModelBuilder(`${inst.name}-${design ? 'flow' : 'milp'}`);
  const type = inst.integerFlows ? 'integer' : 'continuous';

  const designCols = design
    ? null
    : [
        ...range(R).flatMap((r) => range(K).map((k) => b.addVar(`x_${r + 1}_${k + 1}`, { type: 'binary', cost: param(inst, 'FR', r, k) }))),
        ...range(U).flatMap((u) => range(K).map((k) => b.addVar(`y_${u + 1}_${k + 1}`, { type: 'binary', cost: param(inst, 'FU', u, k) }))),
      ];
  if (design) {
    for (const r of range(R)) for (const k of range(K)) if (design[xBit(inst, r, k)]) b.addOffset(param(inst, 'FR', r, k));
    for (const u of range(U)) for (const k of range(K)) if (design[yBit(inst, u, k)]) b.addOffset(param(inst, 'FU', u, k));
  }

  const shapes = flowShapes(inst.sizes);
  const cols = {} as Record<FlowName, number[]>;
  for (const n of FLOW_NAMES) {
    cols[n] = range(shapes[n].size).map((flat) => b.addVar(`${n}_${shapes[n].tuple(flat).map((v) => v + 1).join('_')}`, { type }));
  }
  const col = (n: FlowName, ...idx: number[]): number => cols[n][shapes[n].index(...idx)]!;
  const keep = (p: number, k: number, r: number, t: number): number => 1 - param(inst, 'CR', p, k, r, t);
  const hold = (h: number, t: number): number => (t < T - 1 ? h : h / 2);

  // Objective, part by part (see cost.ts for the formulas and their reading).
  for (const p of range(P)) for (const k of range(K)) for (const i of range(I)) for (const r of range(R)) for (const t of range(T)) {
    const unrepaired = keep(p, k, r, t);
    b.addCost(col('QI', p, k, i, r, t), param(inst, 'VC', p, i, r) * unrepaired + param(inst, 'EP', p) + param(inst, 'ER', p, k, r) * unrepaired);
  }
  for (const p of range(P)) for (const k of range(K)) for (const r of range(R)) for (const u of range(U)) for (const t of range(T)) {
    b.addCost(col('QR', p, k, r, u, t), param(inst, 'FoR', p, r) + param(inst, 'VR', p, r, u) + param(inst, 'EP', p));
  }
  for (const o of range(O)) for (const k of range(K)) for (const u of range(U)) for (const m of range(M)) for (const t of range(T)) {
    b.addCost(col('QU', o, k, u, m, t), param(inst, 'FoU', o, u) + param(inst, 'VU', o, u, m) + param(inst, 'EO', o));
  }
  for (const p of range(P)) for (const k of range(K)) for (const u of range(U)) for (const t of range(T)) {
    b.addCost(col('CU', p, k, u, t), param(inst, 'EU', p, k, u));
    b.addCost(col('IpU', p, k, u, t), hold(param(inst, 'IpV', p, u), t));
  }
  for (const p of range(P)) for (const k of range(K)) for (const r of range(R)) for (const t of range(T)) {
    b.addCost(col('IR', p, k, r, t), hold(param(inst, 'IVR', p, r), t));
  }
  for (const o of range(O)) for (const k of range(K)) for (const u of range(U)) for (const t of range(T)) {
    b.addCost(col('IoU', o, k, u, t), hold(param(inst, 'IoV', o, u), t));
  }

  // Unrepaired inflow of repair centre r: Σ_i QI_pkirt (1 - CR_pkrt).
  const inflowR = (e: Terms, p: number, k: number, r: number, t: number, sign: number): Terms => {
    for (const i of range(I)) e.add(col('QI', p, k, i, r, t), sign * keep(p, k, r, t));
    return e;
  };
  const prev = (e: Terms, n: 'IR' | 'IpU' | 'IoU', a: number, k: number, c: number, t: number, sign: number): Terms =>
    t > 0 ? e.add(col(n, a, k, c, t - 1), sign) : e; // Inv_0 is the constant 0 of (6), (8), (10)
  const le = (name: string, e: Terms, rhs: number) => b.addLe(name, expr(e.vars, e.coefs), rhs);
  const eq = (name: string, e: Terms, rhs: number) => b.addEq(name, expr(e.vars, e.coefs), rhs);
  const tag = (...idx: number[]) => idx.map((v) => v + 1).join('_');

  // (1) Σ_u QR_pkrut <= IR_pkr,t-1 + Σ_i QI_pkirt (1 - CR_pkrt)
  for (const p of range(P)) for (const t of range(T)) for (const r of range(R)) for (const k of range(K)) {
    const e = new Terms();
    for (const u of range(U)) e.add(col('QR', p, k, r, u, t));
    le(`c1_${tag(p, t, r, k)}`, inflowR(prev(e, 'IR', p, k, r, t, -1), p, k, r, t, -1), 0);
  }
  // (2) CU_pkut <= IpU_pku,t-1 + Σ_r QR_pkrut
  for (const p of range(P)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const e = prev(new Terms().add(col('CU', p, k, u, t)), 'IpU', p, k, u, t, -1);
    for (const r of range(R)) e.add(col('QR', p, k, r, u, t), -1);
    le(`c2_${tag(p, u, k, t)}`, e, 0);
  }
  // (3) Σ_m QU_okumt <= IoU_oku,t-1 + Σ_p A_pko CU_pkut
  for (const o of range(O)) for (const t of range(T)) for (const u of range(U)) for (const k of range(K)) {
    const e = prev(new Terms(), 'IoU', o, k, u, t, -1);
    for (const m of range(M)) e.add(col('QU', o, k, u, m, t));
    for (const p of range(P)) e.add(col('CU', p, k, u, t), -param(inst, 'A', p, k, o));
    le(`c3_${tag(o, t, u, k)}`, e, 0);
  }
  // (4) Σ_p Σ_i QI_pkirt <= M x_rk
  for (const r of range(R)) for (const t of range(T)) for (const k of range(K)) {
    const e = new Terms();
    for (const p of range(P)) for (const i of range(I)) e.add(col('QI', p, k, i, r, t));
    const bigM = repairBigM(inst, r, k, t);
    if (designCols) le(`c4_${tag(r, t, k)}`, e.add(designCols[xBit(inst, r, k)]!, -bigM), 0);
    else le(`c4_${tag(r, t, k)}`, e, design![xBit(inst, r, k)] ? bigM : 0);
  }
  // (5) Σ_p Σ_r QR_pkrut <= M y_uk
  for (const u of range(U)) for (const t of range(T)) for (const k of range(K)) {
    const e = new Terms();
    for (const p of range(P)) for (const r of range(R)) e.add(col('QR', p, k, r, u, t));
    const bigM = recyclingBigM(inst, u, k, t);
    if (designCols) le(`c5_${tag(u, t, k)}`, e.add(designCols[yBit(inst, u, k)]!, -bigM), 0);
    else le(`c5_${tag(u, t, k)}`, e, design![yBit(inst, u, k)] ? bigM : 0);
  }
  // (7) IR_pkrt = IR_pkr,t-1 - Σ_u QR_pkrut + Σ_i QI_pkirt (1 - CR_pkrt)
  for (const p of range(P)) for (const r of range(R)) for (const k of range(K)) for (const t of range(T)) {
    const e = prev(new Terms().add(col('IR', p, k, r, t)), 'IR', p, k, r, t, -1);
    for (const u of range(U)) e.add(col('QR', p, k, r, u, t));
    eq(`c7_${tag(p, r, k, t)}`, inflowR(e, p, k, r, t, -1), 0);
  }
  // (9) IpU_pkut = IpU_pku,t-1 - CU_pkut + Σ_r QR_pkrut
  for (const p of range(P)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const e = prev(new Terms().add(col('IpU', p, k, u, t)), 'IpU', p, k, u, t, -1).add(col('CU', p, k, u, t));
    for (const r of range(R)) e.add(col('QR', p, k, r, u, t), -1);
    eq(`c9_${tag(p, u, k, t)}`, e, 0);
  }
  // (11) IoU_okut = IoU_oku,t-1 - Σ_m QU_okumt + Σ_p A_pko CU_pkut
  for (const o of range(O)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const e = prev(new Terms().add(col('IoU', o, k, u, t)), 'IoU', o, k, u, t, -1);
    for (const m of range(M)) e.add(col('QU', o, k, u, m, t));
    for (const p of range(P)) e.add(col('CU', p, k, u, t), -param(inst, 'A', p, k, o));
    eq(`c11_${tag(o, u, k, t)}`, e, 0);
  }
  // (12), (13): at most one technology per centre (design rows: the MILP only).
  if (designCols) {
    for (const r of range(R)) le(`c12_${tag(r)}`, range(K).reduce((e, k) => e.add(designCols[xBit(inst, r, k)]!), new Terms()), 1);
    for (const u of range(U)) le(`c13_${tag(u)}`, range(K).reduce((e, k) => e.add(designCols[yBit(inst, u, k)]!), new Terms()), 1);
  }
  // (14) Σ_u Σ_o QU_okumt >= Σ_o DM_okmt — as printed, summed over components o on both sides.
  for (const m of range(M)) for (const k of range(K)) for (const t of range(T)) {
    const e = new Terms();
    let demand = 0;
    for (const o of range(O)) {
      demand += param(inst, 'DM', o, k, m, t);
      for (const u of range(U)) e.add(col('QU', o, k, u, m, t));
    }
    b.addGe(`c14_${tag(m, k, t)}`, expr(e.vars, e.coefs), demand);
  }
  // (15) QI_pkirt <= S_pkirt, kept as rows (not bounds) as the paper counts them.
  for (const p of range(P)) for (const k of range(K)) for (const i of range(I)) for (const r of range(R)) for (const t of range(T)) {
    le(`c15_${tag(p, k, i, r, t)}`, new Terms().add(col('QI', p, k, i, r, t)), param(inst, 'S', p, k, i, r, t));
  }
  return { model: b.build(), cols, designCols };
}

/** Flow values out of a solution vector; integer flows are rounded to remove solver noise. */
export function decodeFlows(inst: IlInstance, m: IlModel, values: ArrayLike<number>): Record<FlowName, number[]> {
  const clean = (v: number): number => {
    const x = inst.integerFlows ? Math.round(v) : Math.abs(v) < 1e-9 ? 0 : v;
    return x === 0 ? 0 : x; // no -0 in reports
  };
  return Object.fromEntries(FLOW_NAMES.map((n) => [n, m.cols[n].map((c) => clean(values[c]!))])) as Record<FlowName, number[]>;
}

/** The column vector of a design and flows in `m` (for counting satisfied rows, as the paper's "232/232"). */
export function encodeSolution(m: IlModel, design: Design, flows: Readonly<Record<FlowName, readonly number[]>>): Float64Array {
  const x = new Float64Array(m.model.colNames.length);
  m.designCols?.forEach((c, bit) => (x[c] = design[bit] ?? 0));
  for (const n of FLOW_NAMES) m.cols[n].forEach((c, k) => (x[c] = flows[n][k]!));
  return x;
}

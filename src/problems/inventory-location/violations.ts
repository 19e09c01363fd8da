import type { Design } from '../../core/design.js';
import { recyclingBigM, repairBigM } from './big-m.js';
import { xBit, yBit } from './design-bits.js';
import { FLOW_NAMES, flowAccess, flowShapes, type IlFlows } from './flows.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/** Feasibility tolerance, relative to the size of each side. */
const TOL = 1e-6;

/** Result of checking every constraint of the paper one by one. */
export interface ConstraintCheck {
  /** Constraints checked: (1)-(5), (7), (9), (11)-(15), one per index tuple (232 on the paper's shape). */
  readonly total: number;
  readonly satisfied: number;
  /** One line per violated constraint or variable domain ((16)-(17): binaries, integers, >= 0). */
  readonly violations: string[];
}

/**
 * Checks a design and flows against the paper's constraints, written out again from the paper
 * rather than read off the MILP rows, so it is an independent check of both the model and the
 * solver — the automatic version of the paper's Excel verification.
 */
export function checkIlConstraints(inst: IlInstance, design: Design, flows: IlFlows): ConstraintCheck {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const q = flowAccess(inst.sizes, flows);
  const id = inst.ids;
  const out: string[] = [];
  let total = 0;
  const ok = (lhs: number, rhs: number): boolean => lhs <= rhs + TOL * Math.max(1, Math.abs(lhs), Math.abs(rhs));
  const check = (holds: boolean, what: () => string): void => {
    total++;
    if (!holds) out.push(what());
  };
  const unrepairedIn = (p: number, k: number, r: number, t: number): number =>
    range(I).reduce((s, i) => s + q.QI(p, k, i, r, t), 0) * (1 - param(inst, 'CR', p, k, r, t));
  const components = (o: number, k: number, u: number, t: number): number => range(P).reduce((s, p) => s + param(inst, 'A', p, k, o) * q.CU(p, k, u, t), 0);
  const f = (v: number): string => String(Math.round(v * 1e6) / 1e6);
  const at = (p: string, k: number, site: string, t: number): string => `${p}, ${id.K[k]}, ${site}, period ${id.T[t]}`;

  for (const p of range(P)) for (const t of range(T)) for (const r of range(R)) for (const k of range(K)) {
    const shipped = range(U).reduce((s, u) => s + q.QR(p, k, r, u, t), 0);
    const avail = q.IR(p, k, r, t - 1) + unrepairedIn(p, k, r, t);
    check(ok(shipped, avail), () => `(1) ${at(id.P[p]!, k, id.R[r]!, t)}: ships ${f(shipped)} > stock ${f(avail)}`);
  }
  for (const p of range(P)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const avail = q.IpU(p, k, u, t - 1) + range(R).reduce((s, r) => s + q.QR(p, k, r, u, t), 0);
    check(ok(q.CU(p, k, u, t), avail), () => `(2) ${at(id.P[p]!, k, id.U[u]!, t)}: disassembles ${f(q.CU(p, k, u, t))} > stock ${f(avail)}`);
  }
  for (const o of range(O)) for (const t of range(T)) for (const u of range(U)) for (const k of range(K)) {
    const shipped = range(M).reduce((s, m) => s + q.QU(o, k, u, m, t), 0);
    const avail = q.IoU(o, k, u, t - 1) + components(o, k, u, t);
    check(ok(shipped, avail), () => `(3) ${at(id.O[o]!, k, id.U[u]!, t)}: ships ${f(shipped)} > stock ${f(avail)}`);
  }
  for (const r of range(R)) for (const t of range(T)) for (const k of range(K)) {
    const inflow = range(P).reduce((s, p) => s + range(I).reduce((a, i) => a + q.QI(p, k, i, r, t), 0), 0);
    const open = design[xBit(inst, r, k)] === 1;
    check(ok(inflow, open ? repairBigM(inst, r, k, t) : 0), () =>
      open ? `(4) ${id.R[r]}:${id.K[k]} period ${id.T[t]}: receives ${f(inflow)} > M` : `(4) closed repair centre ${id.R[r]}:${id.K[k]} receives ${f(inflow)} in period ${id.T[t]}`);
  }
  for (const u of range(U)) for (const t of range(T)) for (const k of range(K)) {
    const inflow = range(P).reduce((s, p) => s + range(R).reduce((a, r) => a + q.QR(p, k, r, u, t), 0), 0);
    const open = design[yBit(inst, u, k)] === 1;
    check(ok(inflow, open ? recyclingBigM(inst, u, k, t) : 0), () =>
      open ? `(5) ${id.U[u]}:${id.K[k]} period ${id.T[t]}: receives ${f(inflow)} > M` : `(5) closed recycling centre ${id.U[u]}:${id.K[k]} receives ${f(inflow)} in period ${id.T[t]}`);
  }
  const balance = (label: string, lhs: number, rhs: number): void =>
    check(Math.abs(lhs - rhs) <= TOL * Math.max(1, Math.abs(lhs), Math.abs(rhs)), () => `${label}: stock ${f(lhs)} != balance ${f(rhs)}`);
  for (const p of range(P)) for (const r of range(R)) for (const k of range(K)) for (const t of range(T)) {
    const shipped = range(U).reduce((s, u) => s + q.QR(p, k, r, u, t), 0);
    balance(`(7) ${at(id.P[p]!, k, id.R[r]!, t)}`, q.IR(p, k, r, t), q.IR(p, k, r, t - 1) - shipped + unrepairedIn(p, k, r, t));
  }
  for (const p of range(P)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const received = range(R).reduce((s, r) => s + q.QR(p, k, r, u, t), 0);
    balance(`(9) ${at(id.P[p]!, k, id.U[u]!, t)}`, q.IpU(p, k, u, t), q.IpU(p, k, u, t - 1) - q.CU(p, k, u, t) + received);
  }
  for (const o of range(O)) for (const u of range(U)) for (const k of range(K)) for (const t of range(T)) {
    const shipped = range(M).reduce((s, m) => s + q.QU(o, k, u, m, t), 0);
    balance(`(11) ${at(id.O[o]!, k, id.U[u]!, t)}`, q.IoU(o, k, u, t), q.IoU(o, k, u, t - 1) - shipped + components(o, k, u, t));
  }
  for (const r of range(R)) {
    const n = range(K).filter((k) => design[xBit(inst, r, k)]).length;
    check(n <= 1, () => `(12) repair centre ${id.R[r]} has ${n} technologies`);
  }
  for (const u of range(U)) {
    const n = range(K).filter((k) => design[yBit(inst, u, k)]).length;
    check(n <= 1, () => `(13) recycling centre ${id.U[u]} has ${n} technologies`);
  }
  for (const m of range(M)) for (const k of range(K)) for (const t of range(T)) {
    let got = 0;
    let need = 0;
    for (const o of range(O)) {
      need += param(inst, 'DM', o, k, m, t);
      for (const u of range(U)) got += q.QU(o, k, u, m, t);
    }
    check(ok(need, got), () => `(14) plant ${id.M[m]}, ${id.K[k]}, period ${id.T[t]}: receives ${f(got)} < demand ${f(need)}`);
  }
  for (const p of range(P)) for (const k of range(K)) for (const i of range(I)) for (const r of range(R)) for (const t of range(T)) {
    const s = param(inst, 'S', p, k, i, r, t);
    check(ok(q.QI(p, k, i, r, t), s), () => `(15) ${id.P[p]} from ${id.I[i]} to ${id.R[r]}:${id.K[k]} period ${id.T[t]}: ${f(q.QI(p, k, i, r, t))} > supply ${f(s)}`);
  }
  const satisfied = total - out.length;
  out.push(...domainViolations(inst, design, flows));
  return { total, satisfied, violations: out };
}

/** (16)-(17): binary design, flows and inventories >= 0 (integer unless relaxed), right lengths. */
function domainViolations(inst: IlInstance, design: Design, flows: IlFlows): string[] {
  const out: string[] = [];
  design.forEach((b, bit) => {
    if (b !== 0 && b !== 1) out.push(`(16) design bit ${bit} is ${b}, not 0/1`);
  });
  const shapes = flowShapes(inst.sizes);
  for (const n of FLOW_NAMES) {
    const values = flows[n];
    if (values.length !== shapes[n].size) {
      out.push(`${n} has ${values.length} entries, expected ${shapes[n].size}`);
      continue;
    }
    values.forEach((v, k) => {
      const where = () => `${n}[${shapes[n].tuple(k).map((x) => x + 1).join(',')}]`;
      if (!(v >= -TOL)) out.push(`(17) ${where()} = ${v} is negative`);
      else if (inst.integerFlows && Math.abs(v - Math.round(v)) > TOL) out.push(`(17) ${where()} = ${v} is not an integer`);
    });
  }
  return out;
}

import { haversineKm } from '../../../src/io/geo.js';
import type { JavaInstance } from '../../../src/problems/network/convert/legacy/java-recycling/instance.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';

/*
 * Kasy et al. (2025) written out in the paper's own variables, to check a network solution
 * converted from a java-recycling instance without the network's cost or checker: objective (1)
 * and constraints (2)-(17) recomputed from the flows and the old instance's data.
 */

const sum = (xs: readonly number[]): number => xs.reduce((s, v) => s + v, 0);

/** The paper's variables read off network flows (kg; `[t]` 0-based). */
function paperVariables(inst: JavaInstance, flows: NetworkFlows) {
  const T = inst.periods;
  const arc = (from: string, to: string, product: string, t: number): number =>
    sum(
      flows.arcs
        .filter((a) => a.from === from && a.to === to && a.product === product && a.period === t + 1)
        .map((a) => a.amount),
    );
  const LB = (c: string, r: string, t: number): number => arc(c, r, 'battery', t);
  const S = (r: string, m: string, k: string, t: number): number => arc(r, m, k, t);
  const PW = (r: string, w: string, t: number): number => arc(r, w, 'residue', t);
  const inflow = (r: string, t: number): number => sum(inst.centres.map((c) => LB(c.id, r, t)));
  /** I_rkt by balance (12)-(13): start 0, plus conv_k x battery in, minus shipped. */
  const I = (r: string, ki: number, t: number): number => {
    let stock = 0;
    for (let s = 0; s <= t; s++)
      stock +=
        inst.metals[ki]!.conversion * inflow(r, s) -
        sum(inst.manufacturers.map((m) => S(r, m.id, inst.metals[ki]!.id, s)));
    return stock;
  };
  return { T, LB, S, PW, inflow, I };
}

/** Objective (1): revenue - investment - fixed - recycle - waste treatment - inventory - transport (IDR). */
export function kasyProfit(inst: JavaInstance, open: readonly boolean[], flows: NetworkFlows): number {
  const { T, LB, S, PW, inflow, I } = paperVariables(inst, flows);
  const d = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number =>
    inst.circuity * haversineKm(a.lon, a.lat, b.lon, b.lat);
  const opened = inst.facilities.filter((_, r) => open[r]);
  const { amount, basis } = inst.fixedCost;
  const fixed =
    basis === 'network-period'
      ? amount * T
      : basis === 'facility-period'
        ? amount * T * opened.length
        : amount * opened.length;
  const terms: number[] = [-fixed, ...opened.map((f) => -f.investmentCost)];
  for (let t = 0; t < T; t++) {
    for (const r of inst.facilities) {
      inst.metals.forEach((k, ki) => {
        terms.push(-k.recycleCost * k.conversion * inflow(r.id, t), -inst.inventoryCost * I(r.id, ki, t));
        for (const m of inst.manufacturers)
          terms.push((k.price - inst.transportCostPerKgKm * d(r, m)) * S(r.id, m.id, k.id, t));
      });
      for (const w of inst.landfills)
        terms.push(-(inst.wasteTreatmentCost + inst.transportCostPerKgKm * d(r, w)) * PW(r.id, w.id, t));
      for (const c of inst.centres) terms.push(-inst.transportCostPerKgKm * d(c, r) * LB(c.id, r.id, t));
    }
  }
  return sum(terms);
}

/** Constraints (2)-(17) that fail on the flows, as readable lines (empty when all hold, to `tol` kg). */
export function kasyViolations(
  inst: JavaInstance,
  open: readonly boolean[],
  flows: NetworkFlows,
  tol = 1e-6,
): string[] {
  const { T, LB, S, PW, inflow, I } = paperVariables(inst, flows);
  const bad: string[] = [];
  const scale = (v: number): number => tol * Math.max(1, Math.abs(v));
  for (let t = 0; t < T; t++) {
    for (const c of inst.centres) {
      const out = sum(inst.facilities.map((r) => LB(c.id, r.id, t)));
      if (out > c.supply[t]! + scale(c.supply[t]!)) bad.push(`supply ${c.id} t${t + 1}: ${out} > ${c.supply[t]}`);
    }
    inst.facilities.forEach((r, ri) => {
      const cap = open[ri] ? r.capacity[t]! : 0;
      if (inflow(r.id, t) > cap + scale(cap)) bad.push(`capacity ${r.id} t${t + 1}: ${inflow(r.id, t)} > ${cap}`);
      const residue = sum(inst.landfills.map((w) => PW(r.id, w.id, t)));
      if (Math.abs(residue - inst.wasteConversion * inflow(r.id, t)) > scale(residue))
        bad.push(`residue ${r.id} t${t + 1}: ${residue} != conv_W x ${inflow(r.id, t)}`);
      inst.metals.forEach((k, ki) => {
        if (I(r.id, ki, t) < -scale(inflow(r.id, t)))
          bad.push(`inventory ${r.id} ${k.id} t${t + 1}: ${I(r.id, ki, t)} < 0`);
      });
    });
    for (const m of inst.manufacturers) {
      inst.metals.forEach((k, ki) => {
        const got = sum(inst.facilities.map((r) => S(r.id, m.id, k.id, t)));
        if (Math.abs(got - m.demand[ki]![t]!) > scale(m.demand[ki]![t]!))
          bad.push(`demand ${m.id} ${k.id} t${t + 1}: ${got} != ${m.demand[ki]![t]}`);
      });
      const all = sum(inst.metals.flatMap((k) => inst.facilities.map((r) => S(r.id, m.id, k.id, t))));
      if (m.capacity && all > m.capacity[t]! + scale(m.capacity[t]!))
        bad.push(`manufacturer capacity ${m.id} t${t + 1}: ${all} > ${m.capacity[t]}`);
    }
  }
  return bad;
}

/** Stock the network reports at the end of each period against the paper's balance I_rkt. */
export function stockMismatch(inst: JavaInstance, flows: NetworkFlows, tol = 1e-6): string[] {
  const { T, I } = paperVariables(inst, flows);
  const bad: string[] = [];
  for (const r of inst.facilities) {
    inst.metals.forEach((k, ki) => {
      for (let t = 0; t < T; t++) {
        const reported = sum(
          flows.stock.filter((s) => s.node === r.id && s.product === k.id && s.period === t + 1).map((s) => s.amount),
        );
        if (Math.abs(reported - I(r.id, ki, t)) > tol * Math.max(1, reported))
          bad.push(`stock ${r.id} ${k.id} t${t + 1}: network ${reported}, balance ${I(r.id, ki, t)}`);
      }
    });
  }
  return bad;
}

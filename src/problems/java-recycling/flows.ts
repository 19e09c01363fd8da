import type { JavaInstance } from './instance.js';

/**
 * The flow decisions of the paper, dense and indexed like the instance (closed facilities carry
 * zeros). Plain nested arrays so a result posts between threads and prints as JSON.
 */
export interface JavaFlows {
  /** LB_crt: kg battery from collection centre c to facility r in period t, `[c][r][t]`. */
  readonly collect: number[][][];
  /** PN/PM/PC_rt: kg of metal k produced at r in period t, `[r][k][t]`. */
  readonly production: number[][][];
  /** PW_rwt: kg residue from r to landfill w in period t, `[r][w][t]`. */
  readonly residue: number[][][];
  /** SN/SM/SC_rmt: kg of metal k shipped from r to manufacturer m in period t, `[r][m][k][t]`. */
  readonly ship: number[][][][];
  /** IN/IM/IC_rt: kg of metal k held at r at the end of period t, `[r][k][t]`. */
  readonly inventory: number[][][];
}

/** Values below this (kg) are solver noise, not flow. */
export const FLOW_EPS = 1e-7;

function zeros(T: number): number[] {
  return new Array<number>(T).fill(0);
}

/** All-zero flows of the instance's shape. */
export function emptyFlows(inst: JavaInstance): JavaFlows {
  const T = inst.periods;
  const K = inst.metals.length;
  return {
    collect: inst.centres.map(() => inst.facilities.map(() => zeros(T))),
    production: inst.facilities.map(() => inst.metals.map(() => zeros(T))),
    residue: inst.facilities.map(() => inst.landfills.map(() => zeros(T))),
    ship: inst.facilities.map(() => inst.manufacturers.map(() => Array.from({ length: K }, () => zeros(T)))),
    inventory: inst.facilities.map(() => inst.metals.map(() => zeros(T))),
  };
}

/** kg battery processed at facility r in period t (Σ_c LB_crt). */
export function processed(flows: JavaFlows, r: number, t: number): number {
  return flows.collect.reduce((s, row) => s + row[r]![t]!, 0);
}

/** Cleans solver noise: |v| < FLOW_EPS becomes 0. */
export function clean(v: number): number {
  return Math.abs(v) < FLOW_EPS ? 0 : v;
}

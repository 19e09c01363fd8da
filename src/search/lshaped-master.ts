import type { DesignRow, ScenarioCut } from '../core/two-stage.js';
import { LinearModelBuilder, type LinearModel } from '../exact/linear-model.js';

/** A row of the master over y (first n columns) and theta: sum coef y + sum thetaCoef theta >= rhs (unscaled). */
export interface MasterRow {
  readonly y: Float64Array;
  /** theta index (scenario, or 0 for the single aggregate) and its coefficient; null for a feasibility row. */
  readonly theta: number | null;
  readonly rhs: number;
}

/** theta >= value + slope (y - at), as a master row: theta - slope y >= value - slope at. */
export function optimalityRow(cut: ScenarioCut, theta: number, weight = 1): MasterRow {
  let rhs = cut.value;
  for (let i = 0; i < cut.slope.length; i++) rhs -= cut.slope[i]! * cut.at[i]!;
  return { y: Float64Array.from(cut.slope, (d) => -weight * d), theta, rhs: weight * rhs };
}

/** Sum of weighted optimality rows on one theta (the single-cut aggregate). */
export function aggregate(rows: readonly MasterRow[], theta: number): MasterRow {
  const y = new Float64Array(rows[0]!.y.length);
  let rhs = 0;
  for (const r of rows) {
    r.y.forEach((v, i) => (y[i]! += v));
    rhs += r.rhs;
  }
  return { y, theta, rhs };
}

/** 0 >= value + slope (y - at): -slope y >= value - slope at, normalised so its largest coefficient is 1. */
export function feasibilityRow(cut: ScenarioCut): MasterRow {
  let rhs = cut.value;
  for (let i = 0; i < cut.slope.length; i++) rhs -= cut.slope[i]! * cut.at[i]!;
  const norm = Math.max(cut.value, ...Array.from(cut.slope, Math.abs));
  return { y: Float64Array.from(cut.slope, (d) => -d / norm), theta: null, rhs: rhs / norm };
}

/**
 * Integer L-shaped cut (Laporte & Louveaux 1993) at a binary design y^ with S its open bits: for a
 * second stage whose exact cost E at y^ is above its LP cut, theta >= (E - L)(sum_S y - sum_notS y
 * - |S| + 1) + L, L a lower bound of the second stage over every design. Tight at y^, <= L elsewhere.
 */
export function integerRow(at: Float64Array, exact: number, lower: number, theta: number): MasterRow {
  const d = exact - lower;
  let open = 0;
  const y = Float64Array.from(at, (v) => {
    if (v > 0.5) open++;
    return v > 0.5 ? -d : d;
  });
  return { y, theta, rhs: lower - d * (open - 1) };
}

/** A binary y^ with no feasible second stage: sum_notS y - sum_S y >= 1 - |S| (cuts off y^ alone). */
export function noGoodRow(at: Float64Array): MasterRow {
  let open = 0;
  const y = Float64Array.from(at, (v) => {
    if (v > 0.5) open++;
    return v > 0.5 ? -1 : 1;
  });
  return { y, theta: null, rhs: 1 - open };
}

/**
 * The master MIP: min c y + sum_k w_k theta_k subject to the rows, the design rows, y binary,
 * theta_k >= its lower bound (`relaxed`: y in [0, 1], the LP phase). Objective and theta are divided by `scale` (values reach 1e12 in
 * some networks; HiGHS's absolute tolerances need O(1) numbers).
 */
export function masterModel(
  cost: Float64Array,
  weights: readonly number[],
  lower: readonly number[],
  rows: readonly MasterRow[],
  designRows: readonly DesignRow[],
  scale: number,
  relaxed = false,
): LinearModel {
  const b = new LinearModelBuilder(relaxed ? 'lshaped-master-lp' : 'lshaped-master');
  const y = Array.from(cost, (c, i) =>
    b.addVar(`y${i}`, relaxed ? { upper: 1, cost: c / scale } : { type: 'binary', cost: c / scale }),
  );
  const theta = weights.map((w, k) => b.addVar(`theta${k}`, { lower: lower[k]! / scale, cost: w }));
  rows.forEach((r, k) => {
    const vars: number[] = [];
    const coefs: number[] = [];
    const div = r.theta === null ? 1 : scale;
    r.y.forEach((v, i) => {
      if (v === 0) return;
      vars.push(y[i]!);
      coefs.push(v / div);
    });
    if (r.theta !== null) {
      vars.push(theta[r.theta]!);
      coefs.push(1);
    }
    b.addGe(`cut${k}`, { vars, coefs }, r.rhs / div);
  });
  designRows.forEach((r, k) =>
    b.addRow(`design${k}`, { vars: r.idx.map((i) => y[i]!), coefs: [...r.val] }, r.lower, r.upper),
  );
  return b.build();
}

/**
 * A solver-independent linear model: columns with bounds and integrality, named rows
 * `lower <= a·x <= upper`, a linear objective with a constant. Problems build these; only
 * the exact layer turns them into HiGHS models or LP text.
 */

/** Domain of a column. */
export type VarType = 'continuous' | 'integer' | 'binary';

/** Objective direction. */
export type Sense = 'min' | 'max';

/** A finished model, stored row-wise (CSR) in plain arrays so it can be posted to a worker. */
export interface LinearModel {
  readonly name: string;
  readonly sense: Sense;
  readonly offset: number;
  readonly colNames: readonly string[];
  readonly colCost: readonly number[];
  readonly colLower: readonly number[];
  readonly colUpper: readonly number[];
  readonly colType: readonly VarType[];
  readonly rowNames: readonly string[];
  readonly rowLower: readonly number[];
  readonly rowUpper: readonly number[];
  /** CSR: row r holds entries `rowStarts[r] .. rowStarts[r+1]-1` of `indices`/`values`. */
  readonly rowStarts: readonly number[];
  readonly indices: readonly number[];
  readonly values: readonly number[];
}

/** Options for a new column. */
export interface VarSpec {
  lower?: number;
  upper?: number;
  type?: VarType;
  cost?: number;
}

/** A sparse linear expression: parallel arrays of column indices and coefficients. */
export interface LinearExpr {
  readonly vars: readonly number[];
  readonly coefs: readonly number[];
}

/**
 * Incremental builder for a {@link LinearModel}. Column and row names must be unique; they are
 * what a user sees in an exported `.lp` file, so problems choose readable ones (`x_3_17`).
 */
export class LinearModelBuilder {
  private readonly colNames: string[] = [];
  private readonly colCost: number[] = [];
  private readonly colLower: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly colType: VarType[] = [];
  private readonly rowNames: string[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly rowStarts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private offset = 0;

  constructor(
    private readonly name: string,
    private readonly sense: Sense = 'min',
  ) {}

  get numCols(): number {
    return this.colNames.length;
  }

  get numRows(): number {
    return this.rowNames.length;
  }

  /** Adds a column and returns its index. Binary columns get bounds [0, 1]. */
  addVar(name: string, spec: VarSpec = {}): number {
    const type = spec.type ?? 'continuous';
    const lower = spec.lower ?? 0;
    const upper = type === 'binary' ? Math.min(spec.upper ?? 1, 1) : (spec.upper ?? Infinity);
    if (lower > upper) throw new Error(`variable ${name}: lower bound ${lower} > upper bound ${upper}`);
    this.colNames.push(name);
    this.colCost.push(spec.cost ?? 0);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colType.push(type);
    return this.colNames.length - 1;
  }

  /** Adds `cost` to the objective coefficient of column `col`. */
  addCost(col: number, cost: number): void {
    this.colCost[col] = (this.colCost[col] ?? 0) + cost;
  }

  /** Adds a constant to the objective. */
  addOffset(value: number): void {
    this.offset += value;
  }

  /** Adds `lower <= expr <= upper` (use ±Infinity for a one-sided row); returns its index. */
  addRow(name: string, expr: LinearExpr, lower: number, upper: number): number {
    if (expr.vars.length !== expr.coefs.length) throw new Error(`row ${name}: vars and coefs differ in length`);
    for (let k = 0; k < expr.vars.length; k++) {
      const coef = expr.coefs[k]!;
      if (coef === 0) continue;
      const col = expr.vars[k]!;
      if (col < 0 || col >= this.colNames.length) throw new Error(`row ${name}: unknown column ${col}`);
      this.indices.push(col);
      this.values.push(coef);
    }
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowStarts.push(this.indices.length);
    return this.rowNames.length - 1;
  }

  /** `expr <= rhs` */
  addLe(name: string, expr: LinearExpr, rhs: number): number {
    return this.addRow(name, expr, -Infinity, rhs);
  }

  /** `expr >= rhs` */
  addGe(name: string, expr: LinearExpr, rhs: number): number {
    return this.addRow(name, expr, rhs, Infinity);
  }

  /** `expr = rhs` */
  addEq(name: string, expr: LinearExpr, rhs: number): number {
    return this.addRow(name, expr, rhs, rhs);
  }

  /** Freezes the model. The builder must not be used afterwards. */
  build(): LinearModel {
    return {
      name: this.name,
      sense: this.sense,
      offset: this.offset,
      colNames: this.colNames,
      colCost: this.colCost,
      colLower: this.colLower,
      colUpper: this.colUpper,
      colType: this.colType,
      rowNames: this.rowNames,
      rowLower: this.rowLower,
      rowUpper: this.rowUpper,
      rowStarts: this.rowStarts,
      indices: this.indices,
      values: this.values,
    };
  }
}

/** Shorthand for a linear expression. */
export function expr(vars: readonly number[], coefs: readonly number[]): LinearExpr {
  return { vars, coefs };
}

/** `sum vars` with unit coefficients. */
export function sum(vars: readonly number[]): LinearExpr {
  return { vars, coefs: vars.map(() => 1) };
}

/** True if any column is integer or binary. */
export function isMip(model: LinearModel): boolean {
  return model.colType.some((t) => t !== 'continuous');
}

/** Evaluates the objective of `model` at `x` (offset included). */
export function objectiveAt(model: LinearModel, x: ArrayLike<number>): number {
  let total = model.offset;
  for (let j = 0; j < model.colCost.length; j++) total += model.colCost[j]! * x[j]!;
  return total;
}

/** Largest violation of any row or bound of `model` at `x` (0 when feasible). */
export function maxViolation(model: LinearModel, x: ArrayLike<number>): number {
  let worst = 0;
  for (let j = 0; j < model.colLower.length; j++) {
    worst = Math.max(worst, model.colLower[j]! - x[j]!, x[j]! - model.colUpper[j]!);
  }
  for (let r = 0; r < model.rowNames.length; r++) {
    let activity = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++)
      activity += model.values[k]! * x[model.indices[k]!]!;
    worst = Math.max(worst, model.rowLower[r]! - activity, activity - model.rowUpper[r]!);
  }
  return worst;
}

/** The LP relaxation: the same model with every column continuous (binaries keep [0, 1]). */
export function relaxIntegrality(model: LinearModel): LinearModel {
  return { ...model, name: `${model.name}-lp`, colType: model.colType.map(() => 'continuous' as const) };
}

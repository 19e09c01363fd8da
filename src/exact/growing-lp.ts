import type { Highs, Model } from 'highs';
import type { HighsHandle } from './highs-handle.js';
import type { LinearModel } from './linear-model.js';
import { runLp, type LpSolve } from './run-lp.js';
import { highsOptions, toHighsData, type ExactOptions } from './solve-model.js';

/** A column to append: its cost, bounds and coefficients in existing rows. */
export interface NewColumn {
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  readonly rows: readonly number[];
  readonly coefs: readonly number[];
}

/**
 * An LP that grows by columns and is re-solved warm after each addition: the engine of column
 * generation. The simplex continues from the previous basis (new columns enter at their lower
 * bound), so each round costs a few pivots rather than a fresh solve. If the handle reloads its
 * module between rounds, the LP is rebuilt from the base model plus every column added so far.
 */
export class GrowingLp {
  private model: Model | null = null;
  private generation = -1;
  private readonly added: NewColumn[] = [];
  private readonly costChanges = new Map<number, number>();
  private readonly boundChanges = new Map<number, readonly [number, number]>();

  constructor(
    private readonly handle: HighsHandle,
    private readonly base: LinearModel,
    private readonly options: ExactOptions = {},
  ) {}

  /** Number of columns now in the LP. */
  get numCols(): number {
    return this.base.colNames.length + this.added.length;
  }

  /** Appends columns (indices continue after the existing ones). */
  async addColumns(cols: readonly NewColumn[]): Promise<void> {
    if (cols.length === 0) return;
    this.added.push(...cols);
    await this.handle.run((highs) => {
      if (this.ensure(highs)) return;
      this.model!.addCols(columnData(highs, cols, this.base.rowNames.length));
    });
  }

  /** Changes objective coefficients of existing columns. */
  async setCosts(indices: readonly number[], costs: readonly number[]): Promise<void> {
    indices.forEach((c, k) => this.costChanges.set(c, costs[k]!));
    const order = [...new Set(indices)].sort((a, b) => a - b);
    await this.handle.run((highs) => {
      if (this.ensure(highs)) return;
      this.model!.changeColsCost(
        { kind: 'set', indices: Int32Array.from(order) },
        Float64Array.from(order, (c) => this.costChanges.get(c)!),
      );
    });
  }

  /** Changes bounds of existing columns (e.g. fix the arcs of a closed site at 0). */
  async setBounds(indices: readonly number[], lower: readonly number[], upper: readonly number[]): Promise<void> {
    if (indices.length === 0) return;
    indices.forEach((c, k) => this.boundChanges.set(c, [lower[k]!, upper[k]!]));
    // HiGHS wants strictly increasing indices in a set selection.
    const order = [...new Set(indices)].sort((a, b) => a - b);
    await this.handle.run((highs) => {
      if (this.ensure(highs)) return;
      const inf = (v: number): number => (v === Infinity ? highs.infinity : v);
      const lo = Float64Array.from(order, (c) => inf(this.boundChanges.get(c)![0]));
      const hi = Float64Array.from(order, (c) => inf(this.boundChanges.get(c)![1]));
      this.model!.changeColsBounds({ kind: 'set', indices: Int32Array.from(order) }, lo, hi);
    });
  }

  /** Solves (warm after the first time). */
  async solve(): Promise<LpSolve> {
    return this.handle.run((highs) => {
      this.ensure(highs);
      return runLp(highs, this.model!);
    });
  }

  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }

  /**
   * Makes sure a live model exists; returns true when it was (re)built, in which case it already
   * holds every column in `added` (including any being added now) and every cost and bound change.
   */
  private ensure(highs: Highs): boolean {
    if (this.model && this.generation === this.handle.generation && !this.model.disposed) return false;
    const m = highs.createModel(toHighsData(highs, this.base));
    m.options.set(highsOptions(this.options, false));
    if (this.added.length > 0) m.addCols(columnData(highs, this.added, this.base.rowNames.length));
    if (this.costChanges.size > 0) {
      const keys = [...this.costChanges.keys()].sort((a, b) => a - b);
      m.changeColsCost(
        { kind: 'set', indices: Int32Array.from(keys) },
        Float64Array.from(keys, (c) => this.costChanges.get(c)!),
      );
    }
    if (this.boundChanges.size > 0) {
      const inf = (v: number): number => (v === Infinity ? highs.infinity : v);
      const keys = [...this.boundChanges.keys()].sort((a, b) => a - b);
      m.changeColsBounds(
        { kind: 'set', indices: Int32Array.from(keys) },
        Float64Array.from(keys, (c) => inf(this.boundChanges.get(c)![0])),
        Float64Array.from(keys, (c) => inf(this.boundChanges.get(c)![1])),
      );
    }
    this.model = m;
    this.generation = this.handle.generation;
    return true;
  }
}

function columnData(highs: Highs, cols: readonly NewColumn[], numRows: number) {
  const inf = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const starts = new Int32Array(cols.length + 1);
  cols.forEach((c, k) => (starts[k + 1] = starts[k]! + c.rows.length));
  const indices = new Int32Array(starts[cols.length]!);
  const values = new Float64Array(starts[cols.length]!);
  cols.forEach((c, k) => {
    indices.set(c.rows, starts[k]!);
    values.set(c.coefs, starts[k]!);
  });
  return {
    cost: Float64Array.from(cols, (c) => c.cost),
    lower: Float64Array.from(cols, (c) => inf(c.lower)),
    upper: Float64Array.from(cols, (c) => inf(c.upper)),
    matrix: { format: 'csc' as const, numRows, numCols: cols.length, starts, indices, values },
  };
}

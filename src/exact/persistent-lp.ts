import type { Highs, Model } from 'highs';
import type { HighsHandle } from './highs-handle.js';
import type { LinearModel } from './linear-model.js';
import { highsOptions, toHighsData, type ExactOptions } from './solve-model.js';
import { runLp, type LpSolve } from './run-lp.js';

export type { LpSolve } from './run-lp.js';

/**
 * An LP kept alive inside HiGHS and re-solved after bound changes, warm-started from the last
 * basis. Pricing many neighbouring designs (one site opened or closed) then costs a few simplex
 * pivots instead of a fresh solve. Owned by one handle; rebuilt if the handle reloads its module.
 * Call {@link dispose} when done: WebAssembly memory is not garbage-collected.
 */
export class PersistentLp {
  private model: Model | null = null;
  private generation = -1;

  constructor(
    private readonly handle: HighsHandle,
    readonly lp: LinearModel,
    private readonly options: ExactOptions = {},
  ) {}

  /**
   * Sets column and row bounds (only those listed change) and re-solves.
   * `cols`/`rows` are `[index, lower, upper]` triples.
   */
  async solve(
    cols: ReadonlyArray<readonly [number, number, number]>,
    rows: ReadonlyArray<readonly [number, number, number]> = [],
  ): Promise<LpSolve> {
    return this.handle.run((highs) => {
      const m = this.ensure(highs);
      const inf = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
      if (cols.length > 0) {
        m.changeColsBounds(
          { kind: 'set', indices: Int32Array.from(cols, (c) => c[0]) },
          Float64Array.from(cols, (c) => inf(c[1])),
          Float64Array.from(cols, (c) => inf(c[2])),
        );
      }
      if (rows.length > 0) {
        m.changeRowsBounds(
          { kind: 'set', indices: Int32Array.from(rows, (r) => r[0]) },
          Float64Array.from(rows, (r) => inf(r[1])),
          Float64Array.from(rows, (r) => inf(r[2])),
        );
      }
      return runLp(highs, m);
    });
  }

  /** Frees the HiGHS model. */
  dispose(): void {
    this.model?.dispose();
    this.model = null;
  }

  private ensure(highs: Highs): Model {
    if (this.model && this.generation === this.handle.generation && !this.model.disposed) return this.model;
    // A reload replaced the module: the old model died with it; build a fresh one.
    const m = highs.createModel(toHighsData(highs, this.lp));
    m.options.set(highsOptions(this.options, false));
    this.model = m;
    this.generation = this.handle.generation;
    return m;
  }
}

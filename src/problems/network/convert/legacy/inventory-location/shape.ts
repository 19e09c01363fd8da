/**
 * Index sets of the Phan et al. (2025) inventory-location model, and row-major indexing of the
 * arrays that hold its parameters and variables. Every array is laid out in the order of the
 * paper's subscripts (CR_pkrt is `[P, K, R, T]`), so a reader can check an entry by hand.
 */

/** Customers, repair centres, collection & recycling centres, plants, technologies, battery types, components, periods. */
export const IL_SETS = ['I', 'R', 'U', 'M', 'K', 'P', 'O', 'T'] as const;

/** One index set. */
export type IlSet = (typeof IL_SETS)[number];

/** Size of every index set. */
export type IlSizes = Readonly<Record<IlSet, number>>;

/** What each set is called in JSON (`sizes`, `ids`) and on the command line. */
export const SET_NAMES: Readonly<Record<IlSet, string>> = {
  I: 'customers',
  R: 'repair',
  U: 'recycling',
  M: 'plants',
  K: 'technologies',
  P: 'batteries',
  O: 'components',
  T: 'periods',
};

/** Default id prefix of each set's members (`C1`, `R2`, `k1`, period `1`...). */
export const ID_PREFIX: Readonly<Record<IlSet, string>> = {
  I: 'C',
  R: 'R',
  U: 'U',
  M: 'M',
  K: 'k',
  P: 'p',
  O: 'o',
  T: '',
};

/** Row-major shape of one array over some index sets. */
export class Shape {
  readonly size: number;
  private readonly strides: number[];

  constructor(readonly sizes: readonly number[]) {
    this.strides = new Array<number>(sizes.length).fill(1);
    for (let d = sizes.length - 2; d >= 0; d--) this.strides[d] = this.strides[d + 1]! * sizes[d + 1]!;
    this.size = sizes.reduce((a, b) => a * b, 1);
  }

  /** Flat position of a tuple of 0-based indices (one per dimension). */
  index(...idx: number[]): number {
    let k = 0;
    for (let d = 0; d < idx.length; d++) k += idx[d]! * this.strides[d]!;
    return k;
  }

  /** The tuple of 0-based indices at a flat position. */
  tuple(flat: number): number[] {
    return this.strides.map((s, d) => Math.floor(flat / s) % this.sizes[d]!);
  }
}

/** The shape of an array indexed by `dims`. */
export function shapeOf(sizes: IlSizes, dims: readonly IlSet[]): Shape {
  return new Shape(dims.map((d) => sizes[d]));
}

/** `[0, 1, ..., n-1]`, for readable nested loops over an index set. */
export function range(n: number): number[] {
  return [...Array(n).keys()];
}

import { InputError } from '../../core/errors.js';
import type { CapacityDoc, PeriodValueDoc, ProductValueDoc } from './schema.js';
import type { NetCapacity, Periodic } from './instance.js';

/** Expands document values into per-period arrays, with errors naming the file and field. */
export class ValueReader {
  constructor(
    readonly source: string,
    readonly periods: number,
    readonly productIndex: ReadonlyMap<string, number>,
  ) {}

  fail(where: string, expected: string): never {
    throw new InputError(this.source, where, expected);
  }

  /** A product id as an index. */
  product(id: string, where: string): number {
    const p = this.productIndex.get(id);
    if (p === undefined)
      this.fail(where, `a product among ${[...this.productIndex.keys()].join(', ')}, got ${JSON.stringify(id)}`);
    return p;
  }

  /** A number (every period) or one number per period. */
  periodic(value: PeriodValueDoc | number, where: string): Periodic {
    const T = this.periods;
    if (typeof value === 'number') return new Float64Array(T).fill(value);
    if (value.length !== T) this.fail(where, `one value per period (${T}), got ${value.length}`);
    return Float64Array.from(value);
  }

  /** A per product x period array (`p * T + t`); products missing from an object get 0. */
  perProduct(value: ProductValueDoc | undefined, where: string): Float64Array | null {
    if (value === undefined) return null;
    const T = this.periods;
    const P = this.productIndex.size;
    const out = new Float64Array(P * T);
    if (typeof value === 'number' || Array.isArray(value)) {
      const v = this.periodic(value, where);
      for (let p = 0; p < P; p++) out.set(v, p * T);
    } else {
      for (const [id, v] of Object.entries(value))
        out.set(this.periodic(v, `${where}.${id}`), this.product(id, `${where}.${id}`) * T);
    }
    return out.some((v) => v !== 0) ? out : null;
  }

  /** A capacity: a number bounds the total over products, an object each listed product. */
  capacity(value: CapacityDoc | undefined, where: string): NetCapacity | null {
    if (value === undefined) return null;
    if (typeof value === 'number' || Array.isArray(value))
      return { total: this.periodic(value, where), perProduct: new Map() };
    const perProduct = new Map<number, Periodic>();
    for (const [id, v] of Object.entries(value))
      perProduct.set(this.product(id, `${where}.${id}`), this.periodic(v, `${where}.${id}`));
    return { total: null, perProduct };
  }

  /** A one-off cost: a number once, an array per period (summed). */
  charge(value: PeriodValueDoc | undefined, where: string): number {
    if (value === undefined) return 0;
    if (typeof value === 'number') return value;
    return this.periodic(value, where).reduce((s, v) => s + v, 0);
  }
}

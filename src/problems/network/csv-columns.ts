import { cellError, didYouMean, type CellRef, type CsvRow, type CsvTable } from './csv-table.js';
import { booleanCell, enumCell, listCell, numberCell, type NumberKind } from './csv-values.js';

/**
 * The column grammar of the CSV tables. A column is named `field`, `field:key`, `field:period`
 * or `field:key:period`, where `field` is the JSON key of the value, `key` a product (or product
 * group) id and `period` a number 1..T. A value given per period needs every period's column;
 * an empty cell means "not given" (the JSON key is left out), so a row may use `fixedCost` and
 * another `fixedCost:1`..`fixedCost:T` in the same file.
 */
export type FieldSpec =
  /** One cell: an id, free text, a yes/no, a `;`-list, a word from a list, or a number. */
  | { readonly kind: 'id' | 'string' | 'bool' | 'list'; readonly required?: boolean }
  | { readonly kind: 'enum'; readonly options: readonly string[]; readonly required?: boolean }
  | { readonly kind: 'number'; readonly number: NumberKind; readonly required?: boolean }
  /** A period value: `field` or `field:1`..`field:T`. */
  | { readonly kind: 'period'; readonly number: NumberKind; readonly required?: boolean }
  /** A product value or capacity: `field` (every product) or `field:p`, each optionally per period. */
  | { readonly kind: 'product'; readonly number: NumberKind }
  /**
   * One variant of a per-product record (`supply`, `demand`): `field:p` (optionally per period)
   * fills `parent.p`, wrapped as `{[wrap]: value}` unless `wrap` is absent.
   */
  | {
      readonly kind: 'keyed';
      readonly parent: string;
      readonly wrap?: string;
      readonly keys: 'products' | 'productsAndGroups';
      readonly unlimited?: boolean;
    };

/** The fields a table may hold, by column field name. */
export type TableSpec = Readonly<Record<string, FieldSpec>>;

/** What the grammar needs from the manifest: product ids, product group names, number of periods. */
export interface ColumnContext {
  readonly products: readonly string[];
  readonly productGroups: readonly string[];
  readonly periods: number;
  /** Record the cell of every value read (RowValues.refs); off on the fast first pass. */
  readonly track: boolean;
}

/** A ref map that keeps nothing: recording every cell of a 100,000-row folder costs more than reading it. */
export const NO_REFS: Map<string, CellRef> = new (class extends Map<string, CellRef> {
  override set(): this {
    return this;
  }
})();

/** The cells of one value: a plain column, or one column per period. */
interface ValueColumns {
  plain?: number;
  periods: (number | undefined)[];
}

/** The values of one row by JSON key, and where each came from (by dotted path below the row). */
export interface RowValues {
  readonly values: Record<string, unknown>;
  readonly refs: Map<string, CellRef>;
}

/** A table's header checked against its spec, ready to read rows. */
export class TableColumns {
  /** field -> key ('' for none) -> columns */
  private readonly byField = new Map<string, Map<string, ValueColumns>>();

  constructor(
    private readonly table: CsvTable,
    private readonly spec: TableSpec,
    private readonly ctx: ColumnContext,
  ) {
    table.header.forEach((name, j) => this.addColumn(name, j));
    for (const [field, keys] of this.byField) {
      for (const [key, cols] of keys) this.checkPeriods(field, key, cols);
    }
    for (const [field, s] of Object.entries(spec)) {
      if ('required' in s && s.required && !this.byField.has(field)) {
        throw cellError({ file: table.file, row: 1 }, `a column ${field} (required in this table)`);
      }
    }
  }

  /** The header cell of a column, for messages. */
  private ref(row: number, j: number | undefined): CellRef {
    return j === undefined
      ? { file: this.table.file, row }
      : { file: this.table.file, row, column: this.table.header[j]! };
  }

  private addColumn(name: string, j: number): void {
    const [field = '', ...rest] = name.split(':').map((s) => s.trim());
    const s = this.spec[field];
    const here = this.ref(1, j);
    if (!s)
      throw cellError(
        here,
        `a known column${didYouMean(field, Object.keys(this.spec))}; this table's columns: ${Object.keys(this.spec).join(', ')}`,
      );
    let key = '';
    let period: number | undefined;
    const periodOf = (t: string): number => {
      if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > this.ctx.periods) {
        throw cellError(
          here,
          `a period number 1..${this.ctx.periods} after "${field}:" (periods: ${this.ctx.periods} in the manifest), got "${t}"`,
        );
      }
      return Number(t);
    };
    const keyOf = (k: string, groups: boolean): string => {
      const known = groups ? [...this.ctx.products, ...this.ctx.productGroups] : this.ctx.products;
      if (!known.includes(k))
        throw cellError(
          here,
          `a ${groups ? 'product or product group' : 'product'} id after "${field}:", got "${k}"${didYouMean(k, known)}; products: ${this.ctx.products.join(', ')}`,
        );
      return k;
    };
    switch (s.kind) {
      case 'id':
      case 'string':
      case 'bool':
      case 'list':
      case 'enum':
      case 'number':
        if (rest.length > 0) throw cellError(here, `a plain column "${field}" (one value, not per product or period)`);
        break;
      case 'period':
        if (rest.length > 1) throw cellError(here, `"${field}" or "${field}:<period>"`);
        if (rest.length === 1) period = periodOf(rest[0]!);
        break;
      case 'product':
        if (rest.length > 2)
          throw cellError(
            here,
            `"${field}", "${field}:<product>", "${field}:<period>" or "${field}:<product>:<period>"`,
          );
        if (rest.length === 2) [key, period] = [keyOf(rest[0]!, false), periodOf(rest[1]!)];
        // A product id wins over a period number: products named "1", "2" stay products.
        else if (rest.length === 1) {
          if (this.ctx.products.includes(rest[0]!)) key = rest[0]!;
          else if (/^\d+$/.test(rest[0]!)) period = periodOf(rest[0]!);
          else key = keyOf(rest[0]!, false);
        }
        break;
      case 'keyed':
        if (rest.length < 1 || rest.length > 2)
          throw cellError(here, `"${field}:<product>" or "${field}:<product>:<period>"`);
        key = keyOf(rest[0]!, s.keys === 'productsAndGroups');
        if (rest.length === 2) period = periodOf(rest[1]!);
        break;
    }
    const keys = this.byField.get(field) ?? new Map<string, ValueColumns>();
    this.byField.set(field, keys);
    const cols = keys.get(key) ?? { periods: [] };
    keys.set(key, cols);
    const before = period === undefined ? cols.plain : cols.periods[period - 1];
    if (before !== undefined)
      throw cellError(here, `one column per value (column ${this.table.header[before]} is the same value)`);
    if (period === undefined) cols.plain = j;
    else cols.periods[period - 1] = j;
  }

  private checkPeriods(field: string, key: string, cols: ValueColumns): void {
    if (cols.periods.length === 0) return;
    const stem = key === '' ? field : `${field}:${key}`;
    for (let t = 1; t <= this.ctx.periods; t++) {
      if (cols.periods[t - 1] === undefined) {
        const given = cols.periods.findIndex((j) => j !== undefined);
        throw cellError(
          { file: this.table.file, row: 1 },
          `a column ${stem}:${t}: a value per period needs one column per period 1..${this.ctx.periods} (${this.table.header[cols.periods[given]!]} is given)`,
        );
      }
    }
  }

  /** One value (plain or per period) of a row, or undefined when its cells are empty. */
  private value(
    row: CsvRow,
    cols: ValueColumns,
    read: (text: string, ref: CellRef) => number,
    refs: Map<string, CellRef>,
    path: string,
    readPlain: (text: string, ref: CellRef) => number | string = read,
  ): number | string | number[] | undefined {
    const plain = cols.plain === undefined ? '' : (row.cells[cols.plain] ?? '');
    const perPeriod = cols.periods.map((j) => row.cells[j!] ?? '');
    const filled = perPeriod.filter((c) => c !== '').length;
    if (plain !== '' && filled > 0) {
      throw cellError(
        this.ref(row.row, cols.plain),
        `one value or one per period, not both (${this.table.header[cols.periods[perPeriod.findIndex((c) => c !== '')]!]} is filled too)`,
      );
    }
    if (plain !== '') {
      refs.set(path, this.ref(row.row, cols.plain));
      return readPlain(plain, this.ref(row.row, cols.plain));
    }
    if (filled === 0) return undefined;
    const empty = perPeriod.findIndex((c) => c === '');
    if (empty >= 0)
      throw cellError(
        this.ref(row.row, cols.periods[empty]),
        `a value (the other periods of this value are given: give every period or none)`,
      );
    refs.set(path, this.ref(row.row, cols.periods[0]));
    return perPeriod.map((c, t) => {
      refs.set(`${path}.${t}`, this.ref(row.row, cols.periods[t]));
      return read(c, this.ref(row.row, cols.periods[t]));
    });
  }

  /** The cell text of a one-cell field ('' when absent or empty). */
  text(row: CsvRow, field: string): string {
    const j = this.byField.get(field)?.get('')?.plain;
    return j === undefined ? '' : (row.cells[j] ?? '');
  }

  /** Where a field's value is in a row: its plain column, else its first filled period column, else the row. */
  where(row: CsvRow, field: string): CellRef {
    const cols = this.byField.get(field)?.get('');
    if (cols?.plain !== undefined && (row.cells[cols.plain] ?? '') !== '') return this.ref(row.row, cols.plain);
    const j = cols?.periods.find((k) => k !== undefined && (row.cells[k] ?? '') !== '');
    return this.ref(row.row, j ?? cols?.plain);
  }

  /** Reads every field of the spec from one row; required fields must be filled. */
  read(row: CsvRow): RowValues {
    const values: Record<string, unknown> = {};
    const refs = this.ctx.track ? new Map<string, CellRef>([['', this.ref(row.row, undefined)]]) : NO_REFS;
    for (const [field, s] of Object.entries(this.spec)) {
      const keys = this.byField.get(field);
      if (!keys) continue;
      const num = (kind: NumberKind) => (t: string, r: CellRef) => numberCell(t, kind, r);
      switch (s.kind) {
        case 'id':
        case 'string':
        case 'bool':
        case 'list':
        case 'enum':
        case 'number': {
          const t = this.text(row, field);
          const r = this.where(row, field);
          if (t === '') {
            if (s.required) throw cellError(r, `a value (required)`);
            break;
          }
          refs.set(field, r);
          values[field] =
            s.kind === 'bool'
              ? booleanCell(t, r)
              : s.kind === 'list'
                ? listCell(t, r)
                : s.kind === 'enum'
                  ? enumCell(t, s.options, r)
                  : s.kind === 'number'
                    ? numberCell(t, s.number, r)
                    : t;
          break;
        }
        case 'period': {
          const v = this.value(row, keys.get('')!, num(s.number), refs, field);
          if (v !== undefined) values[field] = v;
          else if (s.required) throw cellError(this.where(row, field), `a value (required)`);
          break;
        }
        case 'product': {
          const all = keys.has('') ? this.value(row, keys.get('')!, num(s.number), refs, field) : undefined;
          const per: Record<string, unknown> = {};
          for (const [key, cols] of keys) {
            if (key === '') continue;
            const v = this.value(row, cols, num(s.number), refs, `${field}.${key}`);
            if (v !== undefined) per[key] = v;
          }
          if (all !== undefined && Object.keys(per).length > 0) {
            throw cellError(
              this.where(row, field),
              `one value for every product or values per product, not both (${field}:${Object.keys(per)[0]} is filled too)`,
            );
          }
          if (all !== undefined) values[field] = all;
          else if (Object.keys(per).length > 0) values[field] = per;
          break;
        }
        case 'keyed': {
          const plainRead = (t: string, r: CellRef): number | string =>
            s.unlimited && t === 'unlimited' ? t : numberCell(t, 'nonNeg', r);
          for (const [key, cols] of keys) {
            const path = `${s.parent}.${key}${s.wrap ? `.${s.wrap}` : ''}`;
            const v = this.value(row, cols, num('nonNeg'), refs, path, plainRead);
            if (v === undefined) continue;
            const record = (values[s.parent] ?? {}) as Record<string, unknown>;
            values[s.parent] = record;
            const j = cols.plain !== undefined && (row.cells[cols.plain] ?? '') !== '' ? cols.plain : cols.periods[0];
            mergeVariant(record, key, s.wrap, v, this.ref(row.row, j));
          }
          break;
        }
      }
    }
    return { values, refs };
  }
}

/** Puts one variant (plain, `exactly`, `atLeast`, ...) of a product's amount into its record. */
function mergeVariant(
  record: Record<string, unknown>,
  key: string,
  wrap: string | undefined,
  v: unknown,
  ref: CellRef,
): void {
  const prev = record[key];
  if (prev === undefined) {
    record[key] = wrap ? { [wrap]: v } : v;
    return;
  }
  const prevWrap = typeof prev === 'object' && prev !== null && !Array.isArray(prev) ? Object.keys(prev)[0] : undefined;
  // Only a demand's atLeast and atMost combine ({atLeast, atMost}); other variants exclude each other.
  if (wrap && prevWrap && [prevWrap, wrap].sort().join() === 'atLeast,atMost') {
    (prev as Record<string, unknown>)[wrap] = v;
    return;
  }
  throw cellError(
    ref,
    `one kind of amount per product (this row also gives ${prevWrap ?? 'a plain amount'} for ${key}; only atLeast and atMost combine)`,
  );
}

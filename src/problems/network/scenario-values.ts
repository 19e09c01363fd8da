import { ScenarioChangeError } from './scenario-error.js';
import type { CapacityDoc, DemandDoc, PeriodValueDoc, ProductValueDoc, SupplyDoc } from './schema.js';

/*
 * Pure transforms of one document value under a scenario change: each returns a new value (the
 * input is never edited) and counts the numbers it reached in `ctx.hits`, so a change that
 * reaches nothing can be reported instead of silently doing nothing.
 */

/** What one change does to the numbers it reaches, and which products and periods it reaches. */
export interface ValueContext {
  /** The new value of a reached number (swapped per item when each item has its own factor). */
  op: (x: number) => number;
  /** True for `set` (replaces an `unlimited` supply); false for `scale` (keeps it unlimited). */
  readonly replaces: boolean;
  /** Selected product (or product-group) ids, or null for every product. */
  readonly products: ReadonlySet<string> | null;
  /** Selected periods, 0-based, or null for every period. */
  readonly periods: readonly number[] | null;
  readonly T: number;
  /** Round reached supply and demand amounts (integer flows: a fractional exact amount is infeasible). */
  readonly roundAmounts: boolean;
  /** Names the change in errors. */
  readonly label: string;
  hits: number;
  /** When set, collects the product (or group) ids of the values reached (to size groups cheaply). */
  tags: Set<string> | null;
}

function tag(ctx: ValueContext, ids: Iterable<string>): void {
  if (ctx.tags) for (const id of ids) ctx.tags.add(id);
}

type Periodic = number | number[];

/**
 * A period value. With a period selection a number becomes one number per period (a number means
 * the same in every period), except where a number means a one-off charge (`chargeOnce`: a fixed
 * cost given as a number is charged once, as an array per period, so the two are not the same).
 */
export function periodValue(
  v: Periodic,
  ctx: ValueContext,
  where: string,
  opts: { chargeOnce?: boolean; round?: boolean } = {},
): Periodic {
  const op = opts.round ? (x: number) => Math.round(ctx.op(x)) : ctx.op;
  if (ctx.periods === null) {
    ctx.hits++;
    return Array.isArray(v) ? v.map(op) : op(v);
  }
  if (!Array.isArray(v) && opts.chargeOnce) {
    throw new ScenarioChangeError(
      `${ctx.label}: ${where} is a one-off charge (a number); a period selection needs it written per period (an array)`,
    );
  }
  const arr = Array.isArray(v) ? [...v] : new Array<number>(ctx.T).fill(v);
  for (const t of ctx.periods) {
    if (t >= arr.length)
      throw new ScenarioChangeError(`${ctx.label}: ${where} has ${arr.length} period values, period ${t + 1} selected`);
    arr[t] = op(arr[t]!);
  }
  ctx.hits++;
  return arr;
}

/** Records that a value of product (or group) `id` was reached, when tags are collected. */
export function tagProduct(ctx: ValueContext, id: string): void {
  tag(ctx, [id]);
}

/** A number with no period form (a conversion's emission, the carbon tax). */
export function scalarValue(v: number, ctx: ValueContext, where: string): number {
  if (ctx.periods !== null)
    throw new ScenarioChangeError(
      `${ctx.label}: ${where} is one number for every period; it cannot be selected by period`,
    );
  ctx.hits++;
  return ctx.op(v);
}

/**
 * A product value (a period value for every product, or per product). With a product selection,
 * a plain value becomes an object over `universe` (the products it applied to) with only the
 * selected ones changed; a product missing from an object is not reached (it stays 0).
 */
export function productValue(
  v: ProductValueDoc,
  ctx: ValueContext,
  where: string,
  universe: readonly string[],
): ProductValueDoc {
  const plain = typeof v === 'number' || Array.isArray(v);
  if (ctx.products === null) {
    tag(ctx, plain ? universe : Object.keys(v));
    if (plain) return periodValue(v, ctx, where);
    return Object.fromEntries(Object.entries(v).map(([p, x]) => [p, periodValue(x, ctx, `${where}.${p}`)]));
  }
  const sel = ctx.products;
  if (!plain)
    return Object.fromEntries(
      Object.entries(v).map(([p, x]) => [p, sel.has(p) ? periodValue(x, ctx, `${where}.${p}`) : x]),
    );
  if (!universe.some((p) => sel.has(p))) return v;
  return Object.fromEntries(universe.map((p) => [p, sel.has(p) ? periodValue(v, ctx, `${where}.${p}`) : v]));
}

/** A price: like a product value, but signed (a negative price is a gate fee). */
export function priceValue(
  v: Periodic | Record<string, Periodic>,
  ctx: ValueContext,
  where: string,
  universe: readonly string[],
): Periodic | Record<string, Periodic> {
  return productValue(v as ProductValueDoc, ctx, where, universe) as Periodic | Record<string, Periodic>;
}

/** Supply amounts per product: `unlimited` stays unlimited when scaled, and is replaced by `set`. */
export function supplyRecord(
  rec: Record<string, SupplyDoc>,
  ctx: ValueContext,
  where: string,
): Record<string, SupplyDoc> {
  const round = { round: ctx.roundAmounts };
  return Object.fromEntries(
    Object.entries(rec).map(([p, s]): [string, SupplyDoc] => {
      if (ctx.products !== null && !ctx.products.has(p)) return [p, s];
      tag(ctx, [p]);
      const w = `${where}.${p}`;
      if (s === 'unlimited') {
        if (!ctx.replaces) {
          ctx.hits++;
          return [p, s];
        }
        // Only a whole-horizon bound can replace it: "unlimited in the other periods" has no form.
        if (ctx.periods !== null)
          throw new ScenarioChangeError(
            `${ctx.label}: ${w} is unlimited in every period; it can be set only for all periods`,
          );
        return [p, { upTo: periodValue(0, ctx, w, round) }];
      }
      if (typeof s === 'number' || Array.isArray(s)) return [p, periodValue(s, ctx, w, round)];
      if ('exactly' in s) return [p, { exactly: periodValue(s.exactly, ctx, `${w}.exactly`, round) }];
      return [p, { upTo: periodValue(s.upTo, ctx, `${w}.upTo`, round) }];
    }),
  );
}

/** Demand amounts per product or product group (keys as written); both bounds of a range move. */
export function demandRecord(
  rec: Record<string, DemandDoc>,
  ctx: ValueContext,
  where: string,
): Record<string, DemandDoc> {
  const round = { round: ctx.roundAmounts };
  return Object.fromEntries(
    Object.entries(rec).map(([p, d]): [string, DemandDoc] => {
      if (ctx.products !== null && !ctx.products.has(p)) return [p, d];
      tag(ctx, [p]);
      const w = `${where}.${p}`;
      if (typeof d === 'number' || Array.isArray(d)) return [p, periodValue(d, ctx, w, round)];
      if ('exactly' in d) return [p, { exactly: periodValue(d.exactly, ctx, `${w}.exactly`, round) }];
      if ('atLeast' in d) {
        return [
          p,
          {
            atLeast: periodValue(d.atLeast, ctx, `${w}.atLeast`, round),
            ...(d.atMost !== undefined ? { atMost: periodValue(d.atMost, ctx, `${w}.atMost`, round) } : {}),
          },
        ];
      }
      return [p, { atMost: periodValue(d.atMost, ctx, `${w}.atMost`, round) }];
    }),
  );
}

/** A capacity: a number bounds the total over products, so a product selection does not reach it. */
export function capacityValue(v: CapacityDoc, ctx: ValueContext, where: string): CapacityDoc {
  if (typeof v === 'number' || Array.isArray(v)) return ctx.products === null ? periodValue(v, ctx, where) : v;
  return Object.fromEntries(
    Object.entries(v).map(([p, x]) => {
      if (ctx.products !== null && !ctx.products.has(p)) return [p, x];
      tag(ctx, [p]);
      return [p, periodValue(x, ctx, `${where}.${p}`)];
    }),
  );
}

/** Conversion rates into each output product (a product selection picks outputs). */
export function ratesValue(
  to: Record<string, PeriodValueDoc>,
  ctx: ValueContext,
  where: string,
): Record<string, PeriodValueDoc> {
  return Object.fromEntries(
    Object.entries(to).map(([q, r]) => {
      if (ctx.products !== null && !ctx.products.has(q)) return [q, r];
      tag(ctx, [q]);
      return [q, periodValue(r, ctx, `${where}.${q}`)];
    }),
  );
}

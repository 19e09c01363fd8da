import type { ArcDoc, ArcRuleDoc, ConversionDoc, NodeDoc, TechOptionDoc } from './schema.js';
import {
  capacityValue,
  demandRecord,
  periodValue,
  priceValue,
  productValue,
  ratesValue,
  scalarValue,
  supplyRecord,
  tagProduct,
  type ValueContext,
} from './scenario-values.js';
import type { NetworkField } from './field-names.js';

/** The node fields a scenario can reach (what `echelonDefaults` may also hold). */
export type NodeFields = Omit<NodeDoc, 'id' | 'echelon' | 'name' | 'cluster' | 'lat' | 'lon' | 'x' | 'y'>;

/** Products of each conversion selected by its input (`from`) for cost and emission. */
function conversions(
  list: readonly ConversionDoc[],
  ctx: ValueContext,
  where: string,
  field: NetworkField,
): ConversionDoc[] {
  return list.map((c, i) => {
    const w = `${where}[${i}]`;
    if (field === 'conversionRate') return { ...c, to: ratesValue(c.to, ctx, `${w}.to`) };
    const byInput = ctx.products === null || ctx.products.has(c.from);
    if (byInput && (field === 'conversionCost' ? c.cost : c.emission) !== undefined) tagProduct(ctx, c.from);
    if (field === 'conversionCost')
      return c.cost !== undefined && byInput ? { ...c, cost: periodValue(c.cost, ctx, `${w}.cost`) } : c;
    return c.emission !== undefined && byInput ? { ...c, emission: scalarValue(c.emission, ctx, `${w}.emission`) } : c;
  });
}

const CONVERSION_FIELDS: ReadonlySet<NetworkField> = new Set([
  'conversionRate',
  'conversionCost',
  'emission',
  'emissionFactor',
]);

function option(
  o: TechOptionDoc,
  field: NetworkField,
  ctx: ValueContext,
  w: string,
  all: readonly string[],
): TechOptionDoc {
  const out: TechOptionDoc = { ...o };
  const universe = o.products ?? all;
  if (field === 'fixedCost') out.fixedCost = periodValue(o.fixedCost, ctx, `${w}.fixedCost`, { chargeOnce: true });
  if (field === 'capacity' && o.capacity !== undefined) out.capacity = capacityValue(o.capacity, ctx, `${w}.capacity`);
  if (field === 'handlingCost' && o.handlingCost !== undefined)
    out.handlingCost = productValue(o.handlingCost, ctx, `${w}.handlingCost`, universe);
  if ((field === 'emission' || field === 'emissionFactor') && o.emission !== undefined)
    out.emission = productValue(o.emission, ctx, `${w}.emission`, universe);
  if (CONVERSION_FIELDS.has(field) && o.conversions)
    out.conversions = conversions(
      o.conversions,
      ctx,
      `${w}.conversions`,
      field === 'emissionFactor' ? 'emission' : field,
    );
  return out;
}

/**
 * The keys of a node (or an `echelonDefaults` entry) that `field` changes, with their new values.
 * `all` lists every product id (a plain product value applies to all of them).
 */
export function changeNodeFields(
  c: NodeFields,
  field: NetworkField,
  ctx: ValueContext,
  where: string,
  all: readonly string[],
): Partial<NodeFields> {
  const out: Partial<NodeFields> = {};
  switch (field) {
    case 'supply':
      if (c.supply) out.supply = supplyRecord(c.supply, ctx, `${where}.supply`);
      break;
    case 'demand':
      if (c.demand) out.demand = demandRecord(c.demand, ctx, `${where}.demand`);
      break;
    case 'capacity':
      if (c.capacity !== undefined) out.capacity = capacityValue(c.capacity, ctx, `${where}.capacity`);
      break;
    case 'fixedCost':
      if (c.fixedCost !== undefined)
        out.fixedCost = periodValue(c.fixedCost, ctx, `${where}.fixedCost`, { chargeOnce: true });
      break;
    case 'price':
      if (c.price !== undefined) out.price = priceValue(c.price, ctx, `${where}.price`, all);
      break;
    case 'supplyCost':
      if (c.supplyCost !== undefined) out.supplyCost = productValue(c.supplyCost, ctx, `${where}.supplyCost`, all);
      break;
    case 'handlingCost':
      if (c.handlingCost !== undefined)
        out.handlingCost = productValue(c.handlingCost, ctx, `${where}.handlingCost`, all);
      break;
    case 'holdingCost':
      if (c.inventory?.holdingCost !== undefined)
        out.inventory = {
          ...c.inventory,
          holdingCost: productValue(
            c.inventory.holdingCost,
            ctx,
            `${where}.inventory.holdingCost`,
            c.inventory.products,
          ),
        };
      break;
    case 'emission':
    case 'emissionFactor':
      if (c.emission !== undefined) out.emission = productValue(c.emission, ctx, `${where}.emission`, all);
      break;
    default:
      break;
  }
  if (CONVERSION_FIELDS.has(field) && c.conversions)
    out.conversions = conversions(
      c.conversions,
      ctx,
      `${where}.conversions`,
      field === 'emissionFactor' ? 'emission' : field,
    );
  if (c.options) out.options = c.options.map((o, k) => option(o, field, ctx, `${where}.options[${k}] (${o.id})`, all));
  return out;
}

/** Products an arc carries, as the compiler reads them: its list, else a per-product cost's keys, else all. */
export function carriedProducts(a: ArcDoc | ArcRuleDoc, all: readonly string[]): readonly string[] {
  if (a.products) return a.products;
  for (const v of [a.unitCost, a.costPerKm])
    if (v !== undefined && typeof v === 'object' && !Array.isArray(v)) return Object.keys(v);
  return all;
}

/** The keys of an arc or arc rule that `field` changes, with their new values. */
export function changeArcFields<A extends ArcDoc | ArcRuleDoc>(
  a: A,
  field: NetworkField,
  ctx: ValueContext,
  where: string,
  all: readonly string[],
): Partial<A> {
  const out: Partial<ArcDoc & ArcRuleDoc> = {};
  // Converting a plain cost into per-product form must keep the products the arc carries.
  const universe = carriedProducts(a, all);
  const key = (k: 'unitCost' | 'costPerKm' | 'emission' | 'emissionPerKm'): void => {
    const v = a[k];
    if (v !== undefined) out[k] = productValue(v, ctx, `${where}.${k}`, universe);
  };
  if (field === 'unitCost' || field === 'transportCost') key('unitCost');
  if (field === 'costPerKm' || field === 'transportCost') key('costPerKm');
  if (field === 'emission' || field === 'emissionFactor') key('emission');
  if (field === 'emissionPerKm' || field === 'emissionFactor') key('emissionPerKm');
  if (field === 'arcCapacity' && a.capacity !== undefined)
    out.capacity = capacityValue(a.capacity, ctx, `${where}.capacity`);
  return out as Partial<A>;
}

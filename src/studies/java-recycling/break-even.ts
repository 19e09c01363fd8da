import type { Design } from '../../core/design.js';
import { openState } from '../../problems/network/aggregate.js';
import { at, type NetConversion, type NetworkInstance } from '../../problems/network/instance.js';
import { CashFlowError } from './finance.js';

/** Break-even quantities for one period. */
export interface BreakEven {
  /** Product id of the conversion's input (e.g. battery). */
  readonly input: string;
  /** Fixed cost per period the margin must cover (`constantCost` / periods). */
  readonly fixedPerPeriod: number;
  /** Contribution margin per unit of input processed (e.g. IDR per kg battery). */
  readonly marginPerUnit: number;
  /** Input (e.g. kg battery) whose margin equals the fixed cost of a period. */
  readonly inputUnits: number;
  /** Break-even quantity of each priced output: rate x inputUnits (the paper's BEP per metal). */
  readonly byProduct: readonly { readonly product: string; readonly amount: number }[];
}

/** One value of a product's per-period array in period 1 among some nodes: they must agree. */
function single(values: readonly number[], what: string): number | null {
  const distinct = [...new Set(values)];
  if (distinct.length > 1)
    throw new CashFlowError(`no single break-even point: ${what} differs between nodes (${distinct.join(', ')})`);
  return distinct[0] ?? null;
}

/**
 * Break-even point per period of the conversion the open candidates run (battery -> metals and
 * residue in the Java networks): fixed cost per period / contribution margin of one unit of input,
 * margin = Σ_q rate_q x price_q - conversion cost, the price of q being what the nodes that price q
 * pay (in period 1). With `includeWasteTreatment`, each unpriced output also costs its handling
 * cost at the nodes that absorb it (the landfill's W). On java-recycling-option2 the margin is
 * 0.22 x 208,000 + 0.2 x 48,000 + 0.22 x 832,000 - 28,000 = 210,400 IDR per kg battery, the paper's
 * Σ_k conv_k (price_k - rc_k), so the BEP is the paper's Ni 15,996.8, Mn 14,542.5, Co 15,996.8 kg.
 */
export function breakEven(
  inst: NetworkInstance,
  design: Design,
  options: { includeWasteTreatment?: boolean } = {},
): BreakEven {
  const T = inst.periods;
  const { open } = openState(inst, design);
  const convs: NetConversion[] = inst.nodes.filter((n) => n.candidate && open[n.index]).flatMap((n) => n.conversions);
  const key = (c: NetConversion): string =>
    JSON.stringify([c.from, c.cost[0], c.to.map((o) => [o.product, o.rate[0]])]);
  if (convs.length === 0) throw new CashFlowError('no break-even point: the open candidates convert nothing');
  if (new Set(convs.map(key)).size > 1)
    throw new CashFlowError('no single break-even point: the open candidates run different conversions');
  const conv = convs[0]!;
  const priceOf = (p: number): number | null =>
    single(
      inst.nodes.filter((n) => at(n.price, T, p, 0) !== 0).map((n) => at(n.price, T, p, 0)),
      `the price of ${inst.products[p]!.id}`,
    );
  const handlingOf = (p: number): number =>
    single(
      inst.nodes.filter((n) => n.demand.some((d) => d.products.includes(p))).map((n) => at(n.handlingCost, T, p, 0)),
      `the handling cost of ${inst.products[p]!.id}`,
    ) ?? 0;
  let margin = -conv.cost[0]!;
  const byProduct: { product: string; rate: number }[] = [];
  for (const o of conv.to) {
    const price = priceOf(o.product);
    const rate = o.rate[0]!;
    if (price !== null) {
      margin += rate * price;
      byProduct.push({ product: inst.products[o.product]!.id, rate });
    } else if (options.includeWasteTreatment) margin -= rate * handlingOf(o.product);
  }
  if (!(margin > 0))
    throw new CashFlowError(`no break-even point: the margin per unit of ${inst.products[conv.from]!.id} is ${margin}`);
  const fixedPerPeriod = inst.constantCost / T;
  const inputUnits = fixedPerPeriod / margin;
  return {
    input: inst.products[conv.from]!.id,
    fixedPerPeriod,
    marginPerUnit: margin,
    inputUnits,
    byProduct: byProduct.map((b) => ({ product: b.product, amount: b.rate * inputUnits })),
  };
}

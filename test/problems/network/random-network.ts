import fc from 'fast-check';
import type { NetworkDocumentInput } from '../../../src/problems/network/schema.js';

/**
 * Small random networks: sources -> candidate middle nodes -> sinks, 1-3 products, 1-2 periods,
 * conversions at the middle echelon (p0 -> p1 -> p2 chains), optional capacities, stock, technology
 * options, count rules and single sourcing. Small enough to enumerate every design.
 */
export function arbNetwork(): fc.Arbitrary<NetworkDocumentInput> {
  return fc
    .record({
      T: fc.integer({ min: 1, max: 2 }),
      P: fc.integer({ min: 1, max: 3 }),
      sources: fc.array(
        fc.record({
          amount: fc.integer({ min: 5, max: 40 }),
          exact: fc.boolean(),
          cost: fc.integer({ min: 0, max: 5 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      mids: fc.array(
        fc.record({
          fixed: fc.integer({ min: 0, max: 200 }),
          cap: fc.option(fc.integer({ min: 10, max: 60 }), { nil: undefined }),
          rate: fc.double({ min: 0.2, max: 2, noNaN: true }).map((r) => Math.round(r * 100) / 100),
          handling: fc.integer({ min: 0, max: 4 }),
          stock: fc.boolean(),
          options: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      sinks: fc.array(
        fc.record({
          demand: fc.integer({ min: 0, max: 15 }),
          exact: fc.boolean(),
          price: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      costs: fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 24, maxLength: 24 }),
      group: fc.constantFrom('none', 'atMost1', 'atLeast1', 'exactly1'),
      singleSource: fc.boolean(),
      profit: fc.boolean(),
    })
    .map((r) => {
      const products = Array.from({ length: r.P }, (_, i) => `p${i}`);
      const last = products[r.P - 1]!;
      let c = 0;
      const cost = (): number => r.costs[c++ % r.costs.length]!;
      const nodes: NonNullable<NetworkDocumentInput['nodes']> = [];
      const arcs: NonNullable<NetworkDocumentInput['arcs']> = [];
      r.sources.forEach((s, i) =>
        nodes.push({
          id: `S${i}`,
          echelon: 'source',
          supply: { p0: s.exact ? { exactly: s.amount } : s.amount },
          supplyCost: s.cost,
        }),
      );
      r.mids.forEach((m, i) => {
        const conversions =
          r.P > 1 ? products.slice(0, -1).map((p, k) => ({ from: p, to: { [products[k + 1]!]: m.rate } })) : [];
        const stock = r.T > 1 && m.stock ? { inventory: { products: [last], holdingCost: 1 } } : {};
        const opts = m.options
          ? {
              options: [
                { id: 'small', fixedCost: m.fixed, capacity: 20 },
                { id: 'large', fixedCost: m.fixed + 60, capacity: 80 },
              ],
            }
          : { fixedCost: m.fixed, ...(m.cap !== undefined ? { capacity: m.cap } : {}) };
        nodes.push({
          id: `M${i}`,
          echelon: 'mid',
          ...opts,
          handlingCost: m.handling,
          ...(conversions.length ? { conversions } : {}),
          ...stock,
        });
        r.sources.forEach((_, j) => arcs.push({ from: `S${j}`, to: `M${i}`, unitCost: { p0: cost() } }));
      });
      r.sinks.forEach((s, i) => {
        const demand = s.exact ? { [last]: s.demand } : { [last]: { atLeast: s.demand } };
        nodes.push({
          id: `K${i}`,
          echelon: 'sink',
          demand,
          ...(s.price ? { price: { [last]: s.price } } : {}),
          ...(r.singleSource && s.exact ? { singleSource: true } : {}),
        });
        r.mids.forEach((_, j) => arcs.push({ from: `M${j}`, to: `K${i}`, unitCost: { [last]: cost() } }));
      });
      const groups =
        r.group === 'none'
          ? []
          : [
              {
                members: { echelon: 'mid' },
                rule:
                  r.group === 'atMost1'
                    ? ('atMost' as const)
                    : r.group === 'atLeast1'
                      ? ('atLeast' as const)
                      : ('exactly' as const),
                count: 1,
              },
            ];
      const doc: NetworkDocumentInput = {
        problem: 'network',
        name: 'random',
        periods: r.T,
        products,
        nodes,
        arcs,
        ...(groups.length ? { groups } : {}),
        ...(r.profit ? { objective: 'profit' as const } : {}),
      };
      return doc;
    });
}

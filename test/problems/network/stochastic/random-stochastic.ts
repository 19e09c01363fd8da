import fc from 'fast-check';
import type { NetworkDocumentInput } from '../../../../src/problems/network/schema.js';
import { arbNetwork } from '../random-network.js';

/**
 * Small random two-stage networks: a random network (random-network.ts) with 1-3 scenarios that
 * replace each sink's demand by a new exact amount and scale the sources' supply, and with or
 * without an unmet-demand penalty (cheap enough to be used, or not).
 */
export function arbStochasticNetwork(): fc.Arbitrary<NetworkDocumentInput> {
  return fc
    .record({
      doc: arbNetwork(),
      scenarios: fc.array(
        fc.record({
          weight: fc.integer({ min: 1, max: 4 }),
          demand: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 2 }),
          supply: fc.constantFrom(0.5, 1, 1.5),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      penalty: fc.constantFrom(null, 4, 60),
    })
    .map(({ doc, scenarios, penalty }) => {
      const total = scenarios.reduce((t, s) => t + s.weight, 0);
      const sinks = (doc.nodes ?? []).filter((n) => n.echelon === 'sink');
      const products = doc.products as string[];
      const last = products[products.length - 1]!;
      return {
        ...doc,
        scenarios: scenarios.map((s, k) => ({
          id: `s${k + 1}`,
          // Weights over their total: probabilities that sum to 1 up to round-off.
          probability: s.weight / total,
          demand: Object.fromEntries(sinks.map((n, i) => [String(n.id), { [last]: s.demand[i % 2]! }])),
          changes: [{ field: 'supply' as const, select: { echelon: 'source' }, scale: s.supply }],
        })),
        ...(penalty !== null ? { recourse: { unmetDemandPenalty: penalty } } : {}),
      };
    });
}

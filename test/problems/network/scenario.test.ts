import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { parseNetworkDocument } from '../../../src/problems/network/reader.js';
import type { NetworkDocument, NetworkDocumentInput } from '../../../src/problems/network/schema.js';
import {
  applyChanges,
  changeItems,
  ScenarioChangeError,
  type NetworkChange,
} from '../../../src/problems/network/scenario.js';
import { networkGroupSizes, parseGroup } from '../../../src/problems/network/scenario-groups.js';
import { networkScenarioHook } from '../../../src/problems/network/scenario-hook.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const doc = (d: NetworkDocumentInput): NetworkDocument => parseNetworkDocument(d, 'test.json');

/** The contract example: optimum 27022 + 9674 + 11 x (43 + 60) = 37829 by hand. */
const CONTRACT = doc({
  problem: 'network',
  name: 'demo',
  products: ['u'],
  nodes: [
    { id: 'P1', echelon: 'plant', supply: { u: 300 }, fixedCost: 27022, capacity: 300 },
    { id: 'D1', echelon: 'depot', fixedCost: 9674, capacity: 104 },
    { id: 'C1', echelon: 'customer', demand: { u: 11 } },
  ],
  arcs: [
    { from: 'P1', to: 'D1', unitCost: 43 },
    { from: 'D1', to: 'C1', unitCost: { u: 60 } },
  ],
});

/** Two products, two periods, echelon defaults, a same-cluster rule and an unlimited supply. */
const SMALL = doc({
  problem: 'network',
  name: 'small',
  products: ['a', 'b'],
  periods: 2,
  distance: { metric: 'euclidean' },
  echelonDefaults: { hub: { handlingCost: 2, capacity: { a: 50, b: 60 } } },
  nodes: [
    { id: 'S1', echelon: 'source', cluster: 'k1', x: 0, y: 0, supply: { a: 'unlimited', b: { exactly: [10, 12] } } },
    { id: 'S2', echelon: 'source', cluster: 'k2', x: 5, y: 0, supply: { a: 7 } },
    { id: 'H1', echelon: 'hub', cluster: 'k1', x: 1, y: 0, fixedCost: 100 },
    { id: 'H2', echelon: 'hub', cluster: 'k2', x: 4, y: 0, fixedCost: 120, handlingCost: { a: 3, b: 4 } },
    {
      id: 'M',
      echelon: 'market',
      x: 2,
      y: 2,
      demand: { a: { atLeast: 0 }, b: { exactly: [10, 12] } },
      price: { a: 5, b: -1 },
    },
  ],
  arcRules: [{ from: 'source', to: 'hub', sameCluster: true, costPerKm: { a: 1, b: 2 } }],
  arcs: [
    { from: 'H1', to: 'M', unitCost: 3, km: 2, emissionPerKm: 0.5 },
    { from: 'H2', to: 'M', unitCost: 4 },
  ],
  carbonTax: 10,
});

const changed = (d: NetworkDocument, ...c: NetworkChange[]): NetworkDocument => applyChanges(d, c);
const error = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioChangeError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioChangeError');
};

describe('applyChanges', () => {
  it('scales the selected values into a new document and leaves the input as it was', () => {
    const before = structuredClone(SMALL);
    const out = changed(SMALL, { field: 'supply', scale: 2 });
    expect(SMALL).toEqual(before);
    expect(out.nodes[0]!.supply).toEqual({ a: 'unlimited', b: { exactly: [20, 24] } });
    expect(out.nodes[1]!.supply).toEqual({ a: 14 });
  });

  it('keeps an unlimited supply unlimited when scaled, and replaces it when set', () => {
    expect(
      changed(SMALL, { field: 'supply', select: { node: 'S1', product: 'a' }, scale: 3 }).nodes[0]!.supply!.a,
    ).toBe('unlimited');
    expect(
      changed(SMALL, { field: 'supply', select: { node: 'S1', product: 'a' }, set: 40 }).nodes[0]!.supply!.a,
    ).toEqual({ upTo: 40 });
  });

  it('scales both bounds of a demand range and the signed price', () => {
    const out = changed(SMALL, { field: 'demand', scale: 1.5 }, { field: 'price', scale: 2 });
    expect(out.nodes[4]!.demand).toEqual({ a: { atLeast: 0 }, b: { exactly: [15, 18] } });
    expect(out.nodes[4]!.price).toEqual({ a: 10, b: -2 });
  });

  it('changes an echelon default in place for a whole echelon, and copies it into a node selected alone', () => {
    const whole = changed(SMALL, { field: 'handlingCost', select: { echelon: 'hub' }, scale: 2 });
    expect(whole.echelonDefaults!.hub!.handlingCost).toBe(4);
    expect(whole.nodes[2]!.handlingCost).toBeUndefined();
    expect(whole.nodes[3]!.handlingCost).toEqual({ a: 6, b: 8 });
    const one = changed(SMALL, { field: 'capacity', select: { node: 'H1', product: 'b' }, scale: 0.5 });
    expect(one.echelonDefaults!.hub!.capacity).toEqual({ a: 50, b: 60 });
    expect(one.nodes[2]!.capacity).toEqual({ a: 50, b: 30 });
    expect(one.nodes[3]!.capacity).toBeUndefined();
  });

  it('selects arcs by their to-node (echelon) and from-node echelon, rules included', () => {
    const out = changed(SMALL, { field: 'transportCost', select: { from: 'source' }, scale: 2 });
    expect(out.arcRules![0]!.costPerKm).toEqual({ a: 2, b: 4 });
    expect(out.arcs).toEqual(SMALL.arcs);
    const intoMarket = changed(SMALL, { field: 'unitCost', select: { echelon: 'market' }, scale: 10 });
    expect(intoMarket.arcs!.map((a) => a.unitCost)).toEqual([30, 40]);
    expect(intoMarket.arcRules).toEqual(SMALL.arcRules);
  });

  it('refuses a node or cluster selection that would reach only part of a rule', () => {
    expect(error(() => changed(SMALL, { field: 'costPerKm', select: { cluster: 'k1' }, scale: 2 }))).toMatch(
      /arcRules\[0\].*cannot be selected by node or cluster/,
    );
    // Listed arcs can be selected by node.
    expect(changed(SMALL, { field: 'unitCost', select: { node: 'M' }, scale: 2 }).arcs!.map((a) => a.unitCost)).toEqual(
      [6, 8],
    );
  });

  it('writes a plain value per product (over the products it applied to) when a product is selected', () => {
    const out = changed(SMALL, { field: 'handlingCost', select: { echelon: 'hub', product: 'a' }, scale: 2 });
    expect(out.echelonDefaults!.hub!.handlingCost).toEqual({ a: 4, b: 2 });
    expect(out.nodes[2]!.handlingCost).toBeUndefined();
    expect(out.nodes[3]!.handlingCost).toEqual({ a: 6, b: 4 });
    // An arc plain cost keeps the products the arc carries (its list) when written per product.
    const arc = doc({
      ...CONTRACT,
      products: ['u', 'v'],
      arcs: [
        { from: 'P1', to: 'D1', unitCost: 43, products: ['u'] },
        { from: 'D1', to: 'C1', unitCost: { u: 60 } },
      ],
    } as NetworkDocumentInput);
    expect(changed(arc, { field: 'unitCost', select: { product: 'u' }, scale: 2 }).arcs![0]!.unitCost).toEqual({
      u: 86,
    });
    // A total capacity is not a product's: only per-product capacities are reached.
    expect(error(() => changed(CONTRACT, { field: 'capacity', select: { product: 'u' }, scale: 2 }))).toMatch(
      /selects nothing/,
    );
  });

  it('turns a number into one value per period for a period selection, except a one-off fixed cost', () => {
    const out = changed(SMALL, { field: 'supply', select: { node: 'S2', period: 2 }, scale: 2 });
    expect(out.nodes[1]!.supply).toEqual({ a: [7, 14] });
    expect(error(() => changed(SMALL, { field: 'fixedCost', select: { period: 1 }, scale: 2 }))).toMatch(
      /one-off charge/,
    );
    expect(error(() => changed(SMALL, { field: 'supply', select: { period: 3 }, scale: 2 }))).toMatch(/1\.\.2/);
  });

  it('names a change that reaches nothing, an unknown id and a wrong number of per-item factors', () => {
    expect(error(() => changed(SMALL, { field: 'holdingCost', scale: 2 }))).toMatch(
      /^scenario change holdingCost x 2: selects nothing/,
    );
    expect(error(() => changed(SMALL, { field: 'fixedCost', select: { echelon: 'hubs' }, scale: 2 }))).toMatch(
      /select\.echelon: an echelon, got 'hubs' \(did you mean 'hub'\?\)/,
    );
    expect(error(() => changed(SMALL, { field: 'fixedCost', scale: [1, 2, 3] }))).toMatch(
      /2 per-item factors expected/,
    );
    expect(error(() => changed(SMALL, { field: 'fixedCost', select: { product: 'a' }, scale: 2 }))).toMatch(
      /not per product/,
    );
    expect(error(() => changed(SMALL, { field: 'transportCost', set: 1 }))).toMatch(/only be scaled/);
  });

  it('applies per-item factors in the order of changeItems, a node inheriting a default getting its own', () => {
    expect(changeItems(SMALL, { field: 'handlingCost' })).toEqual(['nodes[2] (H1)', 'nodes[3] (H2)']);
    const out = changed(SMALL, { field: 'handlingCost', scale: [10, 0.5] });
    expect(out.nodes[2]!.handlingCost).toBe(20);
    expect(out.nodes[3]!.handlingCost).toEqual({ a: 1.5, b: 2 });
    expect(out.echelonDefaults).toEqual(SMALL.echelonDefaults);
  });

  it('sets and scales the carbon tax', () => {
    expect(changed(SMALL, { field: 'carbonTax', scale: 3 }).carbonTax).toBe(30);
    expect(changed(CONTRACT, { field: 'carbonTax', set: 50 }).carbonTax).toBe(50);
    expect(error(() => changed(CONTRACT, { field: 'carbonTax', scale: 2 }))).toMatch(/no carbonTax/);
  });

  it('rounds scaled supply and demand to whole units under integer flows', () => {
    const int = doc({ ...CONTRACT, integerFlows: true } as NetworkDocumentInput);
    expect(changed(int, { field: 'demand', scale: 1.1 }).nodes[2]!.demand).toEqual({ u: 12 });
    expect(changed(CONTRACT, { field: 'demand', scale: 1.1 }).nodes[2]!.demand!.u).toBeCloseTo(12.1, 12);
  });

  it('scales every compiled arc cost by c (checked on the compiled instance)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (c) => {
        const base = compileNetwork(SMALL, 'small');
        const scaled = compileNetwork(changed(SMALL, { field: 'transportCost', scale: c }), 'small');
        base.arcs.forEach((a, i) => a.cost.forEach((v, k) => expect(scaled.arcs[i]!.cost[k]).toBeCloseTo(v * c, 9)));
      }),
      { numRuns: 25 },
    );
  });

  it('scaling every cost by c scales the optimum by c (contract example, real HiGHS)', async () => {
    const handle = await testHandle();
    const optimum = async (d: NetworkDocument): Promise<number> =>
      (await solve(networkProblem(compileNetwork(d, 'demo')), { handle })).objective!;
    expect(await optimum(CONTRACT)).toBeCloseTo(37829, 6);
    expect(
      await optimum(changed(CONTRACT, { field: 'fixedCost', scale: 2 }, { field: 'unitCost', scale: 2 })),
    ).toBeCloseTo(2 * 37829, 6);
    // Doubling demand to 22 opens the same nodes: 27022 + 9674 + 22 x 103.
    expect(await optimum(changed(CONTRACT, { field: 'demand', scale: 2 }))).toBeCloseTo(36696 + 22 * 103, 6);
  });
});

describe('network scenario groups', () => {
  const files = ['jakarta-rln', 'java-recycling-option2'].map((f) => `${ROOT}instances/network/${f}.json`);

  it('parses qualified group names', () => {
    expect(parseGroup('fixedCost@hub', SMALL)).toEqual({ field: 'fixedCost', select: { echelon: ['hub'] } });
    expect(parseGroup('supply@source@b', SMALL)).toEqual({
      field: 'supply',
      select: { echelon: ['source'], product: ['b'] },
    });
    expect(parseGroup('costPerKm@from:source@cluster:k1', SMALL)).toEqual({
      field: 'costPerKm',
      select: { from: ['source'], cluster: ['k1'] },
    });
    expect(parseGroup('demand@period:2', SMALL)).toEqual({ field: 'demand', select: { period: [2] } });
    expect(() => parseGroup('demand@nowhere', SMALL)).toThrow(/no echelon or product/);
    expect(() => parseGroup('demands', SMALL)).toThrow(/a network field/);
  });

  it('offers exactly the groups that reach something, sized as changeItems counts them, each giving a valid network', () => {
    const docs = [
      SMALL,
      CONTRACT,
      ...files
        .map((f) => networkScenarioHook.read(readFileSync(f, 'utf8'), f, {}) as unknown as { doc: NetworkDocument })
        .map((i) => i.doc),
    ];
    for (const d of docs) {
      const sizes = networkGroupSizes(d);
      expect(Object.keys(sizes).length).toBeGreaterThan(3);
      for (const [group, n] of Object.entries(sizes)) {
        expect(changeItems(d, parseGroup(group, d)), `${d.name} ${group}`).toHaveLength(n);
        // Small instances: every group, scaled, passes the reader's validation and the compiler.
        if (d.nodes.length < 20)
          compileNetwork(parseNetworkDocument(applyChanges(d, [{ ...parseGroup(group, d), scale: 1.5 }]), 'x'), 'x');
      }
    }
    const small = networkGroupSizes(SMALL);
    expect(small['handlingCost@hub']).toBe(2);
    expect(small['costPerKm@from:source']).toBe(1);
    expect(small['costPerKm@cluster:k1']).toBeUndefined();
    expect(small['holdingCost']).toBeUndefined();
    expect(small['supply@period:2']).toBe(2);
    expect(small['fixedCost@period:1']).toBeUndefined();
  });

  it('the hook scales a network into a new compiled instance and leaves the base as read', () => {
    const f = files[0]!;
    const base = networkScenarioHook.read(readFileSync(f, 'utf8'), f, {}) as unknown as { doc: NetworkDocument };
    const before = JSON.stringify(base.doc);
    const sizes = networkScenarioHook.sizes(base as never);
    expect(sizes['supply@dealer']).toBe(254);
    expect(sizes['fixedCost@CC']).toBe(20);
    const scaled = networkScenarioHook.scale(base as never, {
      'fixedCost@CC': Array.from({ length: 20 }, (_, k) => 1 + k / 100),
      carbonTax: 2,
    }) as unknown as { doc: NetworkDocument; carbonTax: number };
    expect(JSON.stringify(base.doc)).toBe(before);
    expect(scaled.carbonTax).toBe(2 * base.doc.carbonTax!);
    const cc = base.doc.nodes.filter((n) => n.echelon === 'CC');
    const ccScaled = scaled.doc.nodes.filter((n) => n.echelon === 'CC');
    cc.forEach((n, k) => expect(ccScaled[k]!.fixedCost).toBeCloseTo((n.fixedCost as number) * (1 + k / 100), 3));
  });
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../../src/core/design.js';
import { InputError } from '../../../src/core/errors.js';
import {
  makeJavaInstance,
  type FixedCostBasis,
  type JavaInstanceData,
} from '../../../src/problems/network/convert/legacy/java-recycling/instance.js';
import { parseJavaJson } from '../../../src/problems/network/convert/legacy/java-recycling/json-reader.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { solve } from '../../../src/solve.js';
import { kasyProfit, kasyViolations, stockMismatch } from './java-paper.js';
import { arbJavaInstance } from './random-java.js';
import { javaToNetwork } from '../../../src/problems/network/convert/from-java-recycling.js';
import { convertText } from '../../../src/problems/network/convert/index.js';
import { NetworkDocumentSchema, type NodeDoc } from '../../../src/problems/network/schema.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

/** A hand-checkable instance: 2 periods, 1 centre, 2 facilities, 2 metals, 1 manufacturer, 1 landfill. */
const tiny = (changes: Partial<JavaInstanceData> = {}) =>
  makeJavaInstance({
    name: 'tiny',
    source: 'tiny.json',
    periods: 2,
    metals: [
      { id: 'Ni', conversion: 0.25, price: 100, recycleCost: 8 },
      { id: 'Co', conversion: 0.5, price: 300, recycleCost: 20 },
    ],
    wasteConversion: 0.25,
    wasteTreatmentCost: 3,
    inventoryCost: 2,
    transportCostPerKgKm: 0.5,
    fixedCost: { amount: 1000, basis: 'network-period' },
    distanceMetric: 'haversine',
    circuity: 1.3,
    centres: [{ id: 'C', lat: -6, lon: 106, area: 'West', supply: [40, 60] }],
    facilities: [
      { id: 'F1', city: 'C', lat: -6, lon: 106, capacity: [50, 50], investmentCost: 7000 },
      { id: 'F2', city: 'X', lat: -7, lon: 110, capacity: [30, 80], investmentCost: 5000 },
    ],
    manufacturers: [
      {
        id: 'M',
        lat: -7.5,
        lon: 110.8,
        demand: [
          [5, 10],
          [10, 20],
        ],
      },
    ],
    landfills: [{ id: 'W', lat: -7.1, lon: 112.4 }],
    ...changes,
  });

const node = (nodes: readonly NodeDoc[], id: string): NodeDoc => {
  const n = nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

describe('javaToNetwork', () => {
  it("writes every site as a node of its echelon, with the paper's terms as network fields", () => {
    const doc = javaToNetwork(tiny());
    expect(NetworkDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.objective).toBe('profit');
    expect(doc.periods).toBe(2);
    expect(doc.nodes.map((n) => `${n.echelon}:${n.id}`)).toEqual([
      'collection:C',
      'recycling:F1',
      'recycling:F2',
      'manufacturer:M',
      'landfill:W',
    ]);
    expect(node(doc.nodes, 'C')).toMatchObject({
      cluster: 'West',
      lat: -6,
      lon: 106,
      supply: { battery: { upTo: [40, 60] } },
    });
    // Recycle cost per kg battery = 0.25 x 8 + 0.5 x 20 = 12 (per kg metal in the bespoke model).
    expect(node(doc.nodes, 'F2')).toMatchObject({
      fixedCost: 5000,
      capacity: [30, 80],
      conversions: [{ from: 'battery', to: { Ni: 0.25, Co: 0.5, residue: 0.25 }, cost: 12 }],
      inventory: { products: ['Ni', 'Co'], initial: 0, holdingCost: 2 },
    });
    expect(node(doc.nodes, 'F1').capacity).toBe(50); // the same in every period: one number
    expect(node(doc.nodes, 'M')).toEqual({
      id: 'M',
      echelon: 'manufacturer',
      lat: -7.5,
      lon: 110.8,
      demand: { Ni: { exactly: [5, 10] }, Co: { exactly: [10, 20] } },
      price: { Ni: 100, Co: 300 },
    });
    expect(node(doc.nodes, 'W')).toMatchObject({ demand: { residue: { atLeast: 0 } }, handlingCost: { residue: 3 } });
    expect(doc.distance).toEqual({ metric: 'haversine', circuity: 1.3 });
    expect(doc.arcRules).toEqual([
      { from: 'collection', to: 'recycling', costPerKm: 0.5, products: ['battery'] },
      { from: 'recycling', to: 'manufacturer', costPerKm: 0.5, products: ['Ni', 'Co'] },
      { from: 'recycling', to: 'landfill', costPerKm: 0.5, products: ['residue'] },
    ]);
  });

  it.each<[FixedCostBasis, number | undefined, number]>([
    // network-period: FC x T design-independent; facility-period: FC x T per facility; facility: FC once.
    ['network-period', 2000, 5000],
    ['facility-period', undefined, 7000],
    ['facility', undefined, 6000],
  ])('fixed cost basis %s: constantCost %s, F2 fixedCost %s', (basis, constant, f2) => {
    const doc = javaToNetwork(tiny({ fixedCost: { amount: 1000, basis } }));
    expect(doc.constantCost).toBe(constant);
    expect(node(doc.nodes, 'F2').fixedCost).toBe(f2);
  });

  it('keeps a manufacturer capacity K_mt as a total capacity on inflow', () => {
    const doc = javaToNetwork(
      tiny({
        manufacturers: [
          {
            id: 'M',
            lat: -7.5,
            lon: 110.8,
            demand: [
              [5, 10],
              [10, 20],
            ],
            capacity: [40, 45],
          },
        ],
      }),
    );
    expect(node(doc.nodes, 'M').capacity).toEqual([40, 45]);
  });

  it('euclidean distances use x = lon, y = lat, as the bespoke code measures them', () => {
    const doc = javaToNetwork(tiny({ distanceMetric: 'euclidean' }));
    expect(node(doc.nodes, 'F2')).toMatchObject({ x: 110, y: -7 });
    expect(node(doc.nodes, 'F2').lat).toBeUndefined();
    expect(doc.distance).toEqual({ metric: 'euclidean', circuity: 1.3 });
  });

  it('rejects an id used by two kinds of site (one node list in a network)', () => {
    const inst = tiny({ landfills: [{ id: 'C', lat: -7.1, lon: 112.4 }] });
    expect(() => javaToNetwork(inst)).toThrow(InputError);
    expect(() => javaToNetwork(inst)).toThrow(/landfills\[0\]\.id.*'C' is also in collectionCentres/);
  });

  it('does not change the instance', () => {
    const inst = tiny();
    const before = JSON.stringify(inst);
    javaToNetwork(inst);
    expect(JSON.stringify(inst)).toBe(before);
  });

  it.each(['1', '2'])(
    'instances/network/java-recycling-option%s.json is what rlnd convert writes from the bespoke file',
    (n) => {
      const src = `instances/java-recycling/java-option${n}.json`;
      const out = `instances/network/java-recycling-option${n}.json`;
      const data = JSON.parse(readFileSync(`${ROOT}${src}`, 'utf8')) as { provenance: Record<string, unknown> };
      const expected = convertText(readFileSync(`${ROOT}${src}`, 'utf8'), src);
      expect(expected).toEqual(javaToNetwork(parseJavaJson(data, src), { provenance: data.provenance }));
      const committed = NetworkDocumentSchema.parse(JSON.parse(readFileSync(`${ROOT}${out}`, 'utf8')));
      const { converted, ...provenance } = committed.provenance as Record<string, unknown>;
      expect(converted).toBe(`written by \`rlnd convert ${src} --out ${out}\``);
      expect({ ...committed, provenance }).toEqual(expected);
      // The source's provenance is kept whole beside the conversion notes.
      expect(provenance).toMatchObject(data.provenance);
    },
  );
});

describe('javaToNetwork on small random instances (every fixed-cost basis, with and without K_mt)', () => {
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

  it("every design's network flows satisfy the paper's constraints (2)-(17) and cost minus its profit (1); the MILP is the best design", async () => {
    const handle = await testHandle();
    let feasible = 0;
    let infeasible = 0;
    await fc.assert(
      fc.asyncProperty(arbJavaInstance(), async (inst) => {
        const net = networkProblem(compileNetwork(javaToNetwork(inst), 'random.json'));
        // The same candidates in the same order: design bits map one to one.
        expect(net.space.labels).toEqual(inst.facilities.map((f) => f.id));
        const R = inst.facilities.length;
        let best = Infinity;
        for (let mask = 1; mask < 1 << R; mask++) {
          const design = designFrom(
            R,
            [...Array(R).keys()].filter((r) => mask & (1 << r)),
          );
          const ev = await net.evaluate(handle, design);
          if (!ev.feasible) {
            infeasible++;
            continue;
          }
          feasible++;
          const open = [...design].map((b) => b === 1);
          const flows = ev.flows as NetworkFlows;
          expect(kasyViolations(inst, open, flows)).toEqual([]);
          expect(stockMismatch(inst, flows)).toEqual([]);
          expect(close(ev.cost, -kasyProfit(inst, open, flows))).toBe(true);
          best = Math.min(best, ev.cost);
        }
        const res = await solve(net, { handle });
        if (best === Infinity) expect(res.status).toBe('infeasible');
        else {
          expect(res.status).toBe('optimal');
          expect(close(res.objective!, best)).toBe(true);
          expect(
            close(
              res.objective!,
              -kasyProfit(
                inst,
                inst.facilities.map((f) => res.open.includes(f.id)),
                res.flows as NetworkFlows,
              ),
            ),
          ).toBe(true);
        }
      }),
      { numRuns: 20, seed: 14 },
    );
    // Both kinds of design occurred: the property was exercised, not vacuously true.
    expect(feasible).toBeGreaterThan(10);
    expect(infeasible).toBeGreaterThan(0);
  });
});

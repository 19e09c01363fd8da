import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateIlJson } from '../../../src/problems/network/convert/legacy/inventory-location/generator.js';
import { param, type IlInstance } from '../../../src/problems/network/convert/legacy/inventory-location/instance.js';
import { parseIlJson } from '../../../src/problems/network/convert/legacy/inventory-location/json-reader.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { ilToNetwork } from '../../../src/problems/network/convert/from-inventory-location.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { convertText } from '../../../src/problems/network/convert/index.js';
import {
  NetworkDocumentSchema,
  type ArcDoc,
  type NetworkDocument,
  type NodeDoc,
  type ProductValueDoc,
} from '../../../src/problems/network/schema.js';
import { verifyByEnumeration } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { phanConstraints, phanCost, phanCounts, phanVariables } from './il-paper.js';

const SRC = 'instances/inventory-location/paper-shape.json';
const DATA = JSON.parse(readFileSync(`${ROOT}${SRC}`, 'utf8')) as { provenance: unknown };
const INST = parseIlJson(DATA, SRC);

/** A product value read as the network semantics say: a number for every product and period, or per product. */
const valueAt = (v: ProductValueDoc | undefined, product: string, t: number): number => {
  if (v === undefined) return 0;
  const pv = typeof v === 'number' || Array.isArray(v) ? v : v[product];
  if (pv === undefined) return 0;
  return typeof pv === 'number' ? pv : pv[t]!;
};

/**
 * The objective coefficient of each bespoke column, recomputed from the network document alone by
 * the semantics of docs/network.md (arc unit cost + carbon tax x (arc emission + the receiving
 * option's emission per unit of throughput); conversion emission x tax per unit processed; average
 * holding: h on stock at t < T and h/2 at T; option fixed costs). Keyed by the bespoke column names.
 */
function networkCoefficients(inst: IlInstance, doc: NetworkDocument): Map<string, number> {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const tax = doc.carbonTax ?? 0;
  const ids = inst.ids;
  const nodeOf = (id: string): NodeDoc => doc.nodes.find((n) => n.id === id)!;
  const arcOf = (from: string, to: string): ArcDoc => doc.arcs!.find((a) => a.from === from && a.to === to)!;
  const option = (n: NodeDoc, k: number) => n.options!.find((o) => o.id === ids.K[k])!;
  // Average holding charges h (Inv_{t-1} + Inv_t) / 2 per period with Inv_0 constant: h on Inv_t, t < T, h/2 on Inv_T.
  const share = (t: number): number => (doc.holding === 'average' && t === T - 1 ? 0.5 : 1);
  const hold = (n: NodeDoc, product: string, t: number): number =>
    valueAt(n.inventory!.holdingCost, product, t) * share(t);
  const out = new Map<string, number>();
  const name = (v: string, ...idx: number[]): string => `${v}_${idx.map((x) => x + 1).join('_')}`;
  const rng = (n: number): number[] => [...Array(n).keys()];
  for (const r of rng(R))
    for (const k of rng(K)) out.set(name('x', r, k), option(nodeOf(ids.R[r]!), k).fixedCost as number);
  for (const u of rng(U))
    for (const k of rng(K)) out.set(name('y', u, k), option(nodeOf(ids.U[u]!), k).fixedCost as number);
  for (const p of rng(P))
    for (const k of rng(K))
      for (const t of rng(T)) {
        const bat = `battery_${ids.P[p]}_${ids.K[k]}`;
        const unr = `unrepaired_${ids.P[p]}_${ids.K[k]}`;
        for (const i of rng(I))
          for (const r of rng(R)) {
            const a = arcOf(ids.I[i]!, ids.R[r]!);
            const opt = option(nodeOf(ids.R[r]!), k);
            out.set(
              name('QI', p, k, i, r, t),
              valueAt(a.unitCost, bat, t) + tax * (valueAt(a.emission, bat, t) + valueAt(opt.emission, bat, t)),
            );
          }
        for (const r of rng(R)) {
          for (const u of rng(U)) {
            const a = arcOf(ids.R[r]!, ids.U[u]!);
            out.set(name('QR', p, k, r, u, t), valueAt(a.unitCost, unr, t) + tax * valueAt(a.emission, unr, t));
          }
          out.set(name('IR', p, k, r, t), hold(nodeOf(ids.R[r]!), unr, t));
        }
        for (const u of rng(U)) {
          const n = nodeOf(ids.U[u]!);
          const conv = n.conversions!.find((c) => c.from === unr)!;
          out.set(name('CU', p, k, u, t), valueAt(conv.cost, unr, t) + tax * (conv.emission ?? 0));
          out.set(name('IpU', p, k, u, t), hold(n, unr, t));
        }
      }
  for (const o of rng(O))
    for (const k of rng(K))
      for (const t of rng(T)) {
        const comp = `component_${ids.O[o]}_${ids.K[k]}`;
        for (const u of rng(U)) {
          for (const m of rng(M)) {
            const a = arcOf(ids.U[u]!, ids.M[m]!);
            out.set(name('QU', o, k, u, m, t), valueAt(a.unitCost, comp, t) + tax * valueAt(a.emission, comp, t));
          }
          out.set(name('IoU', o, k, u, t), hold(nodeOf(ids.U[u]!), comp, t));
        }
      }
  return out;
}

/**
 * The coefficient of each of the paper's variables in MinC = O + I + F + V + E, from its formula
 * (il-paper.ts reads the terms the same way): QI pays VC (1 - CR) + EP + ER (1 - CR), QR FoR + VR + EP,
 * QU FoU + VU + EO, CU EU; a stock at t pays h/2 in t and h/2 in t + 1 (average holding), so h
 * before the last period and h/2 in it; x and y their opening costs. Named as `QI_p_k_i_r_t` (1-based).
 */
function paperCoefficients(inst: IlInstance): Map<string, number> {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const out = new Map<string, number>();
  const name = (v: string, ...idx: number[]): string => `${v}_${idx.map((x) => x + 1).join('_')}`;
  const rng = (n: number): number[] => [...Array(n).keys()];
  const share = (t: number): number => (t === T - 1 ? 0.5 : 1);
  for (const k of rng(K)) {
    for (const r of rng(R)) out.set(name('x', r, k), param(inst, 'FR', r, k));
    for (const u of rng(U)) out.set(name('y', u, k), param(inst, 'FU', u, k));
  }
  for (const p of rng(P))
    for (const k of rng(K))
      for (const t of rng(T)) {
        for (const r of rng(R)) {
          const keep = 1 - param(inst, 'CR', p, k, r, t);
          for (const i of rng(I))
            out.set(
              name('QI', p, k, i, r, t),
              param(inst, 'VC', p, i, r) * keep + param(inst, 'EP', p) + param(inst, 'ER', p, k, r) * keep,
            );
          for (const u of rng(U))
            out.set(
              name('QR', p, k, r, u, t),
              param(inst, 'FoR', p, r) + param(inst, 'VR', p, r, u) + param(inst, 'EP', p),
            );
          out.set(name('IR', p, k, r, t), param(inst, 'IVR', p, r) * share(t));
        }
        for (const u of rng(U)) {
          out.set(name('CU', p, k, u, t), param(inst, 'EU', p, k, u));
          out.set(name('IpU', p, k, u, t), param(inst, 'IpV', p, u) * share(t));
        }
      }
  for (const o of rng(O))
    for (const k of rng(K))
      for (const t of rng(T))
        for (const u of rng(U)) {
          for (const m of rng(M))
            out.set(
              name('QU', o, k, u, m, t),
              param(inst, 'FoU', o, u) + param(inst, 'VU', o, u, m) + param(inst, 'EO', o),
            );
          out.set(name('IoU', o, k, u, t), param(inst, 'IoV', o, u) * share(t));
        }
  return out;
}

const closeMaps = (a: Map<string, number>, b: Map<string, number>): void => {
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [k, v] of a) {
    if (Math.abs(v - b.get(k)!) > 1e-9 * Math.max(1, Math.abs(v))) expect({ [k]: b.get(k) }).toEqual({ [k]: v });
  }
};

describe('ilToNetwork', () => {
  const doc = ilToNetwork(INST);

  it("writes a valid network with the paper's options and formulation choices", () => {
    expect(NetworkDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.objective).toBe('cost');
    expect(doc.integerFlows).toBe(true);
    expect(doc.holding).toBe('average');
    expect(doc.formulation).toEqual({ strongLinking: false, availabilityRows: true, arcCapacityRows: true });
    expect(doc.nodes.map((n) => n.id)).toEqual(['C1', 'C2', 'R1', 'R2', 'U1', 'U2', 'M1', 'M2']);
    // 4 battery, 4 unrepaired and 4 component products (p or o, times k); 8 options = the 8 binaries.
    expect(doc.products).toHaveLength(12);
    expect(doc.nodes.flatMap((n) => (n.options ?? []).map((o) => `${n.id}:${o.id}`))).toEqual([
      'R1:low',
      'R1:high',
      'R2:low',
      'R2:high',
      'U1:low',
      'U1:high',
      'U2:low',
      'U2:high',
    ]);
    expect(doc.productGroups).toEqual({
      components_low: ['component_o1_low', 'component_o2_low'],
      components_high: ['component_o1_high', 'component_o2_high'],
    });
    expect(doc.arcs).toHaveLength(4 + 4 + 4);
  });

  it("carries the paper's data into the network fields (spot checks by hand on paper-shape.json)", () => {
    const arc = doc.arcs!.find((a) => a.from === 'C2' && a.to === 'R1')!;
    // S is [P][K][I][R][T]: S[p1][low][C2][R1] = [11, 41, 11].
    expect(arc.capacity).toMatchObject({ battery_p1_low: [11, 41, 11] });
    // VC[p1][C2][R1] = 6, CR[p1][low][R1] = [0.2, 0.2, 0.25]: unit cost 6 x (1 - CR).
    expect(arc.unitCost).toMatchObject({ battery_p1_low: [4.8, 4.8, 4.5] });
    expect(arc.emission).toMatchObject({ battery_p1_low: 1.5, battery_p2_low: 2 }); // EP
    const u2 = doc.nodes.find((n) => n.id === 'U2')!;
    const high = u2.options!.find((o) => o.id === 'high')!;
    // A[p2][high] = [4, 2], EU[p2][high][U2] = 1, FU[U2][high] = 11000.
    expect(high.fixedCost).toBe(11000);
    expect(u2.conversions!.find((c) => c.from === 'unrepaired_p2_high')).toEqual({
      from: 'unrepaired_p2_high',
      to: { component_o1_high: 4, component_o2_high: 2 },
      emission: 1,
    });
    const m2 = doc.nodes.find((n) => n.id === 'M2')!;
    // (14): Σ_o DM[o][low][M2][t] = [20, 14, 8] + [9, 11, 13].
    expect(m2.demand).toMatchObject({ components_low: { atLeast: [29, 25, 21] } });
  });

  it("every objective coefficient of the paper's MinC is reproduced by the network fields", () => {
    closeMaps(paperCoefficients(INST), networkCoefficients(INST, doc));
  });

  it('the same holds on random generated instances of other shapes', () => {
    fc.assert(
      fc.property(
        fc.record({
          I: fc.integer({ min: 1, max: 3 }),
          R: fc.integer({ min: 1, max: 2 }),
          U: fc.integer({ min: 1, max: 2 }),
          M: fc.integer({ min: 1, max: 2 }),
          K: fc.integer({ min: 1, max: 3 }),
          P: fc.integer({ min: 1, max: 2 }),
          O: fc.integer({ min: 1, max: 3 }),
          T: fc.integer({ min: 1, max: 4 }),
        }),
        fc.integer({ min: 0, max: 1e6 }),
        (s, seed) => {
          const inst = parseIlJson(generateIlJson(s, seed, 'random'), 'random.json');
          const net = ilToNetwork(inst);
          NetworkDocumentSchema.parse(net);
          closeMaps(paperCoefficients(inst), networkCoefficients(inst, net));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a bigM and relaxed flows carry over', () => {
    const relaxed = parseIlJson({ ...DATA, bigM: 5000 }, SRC, { relax: true });
    const net = ilToNetwork(relaxed);
    expect(net.integerFlows).toBe(false);
    expect(net.formulation?.bigM).toBe(5000);
  });

  it('instances/network/inventory-location-paper-shape.json is what rlnd convert writes from the bespoke file', () => {
    const out = 'instances/network/inventory-location-paper-shape.json';
    const expected = convertText(readFileSync(`${ROOT}${SRC}`, 'utf8'), SRC);
    expect(expected).toEqual(ilToNetwork(INST, { provenance: DATA.provenance }));
    const committed = NetworkDocumentSchema.parse(JSON.parse(readFileSync(`${ROOT}${out}`, 'utf8')));
    const { converted, ...provenance } = committed.provenance as Record<string, unknown>;
    expect(converted).toBe(`written by \`rlnd convert ${SRC} --out ${out}\``);
    expect({ ...committed, provenance }).toEqual(expected);
    expect(provenance).toMatchObject(DATA.provenance as Record<string, unknown>);
  });
});

describe("ilToNetwork on random generated shapes: the network MILP is the paper's model", () => {
  const shape = (max: number) =>
    fc.record({
      I: fc.integer({ min: 1, max }),
      R: fc.integer({ min: 1, max: 2 }),
      U: fc.integer({ min: 1, max: 2 }),
      M: fc.integer({ min: 1, max: 2 }),
      K: fc.integer({ min: 1, max: 3 }),
      P: fc.integer({ min: 1, max: 2 }),
      O: fc.integer({ min: 1, max: 2 }),
      T: fc.integer({ min: 1, max: 3 }),
    });
  const size = (m: { colNames: readonly string[]; colType: readonly string[]; rowNames: readonly string[] }) => ({
    variables: m.colNames.length,
    binary: m.colType.filter((t) => t === 'binary').length,
    integer: m.colType.filter((t) => t === 'integer').length,
    constraints: m.rowNames.length,
  });

  it("the paper's variable, binary, integer and constraint counts for the shape's index sets", () => {
    fc.assert(
      fc.property(shape(3), fc.integer({ min: 0, max: 1e6 }), (s, seed) => {
        const inst = parseIlJson(generateIlJson(s, seed, 'random'), 'random.json');
        const net = networkProblem(compileNetwork(ilToNetwork(inst), 'random.json')).buildMilp().model;
        expect(size(net)).toEqual(phanCounts(inst));
      }),
      { numRuns: 40 },
    );
  });

  it("MILP optimum = enumeration of designs; its flows satisfy the paper's constraints and cost the paper's MinC", async () => {
    const handle = await testHandle();
    let optimal = 0;
    await fc.assert(
      fc.asyncProperty(shape(2), fc.integer({ min: 0, max: 1e6 }), async (s, seed) => {
        // Every technology has demand, so a feasible design needs a repair and a recycling centre per technology.
        const inst = parseIlJson(
          generateIlJson({ ...s, K: 2, R: 2, U: 2, T: Math.min(s.T, 2), M: 1 }, seed, 'random'),
          'random.json',
        );
        const v = await verifyByEnumeration(networkProblem(compileNetwork(ilToNetwork(inst), 'random.json')), handle);
        expect(v.agree).toBe(true);
        if (v.milp.status !== 'optimal') return;
        optimal++;
        const q = phanVariables(inst, v.milp.open, v.milp.flows!);
        expect(phanConstraints(inst, q).violations).toEqual([]);
        const c = phanCost(inst, q);
        expect(Math.abs(c.O + c.I + c.F + c.V + c.E - v.milp.objective!)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, v.milp.objective!),
        );
      }),
      { numRuns: 8, seed: 6 },
    );
    expect(optimal).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupDecomposition } from '../../../src/problems/network/accelerators/group-decomposition.js';
import { groupStructure } from '../../../src/problems/network/accelerators/group-structure.js';
import {
  ccsOf,
  QUALITIES,
  type JakartaInstance,
} from '../../../src/problems/network/convert/legacy/jakarta/instance.js';
import { parseJakartaJson } from '../../../src/problems/network/convert/legacy/jakarta/json-reader.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { convertText } from '../../../src/problems/network/convert/index.js';
import { cellId, jakartaToNetwork, packId, wasteId } from '../../../src/problems/network/convert/from-jakarta.js';
import { at, type NetworkInstance } from '../../../src/problems/network/instance.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromText, parseNetworkDocument } from '../../../src/problems/network/reader.js';
import type { NetworkDocument } from '../../../src/problems/network/schema.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { cellUnit, packUnit, wasteUnit } from './jakarta-unit-costs.js';
import { arbJakarta } from './jakarta-random-instance.js';

const JAKARTA = `${ROOT}instances/jakarta-rln/jakarta.json`;
const jakartaText = readFileSync(JAKARTA, 'utf8');
const jakarta = (): JakartaInstance => parseJakartaJson(JSON.parse(jakartaText), JAKARTA);
const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

/** The converted document as the network reader sees it (zod-validated), compiled. */
function compiled(doc: NetworkDocument): NetworkInstance {
  return compileNetwork(parseNetworkDocument(JSON.parse(JSON.stringify(doc)), 'converted'), 'converted');
}

/**
 * Checks the compiled network's coefficients against the bespoke unit costs (unit-costs.ts), an
 * independent account of the same paper: every bespoke arc exists once with the transport cost and
 * emission of each product, dealers are charged the acquisition, CCs / RMCs / WDCs the processing.
 */
function expectSameCoefficients(inst: JakartaInstance, net: NetworkInstance): void {
  const T = net.periods;
  expect(T).toBe(1);
  const node = (id: string) => net.nodes[net.nodeIndex.get(id)!]!;
  const product = (id: string) => net.productIndex.get(id)!;
  const arcsByPair = new Map(net.arcs.map((a) => [`${net.nodes[a.from]!.id}>${net.nodes[a.to]!.id}`, a]));
  const close = (a: number, b: number) => expect(relDiff(a, b)).toBeLessThanOrEqual(1e-12);
  const arcCarries = (from: string, to: string, pid: string, transport: number, emission: number) => {
    const arc = arcsByPair.get(`${from}>${to}`);
    expect(arc, `${from} -> ${to}`).toBeDefined();
    const k = arc!.products.indexOf(product(pid));
    expect(k, `${from} -> ${to} carries ${pid}`).toBeGreaterThanOrEqual(0);
    close(arc!.cost[k * T]!, transport);
    close(arc!.emission[k * T]!, emission);
  };
  let expectedArcs = 0;
  inst.types.forEach((t, b) => {
    inst.dealers.forEach((d, di) => {
      const dealer = node(d.id);
      for (const i of ccsOf(inst, d.cluster)) {
        const u = packUnit(inst, di, i, b);
        arcCarries(d.id, inst.ccs[i]!.id, packId(t.id), u.transport, u.emissionTransport);
        if (d.packs[b]! > 0) close(at(dealer.supplyCost, T, product(packId(t.id)), 0), u.acquisition);
        const cc = node(inst.ccs[i]!.id);
        close(at(cc.handlingCost, T, product(packId(t.id)), 0), u.processing);
        close(at(cc.emission, T, product(packId(t.id)), 0), u.emissionProcessing);
        if (b === 0) expectedArcs++;
      }
      if (d.packs[b]! > 0) expect(dealer.supply.get(product(packId(t.id)))!.lower[0]).toBe(d.packs[b]);
    });
    inst.ccs.forEach((c, i) => {
      const conv = node(c.id).conversions.find((x) => x.from === product(packId(t.id)))!;
      QUALITIES.forEach((q, qu) => {
        const rate = conv.to.find((o) => o.product === product(cellId(t.id, q)))!.rate[0]!;
        close(rate, inst.alpha[c.cluster]![b]![qu]! * t.cellsPerPack);
        const dests = qu === 2 ? inst.wdcs : inst.rmcs;
        dests.forEach((dst, j) => {
          const u = cellUnit(inst, i, qu as 0 | 1 | 2, j, b);
          arcCarries(c.id, dst.id, cellId(t.id, q), u.transport, u.emissionTransport);
          const site = node(dst.id);
          close(at(site.handlingCost, T, product(cellId(t.id, q)), 0), u.processing);
          close(at(site.emission, T, product(cellId(t.id, q)), 0), u.emissionProcessing);
        });
      });
    });
    inst.rmcs.forEach((r, j) => {
      for (const q of ['L1', 'L2'] as const) {
        const conv = node(r.id).conversions.find((x) => x.from === product(cellId(t.id, q)))!;
        close(conv.to.find((o) => o.product === product(wasteId(t.id)))!.rate[0]!, inst.wasteRatio * t.cellMassKg);
      }
      inst.wdcs.forEach((w, k) => {
        const u = wasteUnit(inst, j, k, b);
        arcCarries(r.id, w.id, wasteId(t.id), u.transport, u.emissionTransport);
      });
    });
  });
  expectedArcs += inst.ccs.length * (inst.rmcs.length + inst.wdcs.length) + inst.rmcs.length * inst.wdcs.length;
  expect(net.arcs.length).toBe(expectedArcs);
  expect(net.carbonTax).toBe(inst.carbonTax);
}

describe('jakarta-rln -> network (structure)', () => {
  it('writes the bundled instance with arc rules over coordinates, the bespoke echelons, groups and provenance', () => {
    const doc = convertText(jakartaText, JAKARTA);
    const inst = jakarta();
    expect(doc.problem).toBe('network');
    expect(doc.arcs).toBeUndefined();
    expect(doc.arcRules).toHaveLength(4);
    expect(doc.distance).toEqual({ metric: 'haversine', circuity: 1.3 });
    expect(doc.nodes.filter((n) => n.echelon === 'dealer')).toHaveLength(inst.dealers.length);
    expect(doc.nodes.filter((n) => n.echelon === 'CC' && n.fixedCost !== undefined)).toHaveLength(inst.ccs.length);
    expect(doc.groups).toEqual([
      { name: 'one CC per cluster', members: { echelon: 'CC' }, perCluster: true, rule: 'exactly', count: 1 },
      { name: 'one RMC', members: { echelon: 'RMC' }, rule: 'exactly', count: 1 },
      { name: 'one WDC', members: { echelon: 'WDC' }, rule: 'exactly', count: 1 },
    ]);
    const source = JSON.parse(jakartaText).provenance as Record<string, unknown>;
    const prov = doc.provenance as Record<string, unknown>;
    for (const [k, v] of Object.entries(source)) expect(prov[k]).toEqual(v);
    expect(String(prov.conversion)).toMatch(/rlnd convert/);
  });

  it('compiles to the coefficients of the bespoke model (rule arcs)', () => {
    const inst = jakarta();
    expectSameCoefficients(inst, compiled(convertText(jakartaText, JAKARTA)));
  });

  it('lists arcs with km when there is no distance rule, or the rule does not give the distances', () => {
    const inst = jakarta();
    const listed = jakartaToNetwork(inst);
    expect(listed.arcRules).toBeUndefined();
    expect(listed.distance).toBeUndefined();
    expectSameCoefficients(inst, compiled(listed));
    // A wrong circuity does not reproduce the instance's km: the converter falls back to listed arcs.
    const wrong = jakartaToNetwork(inst, { distance: { metric: 'haversine', circuity: 1.4 } });
    expect(wrong.arcRules).toBeUndefined();
    expect(wrong.arcs).toHaveLength(listed.arcs!.length);
  });

  it('random instances (cluster-specific quality shares, planar km): same coefficients', () => {
    fc.assert(
      fc.property(arbJakarta(), (inst) => {
        const doc = jakartaToNetwork(inst);
        const uniform = inst.alpha.every((a) => JSON.stringify(a) === JSON.stringify(inst.alpha[0]));
        // Shares that differ by cluster are written per node, not as echelon defaults.
        expect(doc.echelonDefaults?.dealer?.supplyCost !== undefined).toBe(uniform && inst.dealers.length > 0);
        expectSameCoefficients(inst, compiled(doc));
      }),
      { numRuns: 40 },
    );
  });
});

describe('jakarta-rln -> network (optimum)', () => {
  it('instances/network/jakarta-rln.json: MILP optimum 1,165,562,862,493.75 and the open set of the retired bespoke model', async () => {
    const handle = await testHandle();
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const net = await solve(networkProblem(networkFromText(readFileSync(file, 'utf8'), file)), { handle });
    expect(net.status).toBe('optimal');
    expect(relDiff(net.objective!, 1_165_562_862_493.75)).toBeLessThanOrEqual(1e-9);
    expect([...net.open].sort()).toEqual(['CCA-1', 'CCH-2', 'CCK-3', 'CCM-4', 'CCR-5', 'RMC-1', 'WDC-1']);
  });

  it('the committed network file is what rlnd convert writes today (only the command line is added)', () => {
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    delete committed.provenance.converted;
    expect(committed).toEqual(
      JSON.parse(JSON.stringify(convertText(jakartaText, 'instances/jakarta-rln/jakarta.json'))),
    );
  });

  it('random instances: the network MILP optimum equals the exact group decomposition (the retired bespoke bound, by structure)', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbJakarta(), async (inst) => {
        const net = compiled(jakartaToNetwork(inst));
        const structure = groupStructure(net);
        if (typeof structure === 'string') throw new Error(structure);
        const milp = await solve(networkProblem(net), { handle });
        expect(milp.status).toBe('optimal');
        expect(relDiff(milp.objective!, groupDecomposition(net, structure)!.lowerBound)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 25 },
    );
  });
});

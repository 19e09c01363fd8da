import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/core/design.js';
import type { Problem } from '../../../src/core/problem.js';
import { convertText } from '../../../src/problems/network/convert/index.js';
import { dealerCcKm } from '../../../src/problems/network/convert/legacy/jakarta/instance.js';
import { parseJakartaJson } from '../../../src/problems/network/convert/legacy/jakarta/json-reader.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { errorOf } from '../../helpers/errors.js';

/**
 * A network small enough to price by hand (planar distances, circuity 1): dealer D1 (4 packs of
 * T: 2 cells of 1 kg each) at (0,0); CC A at (3,0) and B at (10,0); RMC R at (7,0); WDC W at (3,4).
 */
const tiny = () => ({
  problem: 'jakarta-rln',
  name: 'tiny',
  batteryTypes: [{ id: 'T', cellsPerPack: 2, cellMassKg: 1 }],
  qualityShares: { T: { L1: 0.5, L2: 0.25, L3: 0.25 } },
  wasteRatio: 0.5,
  carbonTaxPerKg: 1,
  distance: { metric: 'euclidean', circuity: 1 },
  clusters: [{ id: 'k1' }] as Record<string, unknown>[],
  ccCandidates: [
    { id: 'A', cluster: 'k1', lat: 3, lon: 0, fixedCost: 100 },
    { id: 'B', cluster: 'k1', lat: 10, lon: 0, fixedCost: 50 },
  ] as Record<string, unknown>[],
  rmcCandidates: [{ id: 'R', lat: 7, lon: 0, fixedCost: 20 }],
  wdcCandidates: [{ id: 'W', lat: 3, lon: 4, fixedCost: 30 }],
  dealers: [{ id: 'D1', cluster: 'k1', lat: 0, lon: 0, packs: { T: 4 } }] as Record<string, unknown>[],
  costs: {
    acquisitionPerPack: { T: { L1: 10, L2: 4, L3: 0 } },
    processing: { ccPerPack: { T: 1 }, rmcL1PerCell: { T: 2 }, rmcL2PerCell: { T: 1 }, wdcL3PerCell: { T: 3 } },
    transport: { perPackKm: { T: 1 }, perCellKm: { T: 0.5 }, wastePerKgKm: { T: 2 } } as Record<
      string,
      Record<string, number>
    >,
  },
  emissions: {
    processing: { ccPerPack: { T: 0.5 }, rmcL1PerCell: { T: 0 }, rmcL2PerCell: { T: 0 }, wdcL3PerCell: { T: 0 } },
    transport: { perPackKm: { T: 0.1 }, perCellKm: { T: 0 }, wastePerKgKm: { T: 0 } },
  },
});

/** The jakarta-rln file as `rlnd convert` writes it, read as a network problem. */
const converted = (data: unknown): Problem =>
  networkProblem(
    networkFromData(JSON.parse(JSON.stringify(convertText(JSON.stringify(data), 'tiny.json'))), 'tiny.json'),
  );
const designOf = (p: Problem, ids: readonly string[]): Design =>
  Uint8Array.from(p.space.labels, (l) => (ids.includes(l) ? 1 : 0));

describe('jakarta-rln JSON reader (rlnd convert) and hand-priced fixture', () => {
  it('the converted tiny network prices both designs as computed by hand; the MILP picks the cheaper', async () => {
    const handle = await testHandle();
    const p = converted(tiny());
    // Cells 8 (L1 4, L2 2, L3 2), waste 0.5 x 1 kg x 6 = 3 kg; acquisition 4 x (0.5 x 10 + 0.25 x 4) = 24;
    // processing 4 x 1 + 4 x 2 + 2 x 1 + 2 x 3 = 20; waste transport 3 kg x |RW| = 4 sqrt 2 km x 2.
    const viaA = await p.evaluate(handle, designOf(p, ['A', 'R', 'W']));
    expect(viaA.parts).toMatchObject({ acquisition: 24, fixed: 150, processing: 20 });
    expect(viaA.parts.transport).toBeCloseTo(4 * 3 + 6 * 4 * 0.5 + 2 * 4 * 0.5 + 3 * 4 * Math.SQRT2 * 2, 9);
    expect(viaA.parts.carbonTax).toBeCloseTo(4 * 0.5 + 4 * 3 * 0.1, 9);
    const viaB = await p.evaluate(handle, designOf(p, ['B', 'R', 'W']));
    const transportB = 4 * 10 + 6 * 3 * 0.5 + 2 * Math.hypot(7, 4) * 0.5 + 3 * 4 * Math.SQRT2 * 2;
    expect(viaB.cost).toBeCloseTo(24 + 100 + 20 + transportB + (2 + 4 * 10 * 0.1), 9);
    const res = await solve(p, { handle });
    expect(res.open).toEqual(['B', 'R', 'W']);
    expect(res.objective).toBeCloseTo(viaB.cost, 9);
  });

  it("stores each dealer's distances to its own cluster's CCs only, and reads them back by index", () => {
    const t = tiny();
    t.clusters.push({ id: 'k2' });
    t.ccCandidates.push({ id: 'C', cluster: 'k2', lat: 0, lon: 5, fixedCost: 10 });
    t.dealers.push(
      { id: 'D2', cluster: 'k2', lat: 0, lon: 1, packs: { T: 1 } },
      { id: 'D3', cluster: 'k1', lat: 1, lon: 0, packs: { T: 1 } },
    );
    const inst = parseJakartaJson(t, 'two-clusters.json');
    // D1 -> A, B; D2 -> C; D3 -> A, B: 5 distances, not 3 dealers x 3 CCs.
    expect([...inst.distances.dealerCc]).toEqual([3, 10, 4, 2, 9]);
    expect(dealerCcKm(inst, 2, 1)).toBe(9); // D3 -> B
    expect(dealerCcKm(inst, 1, 2)).toBe(4); // D2 -> C
    expect(dealerCcKm(inst, 1, 0)).toBeNaN(); // D2 -> A: other cluster, no arc
  });

  it('rejects a dealer in a cluster without CC candidates, naming the dealer and cluster', () => {
    const data = tiny();
    data.clusters.push({ id: 'k2' });
    data.dealers.push({ id: 'D2', cluster: 'k2', lat: 1, lon: 1, packs: { T: 1 } });
    expect(errorOf(() => parseJakartaJson(data, 'x.json')).message).toBe(
      'x.json: dealers[1] (D2).cluster: a cluster with at least one CC candidate; cluster k2 has none, so its packs cannot be collected',
    );
  });

  it('rejects a cluster without CC candidates even when it has no dealers (constraint (12))', () => {
    const data = tiny();
    data.clusters.push({ id: 'k2' });
    expect(errorOf(() => parseJakartaJson(data, 'x.json')).message).toMatch(
      /^x.json: clusters\[1\] \(k2\): at least one CC candidate/,
    );
  });

  it('rejects quality shares that do not sum to 1, top level or per cluster', () => {
    const data = tiny();
    data.qualityShares.T.L3 = 0.2;
    expect(errorOf(() => parseJakartaJson(data, 's.json')).message).toBe(
      's.json: qualityShares.T (cluster k1): L1 + L2 + L3 shares summing to 1, got 0.95',
    );
    const per = tiny();
    per.clusters[0]!.qualityShares = { T: { L1: 0.5, L2: 0.5, L3: 0.5 } };
    expect(errorOf(() => parseJakartaJson(per, 's.json')).message).toMatch(/summing to 1, got 1.5$/);
  });

  it('rejects negative costs with their field path', () => {
    const data = tiny();
    data.costs.transport.perCellKm!.T = -0.5;
    expect(errorOf(() => parseJakartaJson(data, 'n.json')).message).toBe(
      'n.json: costs.transport.perCellKm.T: a number >= 0, got -0.5',
    );
    const fixed = tiny();
    fixed.ccCandidates[1]!.fixedCost = -1;
    expect(errorOf(() => parseJakartaJson(fixed, 'n.json')).message).toBe(
      'n.json: ccCandidates[1].fixedCost: a number >= 0, got -1',
    );
  });

  it('rejects unknown clusters, repeated site ids and missing per-type values', () => {
    const data = tiny();
    data.ccCandidates[0]!.cluster = 'zz';
    expect(errorOf(() => parseJakartaJson(data, 'c.json')).message).toBe(
      "c.json: ccCandidates[0].cluster: a cluster id from clusters (k1), got 'zz'",
    );
    const dup = tiny();
    dup.ccCandidates[1]!.id = 'R';
    expect(errorOf(() => parseJakartaJson(dup, 'd.json')).message).toMatch(
      /^d.json: rmcCandidates\[0\].id: a site id unique among all candidates/,
    );
    const miss = tiny();
    miss.dealers[0]!.packs = {};
    expect(errorOf(() => parseJakartaJson(miss, 'm.json')).message).toBe(
      'm.json: dealers[0].packs.T: a number >= 0 (missing)',
    );
  });
});

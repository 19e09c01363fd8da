import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../src/io/geo.js';
import { allocCost, type FacilityLocationInstance } from '../../../src/problems/facility-location/instance.js';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { parseOrlib } from '../../../src/problems/facility-location/orlib-reader.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { FL_PRODUCT, flToNetwork } from '../../../src/problems/network/convert/from-facility-location.js';
import { convertText } from '../../../src/problems/network/convert/index.js';
import type { NetworkInstance } from '../../../src/problems/network/instance.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromText, parseNetworkDocument } from '../../../src/problems/network/reader.js';
import type { NetworkDocument } from '../../../src/problems/network/schema.js';
import { errorOf } from '../../helpers/errors.js';
import { solve } from '../../../src/solve.js';
import { orlibPath, ROOT, testHandle } from '../../helpers/fixtures.js';

const CAP41 = orlibPath('cap41');
const cap41Text = readFileSync(CAP41, 'utf8');
const WEST_JAVA = `${ROOT}instances/west-java/west-java.json`;
const westJavaText = readFileSync(WEST_JAVA, 'utf8');
const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

function compiled(doc: NetworkDocument): NetworkInstance {
  return compileNetwork(parseNetworkDocument(JSON.parse(JSON.stringify(doc)), 'converted'), 'converted');
}

/**
 * Every site-customer pair is one arc whose cost for the customer's whole demand is the
 * allocation cost of the facility-location instance; sites keep capacity and fixed cost.
 */
function expectSameData(
  inst: FacilityLocationInstance,
  net: NetworkInstance,
  customerId: (id: string) => string,
): void {
  expect(net.arcs).toHaveLength(inst.sites.length * inst.customers.length);
  const u = net.productIndex.get(FL_PRODUCT)!;
  const arcs = new Map(net.arcs.map((a) => [`${net.nodes[a.from]!.id}>${net.nodes[a.to]!.id}`, a]));
  inst.sites.forEach((s, i) => {
    const node = net.nodes[net.nodeIndex.get(s.id)!]!;
    expect(node.candidate).toBe(true);
    expect(node.fixedCost).toBe(s.fixedCost);
    if (inst.variant !== 'uflp') expect(node.capacity!.total![0]).toBe(s.capacity);
    else expect(node.capacity).toBeNull();
    expect(node.supply.get(u)!.upper[0]).toBe(inst.variant === 'uflp' ? Infinity : s.capacity);
    inst.customers.forEach((c, j) => {
      const arc = arcs.get(`${s.id}>${customerId(c.id)}`)!;
      expect(arc.products).toEqual([u]);
      expect(relDiff(arc.cost[0]! * c.demand, allocCost(inst, i, j))).toBeLessThanOrEqual(1e-12);
    });
  });
  for (const c of inst.customers) {
    const node = net.nodes[net.nodeIndex.get(customerId(c.id))!]!;
    expect(node.candidate).toBe(false);
    expect(node.demand.map((d) => [d.key, d.bounds.lower[0], d.bounds.upper[0]])).toEqual([
      [FL_PRODUCT, c.demand, c.demand],
    ]);
    expect(node.singleSource).toBe(inst.variant === 'sscflp');
  }
}

describe('facility location -> network (structure)', () => {
  it('cap41: 16 candidate sites, 50 customers (ids prefixed c), 800 arcs at allocation cost / demand', () => {
    const doc = convertText(cap41Text, CAP41);
    expect(doc.nodes.filter((n) => n.echelon === 'site')).toHaveLength(16);
    expect(
      doc.nodes
        .filter((n) => n.echelon === 'customer')
        .map((n) => n.id)
        .slice(0, 3),
    ).toEqual(['c1', 'c2', 'c3']);
    expect(doc.arcs).toHaveLength(800);
    expect(String((doc.provenance as Record<string, unknown>).source)).toMatch(/OR-Library/);
    expectSameData(parseOrlib(cap41Text, CAP41), compiled(doc), (id) => `c${id}`);
  });

  it('variants and capacity: sscflp marks single source, uflp unlimited supply without capacity, --capacity replaces capacities', () => {
    for (const variant of ['sscflp', 'uflp'] as const) {
      const doc = convertText(cap41Text, CAP41, { variant });
      expectSameData(parseOrlib(cap41Text, CAP41, { variant }), compiled(doc), (id) => `c${id}`);
    }
    const capa = `${ROOT}instances/orlib-cap/capa.txt`;
    const text = readFileSync(capa, 'utf8');
    const doc = convertText(text, capa, { capacity: 8000 });
    expect(doc.name).toBe('capa-8000');
    expect(doc.nodes.filter((n) => n.echelon === 'site').every((n) => n.capacity === 8000)).toBe(true);
    expect(doc.arcs).toHaveLength(100 * 1000);
    expect(errorOf(() => convertText(text, capa)).message).toMatch(/--capacity/);
  });

  it('West Java: coordinates as lat/lon, one haversine arc rule, single source, provenance kept', () => {
    const data = JSON.parse(westJavaText);
    const doc = convertText(westJavaText, WEST_JAVA);
    expect(doc.arcs).toBeUndefined();
    expect(doc.arcRules).toEqual([{ from: 'site', to: 'customer', costPerKm: 2500 }]);
    expect(doc.distance).toEqual({ metric: 'haversine', circuity: 1.3 });
    const bog = doc.nodes.find((n) => n.id === 'BOG')!;
    expect([bog.lat, bog.lon, bog.name]).toEqual([-6.4817, 106.854, 'Kabupaten Bogor']);
    for (const [k, v] of Object.entries(data.provenance as Record<string, unknown>))
      expect((doc.provenance as Record<string, unknown>)[k]).toEqual(v);
    const inst = parseFlJson(data, WEST_JAVA);
    const net = compiled(doc);
    expectSameData(inst, net, (id) => id);
    // The rule's km is circuity x great-circle km between the nodes.
    const a = net.arcs.find((x) => net.nodes[x.from]!.id === 'BOG-1' && net.nodes[x.to]!.id === 'BOG')!;
    expect(relDiff(a.km!, 1.3 * haversineKm(106.802, -6.4561, 106.854, -6.4817))).toBeLessThanOrEqual(1e-12);
  });

  it('maxOpen and a matrix cost are carried over; a zero-demand customer gets free arcs', () => {
    const data = {
      problem: 'facility-location',
      name: 'tiny',
      variant: 'cflp',
      maxOpen: 1,
      sites: [
        { id: 'A', capacity: 10, fixedCost: 5 },
        { id: 'B', capacity: 10, fixedCost: 7 },
      ],
      customers: [
        { id: 'X', demand: 4 },
        { id: 'Y', demand: 0 },
      ],
      cost: { matrix: { A: [2, 3], B: [1, 9] }, per: 'unit' },
    };
    const doc = flToNetwork(parseFlJson(data, 'tiny.json'));
    expect(doc.maxOpen).toBe(1);
    expect(doc.arcs!.map((a) => [a.from, a.to, a.unitCost])).toEqual([
      ['A', 'X', 2],
      ['A', 'Y', 0],
      ['B', 'X', 1],
      ['B', 'Y', 0],
    ]);
    expect(compiled(doc).nodes).toHaveLength(4);
  });

  it('bad input: an unknown kind, a network file, an option the kind does not read, a bad variant', () => {
    expect(errorOf(() => convertText('{"problem": "nope"}', 'x.json')).message).toMatch(
      /x\.json: problem: a kind rlnd convert reads .*"nope"/,
    );
    expect(errorOf(() => convertText('{"problem": "network"}', 'x.json')).message).toMatch(/already a network/);
    expect(
      errorOf(() =>
        convertText(readFileSync(`${ROOT}instances/jakarta-rln/jakarta.json`, 'utf8'), 'j.json', { capacity: 5 }),
      ).message,
    ).toMatch(/--capacity: 5: not an option of jakarta-rln files/);
    expect(errorOf(() => convertText(cap41Text, CAP41, { variant: 'big' })).message).toMatch(
      /--variant: big: one of cflp, sscflp, uflp/,
    );
    expect(errorOf(() => convertText('{"problem": ', 'x.json')).message).toMatch(/x\.json: JSON syntax/);
    expect(errorOf(() => convertText('16 50\n1 2', CAP41)).message).toMatch(/token count/);
  });
});

/** A committed network file, solved by the MILP. */
async function solveFile(name: string) {
  const file = `${ROOT}instances/network/${name}`;
  return solve(networkProblem(networkFromText(readFileSync(file, 'utf8'), file)), { handle: await testHandle() });
}

describe('facility location -> network (optimum)', () => {
  it('instances/network/cap41.json solves to the OR-Library optimum 1,040,444.375 with the bespoke open sites', async () => {
    const r = await solveFile('cap41.json');
    expect(r.status).toBe('optimal');
    expect(relDiff(r.objective!, 1_040_444.375)).toBeLessThanOrEqual(1e-9);
    expect(r.open).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '13', '14']);
  });

  it('cap41 as UFLP in network form solves to 932,615.75', async () => {
    const r = await solve(networkProblem(compiled(convertText(cap41Text, CAP41, { variant: 'uflp' }))), {
      handle: await testHandle(),
    });
    expect(relDiff(r.objective!, 932_615.75)).toBeLessThanOrEqual(1e-9);
  });

  it('instances/network/west-java.json (single source) solves to 401,162,720.54 with 27 points open', async () => {
    const r = await solveFile('west-java.json');
    expect(r.status).toBe('optimal');
    expect(relDiff(r.objective!, 401_162_720.54)).toBeLessThanOrEqual(1e-9);
    expect(r.open).toHaveLength(27);
  });

  it('the committed network files are what rlnd convert writes today (only the command line is added)', () => {
    const cases: [string, string, { capacity?: number }][] = [
      ['cap41.json', 'instances/orlib-cap/cap41.txt', {}],
      ['capa-8000.json', 'instances/orlib-cap/capa.txt', { capacity: 8000 }],
      ['west-java.json', 'instances/west-java/west-java.json', {}],
    ];
    for (const [name, source, options] of cases) {
      const committed = JSON.parse(readFileSync(`${ROOT}instances/network/${name}`, 'utf8'));
      delete committed.provenance.converted;
      expect(committed, name).toEqual(
        JSON.parse(JSON.stringify(convertText(readFileSync(`${ROOT}${source}`, 'utf8'), source, options))),
      );
    }
  });
});

import { testHandle } from '../../helpers/fixtures.js';
import { solve } from '../../../src/solve.js';
import { describe, expect, it } from 'vitest';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { facilityLocationProblem } from '../../../src/problems/facility-location/problem.js';
import { parseOrlib } from '../../../src/problems/facility-location/orlib-reader.js';
import { orlibProblem } from '../../helpers/load.js';
import { errorOf } from '../../helpers/errors.js';
import { instanceInfeasibility } from '../../../src/core/problem.js';

const ok = '2 2\n10 5.\n10 7\n4\n1 2\n6\n.5 3\n';

describe('OR-Library reader', () => {
  it('reads a tiny hand-written file (trailing dots, leading-dot numbers)', () => {
    const inst = parseOrlib(ok, 'tiny.txt');
    expect(inst.sites.map((s) => [s.id, s.capacity, s.fixedCost])).toEqual([
      ['1', 10, 5],
      ['2', 10, 7],
    ]);
    expect(inst.customers.map((c) => c.demand)).toEqual([4, 6]);
    expect([...inst.allocCost]).toEqual([1, 0.5, 2, 3]); // site-major: site 1 -> (c1, c2), site 2 -> (c1, c2)
  });

  it('reads cap42, whose customers are joined onto one line, like the original layout', () => {
    const p = orlibProblem('cap42');
    expect(p.space.size).toBe(16);
    expect(p.hints?.totalDemand).toBe(58268);
  });

  it('names file and line for a non-numeric token', () => {
    const e = errorOf(() => parseOrlib(ok.replace('10 7', '10 x7'), 'bad.txt'));
    expect(e.message).toBe("bad.txt: line 3: fixed cost of facility 2 as a number, got 'x7'");
  });

  it('names the expected and found token count', () => {
    const e = errorOf(() => parseOrlib(ok + ' 9', 'long.txt'));
    expect(e.message).toContain('long.txt: token count: 2 + 2m + n(1 + m) = 12 tokens for m = 2, n = 2; found 13');
    const t = errorOf(() => parseOrlib('2 2\n10 5\n', 'short.txt'));
    expect(t.message).toContain('found 4');
  });

  it('asks for --capacity when capacities are the word "capacity"', () => {
    const e = errorOf(() => parseOrlib(ok.replace('10 5.', 'capacity 5.'), 'capx.txt'));
    expect(e.message).toMatch(/^capx.txt: line 2: .*literal word 'capacity'.*pass --capacity N/);
  });

  it('rejects a negative demand with its line', () => {
    const e = errorOf(() => parseOrlib(ok.replace('\n6\n', '\n-6\n'), 'neg.txt'));
    expect(e.message).toBe('neg.txt: line 6: demand of customer 2 >= 0, got -6');
  });
});

const json = () => ({
  problem: 'facility-location',
  name: 'demo',
  sites: [
    { id: 'A', x: 0, y: 0, capacity: 10, fixedCost: 5 },
    { id: 'B', x: 3, y: 4, capacity: 10, fixedCost: 7 },
  ],
  customers: [
    { id: 'c1', x: 0, y: 0, demand: 4 },
    { id: 'c2', x: 3, y: 4, demand: 6 },
  ],
  cost: { distance: 'euclidean', perUnitDistance: 2 } as Record<string, unknown>,
});

describe('JSON reader', () => {
  it('computes costs from coordinates: demand x distance x cost per unit distance', () => {
    const inst = parseFlJson(json(), 'demo.json');
    expect([...inst.allocCost]).toEqual([0, 6 * 5 * 2, 4 * 5 * 2, 0]);
  });

  it('uses haversine distances in km with a circuity factor', () => {
    const data = json();
    data.sites[1] = { ...data.sites[1]!, x: 1, y: 0 }; // one degree of longitude on the equator
    data.customers[1] = { ...data.customers[1]!, demand: 1, x: 1, y: 0 };
    data.cost = { distance: 'haversine', perUnitDistance: 1, circuity: 1.5 };
    const inst = parseFlJson(data, 'geo.json');
    expect(inst.allocCost[1]).toBeCloseTo(111.195 * 1.5, 2); // site A -> customer c2
  });

  it('reads a matrix per unit or per total, keyed by site id', () => {
    const data = json();
    data.cost = { matrix: { A: { c1: 1, c2: 2 }, B: [3, 4] }, per: 'unit' };
    expect([...parseFlJson(data, 'm.json').allocCost]).toEqual([4, 12, 12, 24]);
    data.cost = { matrix: { A: [1, 2], B: [3, 4] }, per: 'total' };
    expect([...parseFlJson(data, 'm.json').allocCost]).toEqual([1, 2, 3, 4]);
  });

  it('rejects an unknown site id in a matrix', () => {
    const data = json();
    data.cost = { matrix: { A: [1, 2], Z: [3, 4] } };
    expect(errorOf(() => parseFlJson(data, 'm.json')).message).toMatch(/^m.json: cost.matrix.Z: .*unknown site 'Z'/);
  });

  it('rejects a missing capacity and a negative demand, naming the field', () => {
    const data = json();
    delete (data.sites[0] as Record<string, unknown>).capacity;
    expect(errorOf(() => parseFlJson(data, 'cap.json')).message).toBe(
      'cap.json: sites[0] (A).capacity: a number >= 0 (required unless the variant is uflp) (missing)',
    );
    const neg = json();
    neg.customers[1]!.demand = -3;
    expect(errorOf(() => parseFlJson(neg, 'neg.json')).message).toBe(
      'neg.json: customers[1] (c2).demand: a number >= 0, got -3',
    );
  });

  it('rejects unknown keys with the nearest known key (a typo fixedcost silently dropped every fixed cost)', () => {
    const data = json() as unknown as { sites: Record<string, unknown>[] };
    data.sites[0]!.fixedcost = data.sites[0]!.fixedCost;
    delete data.sites[0]!.fixedCost;
    expect(errorOf(() => parseFlJson(data, 'typo.json')).message).toBe(
      "typo.json: sites[0] (A).fixedcost: a known key (unknown key; did you mean 'fixedCost'?)",
    );
    expect(errorOf(() => parseFlJson({ ...json(), maxopen: 2 }, 't.json')).message).toBe(
      "t.json: maxopen: a known key (unknown key; did you mean 'maxOpen'?)",
    );
  });

  it('requires fixedCost (it became 0)', () => {
    const data = json() as unknown as { sites: Record<string, unknown>[] };
    delete data.sites[1]!.fixedCost;
    expect(errorOf(() => parseFlJson(data, 'f.json')).message).toBe(
      'f.json: sites[1] (B).fixedCost: a number (missing)',
    );
  });

  it('range-checks latitude and longitude, and names 1e999', () => {
    const lat = { ...json(), sites: [{ id: 'A', lon: 106.8, lat: 200, capacity: 10, fixedCost: 5 }] };
    expect(errorOf(() => parseFlJson(lat, 'lat.json')).message).toBe(
      'lat.json: sites[0] (A).lat: a number <= 90, got 200',
    );
    const hav = json();
    hav.cost = { distance: 'haversine', perUnitDistance: 1 };
    hav.sites[1]!.y = 95;
    expect(errorOf(() => parseFlJson(hav, 'h.json')).message).toBe(
      'h.json: sites[1] (B).y: a latitude in [-90, 90] (cost.distance is haversine), got 95',
    );
    const big = JSON.parse(JSON.stringify(json()).replace('"fixedCost":5', '"fixedCost":1e999'));
    expect(errorOf(() => parseFlJson(big, 'big.json')).message).toBe(
      'big.json: sites[0].fixedCost: a finite number, got Infinity',
    );
  });

  it('accepts the documented UFLP JSON without capacity (and needs one for cflp)', async () => {
    const data = json() as unknown as { sites: Record<string, unknown>[]; variant?: string };
    data.sites.forEach((s) => delete s.capacity);
    data.variant = 'uflp';
    const problem = facilityLocationProblem(parseFlJson(data, 'u.json'));
    expect(instanceInfeasibility(problem)).toBeNull();
    // Both open: fixed 5 + 7, each customer at its own site -> 12 (A alone: 5 + 6 x 5 x 2 = 65; B alone: 7 + 4 x 5 x 2 = 47).
    expect((await solve(problem, { handle: await testHandle() })).objective).toBe(12);
    expect(() => parseFlJson({ ...data, variant: 'cflp' }, 'c.json')).toThrow(
      /sites\[0\] \(A\)\.capacity: a number >= 0 \(required unless the variant is uflp\)/,
    );
  });

  it('says why an instance is infeasible: capacity below demand', () => {
    const data = json();
    data.sites.forEach((s) => (s.capacity = 4));
    const problem = facilityLocationProblem(parseFlJson(data, 'small.json'));
    expect(instanceInfeasibility(problem)).toBe('total capacity 8 is below total demand 10');
  });
});

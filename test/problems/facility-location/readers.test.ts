import { describe, expect, it } from 'vitest';
import { parseFlJson } from '../../../src/problems/facility-location/json-reader.js';
import { facilityLocationProblem } from '../../../src/problems/facility-location/problem.js';
import { parseOrlib } from '../../../src/problems/facility-location/orlib-reader.js';
import { orlibProblem } from '../../helpers/load.js';
import { errorOf } from '../../helpers/errors.js';

const ok = '2 2\n10 5.\n10 7\n4\n1 2\n6\n.5 3\n';


describe('OR-Library reader', () => {
  it('reads a tiny hand-written file (trailing dots, leading-dot numbers)', () => {
    const inst = parseOrlib(ok, 'tiny.txt');
    expect(inst.sites.map((s) => [s.id, s.capacity, s.fixedCost])).toEqual([['1', 10, 5], ['2', 10, 7]]);
    expect(inst.customers.map((c) => c.demand)).toEqual([4, 6]);
    expect([...inst.allocCost]).toEqual([1, 0.5, 2, 3]); // site-major: site 1 -> (c1, c2), site 2 -> (c1, c2)
  });

  it('reads cap42, whose customers are joined onto one line, like the original layout', () => {
    const p = orlibProblem('cap42');
    expect(p.space.size).toBe(16);
    expect(p.totalDemand).toBe(58268);
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
    expect(errorOf(() => parseFlJson(data, 'cap.json')).message).toBe('cap.json: sites[0].capacity: a number, got undefined');
    const neg = json();
    neg.customers[1]!.demand = -3;
    expect(errorOf(() => parseFlJson(neg, 'neg.json')).message).toBe('neg.json: customers[1].demand: a number >= 0, got -3');
  });

  it('says why an instance is infeasible: capacity below demand', () => {
    const data = json();
    data.sites.forEach((s) => (s.capacity = 4));
    const problem = facilityLocationProblem(parseFlJson(data, 'small.json'));
    expect(problem.instanceInfeasibility()).toBe('total capacity 8 is below total demand 10');
  });
});

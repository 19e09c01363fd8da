import { describe, expect, it } from 'vitest';
import { networkFromData, networkFromText } from '../../../src/problems/network/reader.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { CONTRACT } from './fixtures.js';

const withChange = (f: (d: Record<string, unknown> & typeof CONTRACT) => void): unknown => {
  const d = structuredClone(CONTRACT) as Record<string, unknown> & typeof CONTRACT;
  f(d);
  return d;
};
const load = (data: unknown): unknown => networkFromData(data, 'net.json');

describe('network reader: one clear line per class of bad input', () => {
  it('reads the contract example as written', () => {
    const inst = networkFromData(CONTRACT, 'net.json');
    expect(inst.nodes.map((n) => n.id)).toEqual(['P1', 'D1', 'C1']);
    expect(networkProblem(inst).space.labels).toEqual(['P1', 'D1']);
  });
  it('unknown key, with the nearest known key suggested', () => {
    expect(() => load(withChange((d) => ((d.nodes[0] as Record<string, unknown>).fixedcost = 5)))).toThrow(
      "net.json: nodes[0] (P1).fixedcost: a known key (unknown key; did you mean 'fixedCost'?)",
    );
    expect(() => load(withChange((d) => (d.prodcts = ['u'])))).toThrow("did you mean 'products'?");
  });
  it('wrong type names the field and the value', () => {
    expect(() => load(withChange((d) => ((d.nodes[1] as Record<string, unknown>).capacity = 'big')))).toThrow(
      /net\.json: nodes\[1\] \(D1\)\.capacity.*"big"/,
    );
  });
  it('negative and non-finite numbers', () => {
    expect(() => load(withChange((d) => ((d.nodes[1] as Record<string, unknown>).fixedCost = -1)))).toThrow(
      /nodes\[1\] \(D1\)\.fixedCost: .*>= 0/,
    );
    expect(() => networkFromText(JSON.stringify(CONTRACT).replace('27022', '1e999'), 'net.json')).toThrow(
      'net.json: nodes[0].fixedCost: a finite number, got Infinity',
    );
  });
  it('latitude out of range', () => {
    expect(() => load(withChange((d) => ((d.nodes[2] as Record<string, unknown>).lat = 200)))).toThrow(
      /nodes\[2\] \(C1\)\.lat: a latitude in \[-90, 90\]/,
    );
  });
  it('references to unknown nodes and products', () => {
    expect(() => load(withChange((d) => (d.arcs[0]!.to = 'D9')))).toThrow(
      'net.json: arcs[0] (P1 -> D9).to: a node id, got "D9"',
    );
    expect(() => load(withChange((d) => ((d.nodes[2] as Record<string, unknown>).demand = { v: 1 })))).toThrow(
      'net.json: nodes[2] (C1).demand.v: a product among u, got "v"',
    );
  });
  it('one value per period', () => {
    expect(() =>
      load(
        withChange((d) =>
          Object.assign(d, { periods: 2, nodes: [{ ...d.nodes[0], capacity: [1, 2, 3] }, d.nodes[1], d.nodes[2]] }),
        ),
      ),
    ).toThrow('net.json: nodes[0] (P1).capacity: one value per period (2), got 3');
  });
  it('a candidate node may not promise an exact supply', () => {
    expect(() =>
      load(withChange((d) => ((d.nodes[0] as Record<string, unknown>).supply = { u: { exactly: 5 } }))),
    ).toThrow(/nodes\[0\] \(P1\)\.supply\.u: an upper bound only/);
  });
  it('duplicate ids', () => {
    expect(() => load(withChange((d) => (d.nodes[1]!.id = 'P1')))).toThrow(
      "net.json: nodes[1].id: a unique node id, 'P1' repeats",
    );
  });
  it('YAML syntax errors name the file', () => {
    expect(() => networkFromText('problem: network\n  name: [', 'net.yaml')).toThrow(/^net\.yaml: YAML syntax: /);
  });
});

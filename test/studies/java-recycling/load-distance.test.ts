import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../src/io/geo.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { loadDistance, nodeLoad, supplyNodes } from '../../../src/studies/java-recycling/load-distance.js';
import { ROOT } from '../../helpers/fixtures.js';

const path = `${ROOT}instances/network/java-recycling-option2.json`;
const inst = networkFromText(readFileSync(path, 'utf8'), path);
const best = (rows: ReturnType<typeof loadDistance>, area: string) =>
  rows.find((r) => r.area === area && r.rank === 1)!.candidate;

describe('load-distance method on the Java network (Kasy et al. Tables 3-4)', () => {
  it('ranks the 8 collection cities; a load is the battery supply summed over the 4 periods', () => {
    expect(supplyNodes(inst).map((n) => n.id)).toEqual([
      'Jakarta',
      'Bekasi',
      'Bandung',
      'Surabaya',
      'Tangerang',
      'Bogor',
      'Semarang',
      'Yogyakarta',
    ]);
    expect(nodeLoad(inst.nodes[inst.nodeIndex.get('Jakarta')!]!)).toBe(18_449 + 80_514 + 182_870 + 258_480);
    expect(() => supplyNodes(inst, 'recycling')).toThrow(/no node of echelon 'recycling' has a supply/);
  });

  it('scores Σ load x distance and picks Jakarta island-wide, Jakarta in the West and Surabaya in the East', () => {
    const whole = loadDistance(inst, false);
    const jakarta = whole.find((r) => r.candidate === 'Jakarta')!;
    const centres = inst.doc.nodes.filter((n) => n.echelon === 'collection');
    const load = (n: (typeof centres)[number]): number =>
      (n.supply!.battery as { upTo: number[] }).upTo.reduce((a, v) => a + v, 0);
    const byHand = centres.reduce((s, c) => s + load(c) * haversineKm(jakarta.lon, jakarta.lat, c.lon!, c.lat!), 0);
    expect(jakarta.loadDistance).toBeCloseTo(byHand, 3);
    expect(best(whole, 'all')).toBe('Jakarta');
    const split = loadDistance(inst, true);
    expect(best(split, 'West')).toBe('Jakarta');
    expect(best(split, 'East')).toBe('Surabaya');
    const east = split.filter((r) => r.area === 'East').sort((a, b) => a.rank - b.rank);
    expect(east.map((r) => r.candidate)).toEqual(['Surabaya', 'Semarang', 'Yogyakarta']);
  });
});

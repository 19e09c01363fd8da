import { describe, expect, it } from 'vitest';
import { networkMapSvg } from '../../../src/problems/network/map.js';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { solve } from '../../../src/solve.js';
import { testHandle } from '../../helpers/fixtures.js';
import { CONTRACT } from './fixtures.js';

describe('network map', () => {
  it('draws every placed node, closed candidates hollow, one line per lane with flow', async () => {
    const doc = structuredClone(CONTRACT) as typeof CONTRACT & { nodes: Record<string, unknown>[] };
    const coords = [
      [-6.2, 106.8],
      [-6.3, 106.9],
      [-6.1, 107.0],
    ];
    doc.nodes.forEach((n, i) => Object.assign(n, { lat: coords[i]![0], lon: coords[i]![1] }));
    doc.nodes.push({ id: 'D2', echelon: 'depot', fixedCost: 99999, capacity: 50, lat: -6.25, lon: 106.7 });
    doc.arcs.push({ from: 'P1', to: 'D2', unitCost: 1 }, { from: 'D2', to: 'C1', unitCost: 1 });
    const inst = networkFromData(doc, 'demo.json');
    const res = await solve(networkProblem(inst), { handle: await testHandle() });
    expect(res.open).toEqual(['P1', 'D1']);
    const svg = networkMapSvg(inst, Uint8Array.from(res.design), res.flows as NetworkFlows, 'demo')!;
    expect(svg.match(/<circle [^>]*><title>/g)).toHaveLength(4);
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg).toMatch(/fill="white"[^>]*><title>D2 \(depot, closed\)/);
    expect(svg).toContain('<title>P1 -&gt; D1: 11.0000</title>');
  });
  it('returns null without coordinates', () => {
    const inst = networkFromData(CONTRACT, 'demo.json');
    expect(
      networkMapSvg(inst, new Uint8Array(2), { arcs: [], stock: [], processed: [], supplied: [], delivered: [] }, 't'),
    ).toBeNull();
  });
});

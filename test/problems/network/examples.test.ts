import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../../../src/core/problem.js';
import { loadProblem } from '../../../src/problems/load-problem.js';
import { readNetworkFolder } from '../../../src/problems/network/csv-folder.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromData } from '../../../src/problems/network/reader.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const EXAMPLES = `${ROOT}docs/examples/network/`;
const R = 6371.0088; // km, the haversine radius of src/io/geo.ts
const DEG = (R * Math.PI) / 180; // km per degree of latitude along a meridian (haversine is exact there)

/**
 * The optimum of every example, computed by hand (the arithmetic is in each comment and in
 * docs/network.md). `open`: the opened nodes (`node:option` with an option).
 */
const OPTIMA: Record<string, { objective: number; open: string[]; figures?: Record<string, number> }> = {
  // P1 must open (only supply) and D1 (only route); 11 units on P1 -> D1 -> C1:
  // 27022 + 9674 + 11 x (43 + 60) = 37,829.
  'contract.json': { objective: 37829, open: ['P1', 'D1'] },
  // 10 packs, all through one disassembly centre. DA: 1000 + 10 x 10 (transport) + 10 x 5
  // (conversion) = 1150; DB: 1500 + 10 x 20 + 10 x 2 = 1720. 120 cells -> S1: 120 x 1 = 120;
  // graded into L1 60, L2 36, L3 24: L1 -> R1 60 x 2 = 120, L2 -> Y1 (1 < 3) 36 x 1 = 36,
  // L3 -> Y1 24 x 4 = 96. Total 1150 + 120 + 120 + 36 + 96 = 1,522.
  'conversions.yaml': { objective: 1522, open: ['DA'] },
  // Per kg of mass processed: revenue 0.1 x 200 + 0.05 x 20 + 0.03 x 300 = 30; cost 2 (buy)
  // + 0.5 (to RF1) + 1 (conversion) + 0.18 x 1 (metals out) + 0.8 x (0.2 + 0.5) (residue out
  // and handled) = 4.24; margin 25.76 > 0, so RF1 runs at its capacity 800:
  // profit 800 x 25.76 - 3000 = 17,608; the objective is minus the profit.
  'metals-profit.yaml': { objective: -17608, open: ['RF1'], figures: { profit: 17608 } },
  // W must open: 10 x 3 periods = 30. Buying costs 1, 4, 6 in periods 1-3 (at most 20 each),
  // holding 1 per unit and period, so a unit for period t is bought as early as possible: period 1
  // buys 20 (5 used, 15 stocked), period 2 buys the 5 still missing. Purchases 20 x 1 + 5 x 4 = 40;
  // stock at the end of periods 1-3: 15, 10, 0 -> holding 25; transport 25 x (1 + 1) = 50.
  // Total 30 + 40 + 25 + 50 = 145.
  'inventory.yaml': { objective: 145, open: ['W'] },
  // 20 units to C. No line: 20 x 20 = 400. basic (capacity 10): 100 + 10 x 2 + 10 x 20 = 320.
  // advanced: 250 + 20 x 2 = 290.
  'options.yaml': { objective: 290, open: ['R:advanced'] },
  // One CC per cluster. A: CA1 100 + 10 x (1 + 1) = 120 < CA2 80 + 10 x (4 + 1) = 130.
  // B: CB1 100 + 10 x (2 + 1) = 130 < CB2 120 + 10 x (1 + 1) = 140 (dB via CA1, 5 + 1, is dearer
  // than via CB1). Total 250.
  'groups.yaml': { objective: 250, open: ['CA1', 'CB1'] },
  // Along the meridian a distance is DEG x (latitude difference); road = 1.2 x that; 0.1 per km.
  // K2 alone: D1 1.5 deg, D2 0.5 deg: 450 + 10 x 2 deg x 0.12 x DEG = 450 + 2.4 x DEG = 716.868...;
  // K1 alone: 500 + 2.4 x DEG; both: 950 + 1.2 x DEG = 1083.4.
  'arc-rules.yaml': { objective: 450 + 2.4 * DEG, open: ['K2'] },
  // C1 (25, single source) cannot come from S1 (20): all from S2 at 3 = 75; C2 from S1 at 2 = 20. 95.
  'single-source.yaml': { objective: 95, open: [] },
  // The contract plus C2 (20 units, D1 -> C2 at 50): 27022 + 9674 + 11 x 103 + 20 x 93 = 39,689.
  'csv-demo': { objective: 39689, open: ['P1', 'D1'] },
};

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** An example as a problem: a folder through the CSV reader, a file through loadProblem. */
async function exampleProblem(name: string): Promise<Problem> {
  const path = EXAMPLES + name;
  if (statSync(path).isDirectory()) return networkProblem(networkFromData(await readNetworkFolder(path), path));
  return loadProblem(path);
}

/** A YAML example with a change, as a problem. */
function changed(name: string, change: (doc: Record<string, unknown>) => void): Problem {
  const doc = parseYaml(readFileSync(EXAMPLES + name, 'utf8')) as Record<string, unknown>;
  change(doc);
  return networkProblem(networkFromData(doc, name));
}

describe('docs/examples/network: every example solves to its hand-computed optimum (MILP)', () => {
  it('every example has a hand-computed optimum here', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(Object.keys(OPTIMA).sort());
  });

  for (const [name, want] of Object.entries(OPTIMA)) {
    it(name, async () => {
      const result = await solve(await exampleProblem(name), { method: 'milp', handle: await testHandle() });
      expect(result.status).toBe('optimal');
      expect(rel(result.objective!, want.objective)).toBeLessThan(1e-9);
      expect([...result.open].sort()).toEqual([...want.open].sort());
      for (const [k, v] of Object.entries(want.figures ?? {})) expect(rel(result.figures[k]!, v)).toBeLessThan(1e-9);
    });
  }

  it('the rules bind: without the group CA1 alone serves both dealers, without single sourcing C1 splits', async () => {
    const handle = await testHandle();
    // No group: CA1 alone, 100 + dA 10 x (1 + 1) + dB 10 x (5 + 1) = 180.
    const free = await solve(
      changed('groups.yaml', (d) => delete d.groups),
      { method: 'milp', handle },
    );
    expect(free.objective).toBeCloseTo(180, 9);
    expect(free.open).toEqual(['CA1']);
    // Split: C1 20 from S1 (20) + 5 from S2 (15); C2 10 from S2 (20): 55.
    const split = await solve(
      changed('single-source.yaml', (d) => delete (d.nodes as Record<string, unknown>[])[2]!.singleSource),
      { method: 'milp', handle },
    );
    expect(split.objective).toBeCloseTo(55, 9);
  });
});

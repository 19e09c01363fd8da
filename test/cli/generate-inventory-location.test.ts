import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const PAPER = `${ROOT}instances/network/inventory-location-paper-shape.json`;

describe('rlnd with the Phan et al. inventory-location network', () => {
  // --relax keeps this quick (the integer MILP of the same file is solved in paper-inventory-location.test.ts).
  it('solve --relax --json: optimal, one technology per open centre', async () => {
    const { stdout, code } = await rlnd('solve', PAPER, '--relax', '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ status: 'optimal', problem: 'network', method: 'milp' });
    expect(out.gap).toBeLessThan(1e-9);
    expect(out.open.length).toBeGreaterThan(0);
    const centres = out.open.map((label: string) => label.split(':')[0]);
    expect(new Set(centres).size).toBe(centres.length);
    for (const label of out.open) expect(label).toMatch(/^[RU]\d+:(low|high)$/);
  });

  it('generate writes a network, reproducible from its seed, of the requested size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-il-'));
    const a = join(dir, 'a.json');
    const args = [
      'generate',
      'inventory-location',
      '--customers',
      '3',
      '--repair',
      '2',
      '--periods',
      '2',
      '--seed',
      '7',
    ];
    expect((await rlnd(...args, '--out', a)).code).toBe(0);
    const again = (await rlnd(...args)).stdout;
    expect(again).toBe(readFileSync(a, 'utf8'));
    const data = JSON.parse(again);
    expect(data.problem).toBe('network');
    expect(data.periods).toBe(2);
    const count = (echelon: string): number =>
      data.nodes.filter((n: { echelon: string }) => n.echelon === echelon).length;
    expect([count('customer'), count('repair'), count('recycling'), count('plant')]).toEqual([3, 2, 2, 2]);
    expect(data.provenance.command).toBe(
      'rlnd generate inventory-location --customers 3 --repair 2 --recycling 2 --plants 2 --technologies 2 --batteries 2 --components 2 --periods 2 --seed 7',
    );
    expect((await rlnd('generate', 'inventory-location', '--seed', '8')).stdout).not.toBe(readFileSync(PAPER, 'utf8'));
  });

  it('verify on a small generated network: MILP agrees with enumeration, every row satisfied', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rlnd-il-')), 'small.json');
    const sizes = [
      '--customers',
      '1',
      '--repair',
      '2',
      '--recycling',
      '2',
      '--plants',
      '1',
      '--technologies',
      '1',
      '--batteries',
      '1',
      '--components',
      '1',
      '--periods',
      '2',
    ];
    expect((await rlnd('generate', 'inventory-location', ...sizes, '--seed', '3', '--out', file)).code).toBe(0);
    const { stdout, code } = await rlnd('verify', file, '--json');
    expect(code).toBe(0);
    const v = JSON.parse(stdout);
    expect(v.agree).toBe(true);
    expect(v.designsEnumerated).toBe(16); // (K + 1)^(R + U) = 2^4: each centre closed or open with the one technology
    expect(v.milp.rowsSatisfied).toBe(v.rows);
    expect(v.feasibleDesigns).toBe(9); // at least one repair and one recycling centre open: 3 x 3
  });
});

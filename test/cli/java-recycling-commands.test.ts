import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const option2 = `${ROOT}instances/java-recycling/java-option2.json`;


describe('java-recycling commands', () => {
  it('solve prints Tables 5, 7, 8, 9 and the feasibility figures', async () => {
    const { stdout, code } = await rlnd('solve', option2);
    expect(code).toBe(0);
    for (const part of ['(Table 5)', '(Table 7)', '(Table 8)', '(Table 9)', 'total profit', 'NPV', 'IRR', 'ROI', 'break-even']) expect(stdout).toContain(part);
  });

  it('load-distance ranks the cities over the island and per area', async () => {
    const { stdout, code } = await rlnd('load-distance', option2);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Area West/);
    expect(stdout).toMatch(/ {5}1 {2}Surabaya/);
  });

  it('techno-economics writes its CSV and SVG files; a bad horizon is a one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-java-'));
    const { code } = await rlnd('techno-economics', option2, '--out', dir, '--demand-changes', '0', '--investment-changes', '0,0.5');
    expect(code).toBe(0);
    for (const f of ['cash-flows.csv', 'indicators.csv', 'investment-sensitivity.csv', 'demand-sensitivity.csv', 'profit-vs-demand.svg', 'npv-vs-investment.svg', 'irr-vs-investment.svg', 'roi-vs-investment.svg']) {
      expect(existsSync(join(dir, f))).toBe(true);
    }
    expect(readFileSync(join(dir, 'investment-sensitivity.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    const bad = await rlnd('techno-economics', option2, '--out', dir, '--years', '0');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--years: a positive integer/);
  });
});

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const option2 = `${ROOT}instances/network/java-recycling-option2.json`;
const old = `${ROOT}instances/java-recycling/java-option2.json`;

describe('Kasy et al. study commands on the Java network', () => {
  it('solve prints the network report: profit, the open RF2 and RF3, revenue and metals produced', async () => {
    const { stdout, code } = await rlnd('solve', option2);
    expect(code).toBe(0);
    expect(stdout).toMatch(/recycling\s+RF2, RF3/);
    for (const part of ['profit', 'revenue', 'produced_Ni_kg', 'delivered_residue_kg']) expect(stdout).toContain(part);
  });

  it('an old java-recycling file is a one-line error naming rlnd convert, in solve and in the studies', async () => {
    for (const args of [
      ['solve', old],
      ['load-distance', old],
      ['techno-economics', old, '--out', tmpdir()],
    ]) {
      const { stderr, code } = await rlnd(...args);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(`${old}: problem: a problem kind among`);
      expect(stderr).toContain(
        `'java-recycling' is retired, rlnd convert ${old} --out <new>.json writes this file as a network`,
      );
    }
  });

  it('load-distance ranks the cities over the island and per area (cluster)', async () => {
    const { stdout, code } = await rlnd('load-distance', option2);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Area West/);
    expect(stdout).toMatch(/ {5}1 {2}Surabaya/);
  });

  it('techno-economics writes its CSV and SVG files; a bad horizon is a one-line error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-java-'));
    const { stdout, code } = await rlnd(
      'techno-economics',
      option2,
      '--out',
      dir,
      '--demand-changes',
      '0',
      '--investment-changes',
      '0,0.5',
    );
    expect(code).toBe(0);
    for (const part of ['NPV', 'IRR', 'ROI', 'break-even per period: Ni 15996.81 kg, Mn 14542.55 kg, Co 15996.81 kg'])
      expect(stdout).toContain(part);
    for (const f of [
      'cash-flows.csv',
      'indicators.csv',
      'investment-sensitivity.csv',
      'demand-sensitivity.csv',
      'profit-vs-demand.svg',
      'npv-vs-investment.svg',
      'irr-vs-investment.svg',
      'roi-vs-investment.svg',
    ]) {
      expect(existsSync(join(dir, f))).toBe(true);
    }
    expect(readFileSync(join(dir, 'investment-sensitivity.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
    const bad = await rlnd('techno-economics', option2, '--out', dir, '--years', '0');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--years: a positive integer/);
  });
});

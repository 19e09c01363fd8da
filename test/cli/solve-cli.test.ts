import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rlnd } from '../helpers/cli.js';
import { orlibPath, ROOT } from '../helpers/fixtures.js';

describe('rlnd solve', () => {
  it('prints the JSON contract for cap41 (CFLP optimum 1040444.375)', async () => {
    const { stdout, code } = await rlnd('solve', orlibPath('cap41'), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ objective: 1040444.375, status: 'optimal', method: 'milp', seed: 1, gap: 0 });
    for (const key of ['lowerBound', 'open', 'runtimeSeconds']) expect(out).toHaveProperty(key);
    // HiGHS's own objective and bound beside the recomputed objective, and no disagreement.
    expect(out.claimMismatch).toBe(false);
    expect(out.claimedObjective).toBeCloseTo(1040444.375, 3);
    expect(out.claimedBound).toBeLessThanOrEqual(out.claimedObjective + 1e-3);
    expect(out.open).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '11', '12', '13', '14']);
    expect(out.figures).toEqual({}); // facility location has no non-cost figures
  });

  it('puts non-cost figures (Jakarta: emissions, kg CO2) beside the cost parts in --json', async () => {
    const out = JSON.parse((await rlnd('solve', `${ROOT}instances/network/jakarta-rln.json`, '--json')).stdout);
    expect(Object.keys(out.figures)).toEqual(
      expect.arrayContaining(['emissionsProcessingKgCO2', 'emissionsTransportKgCO2', 'emissionsKgCO2']),
    );
    // The carbon tax part is the file's rate times the reported emissions (IDR 30 / kg CO2), and
    // processing dominates as in the paper's section 4.1.
    const rate = JSON.parse(readFileSync(`${ROOT}instances/network/jakarta-rln.json`, 'utf8')).carbonTax;
    expect(rate).toBe(30);
    expect(out.costParts.carbonTax).toBeCloseTo(rate * out.figures.emissionsKgCO2, 0);
    expect(out.figures.emissionsProcessingKgCO2).toBeGreaterThan(out.figures.emissionsTransportKgCO2);
    expect(out.claimMismatch).toBe(false);
    expect(out.claimedObjective).toBeCloseTo(out.objective, 0);
  });

  it('an old jakarta-rln file fails with one line naming rlnd convert', async () => {
    const { stderr, code } = await rlnd('solve', `${ROOT}instances/jakarta-rln/jakarta.json`, '--json');
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/'jakarta-rln' is retired, rlnd convert .*jakarta\.json --out <new>\.json/);
  });

  it('solves cap41 as UFLP to 932615.75', async () => {
    const out = JSON.parse((await rlnd('solve', orlibPath('cap41'), '--variant', 'uflp', '--json')).stdout);
    expect(out.objective).toBe(932615.75);
  });

  it('prints a readable summary with the cost split and site utilisation', async () => {
    const { stdout } = await rlnd('solve', orlibPath('cap61'));
    expect(stdout).toMatch(/fixed\s+[\d,]+/);
    expect(stdout).toMatch(/allocation\s+[\d,.]+/);
    expect(stdout).toContain('utilisation');
  });

  it('exports the MILP as an LP file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-'));
    const file = join(dir, 'cap41.lp');
    await rlnd('solve', orlibPath('cap41'), '--export-lp', file, '--json');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^Minimize/m);
    expect(text).toMatch(/^Binaries/m);
    expect(text.split('\n').every((l) => l.length <= 200)).toBe(true);
  });

  it('fails cleanly, without a stack trace, on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '2 2\n10 5\n10 oops\n4 1 2\n6 .5 3\n');
    const res = await rlnd('solve', bad);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(`rlnd: ${bad}: line 3: fixed cost of facility 2 as a number, got 'oops'`);
    const missing = await rlnd('solve', orlibPath('capa'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('pass --capacity N');
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits non-zero and says why for an infeasible instance', async () => {
    const res = await rlnd('solve', orlibPath('cap41'), '--variant', 'sscflp', '--json');
    expect(res.code).toBe(2);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'infeasible', objective: null });
    expect(JSON.parse(res.stdout).message).toMatch(/demands \d+, more than the largest site capacity 5000/);
  });
});

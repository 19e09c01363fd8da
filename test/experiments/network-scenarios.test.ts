import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/experiments/load-config.js';
import type { RunRecord, StochasticRecord } from '../../src/experiments/records.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { writeReport } from '../../src/report/write-report.js';
import { ROOT } from '../helpers/fixtures.js';

// A reduced experiments/network-scenarios.yaml (fewer scenarios and levels), run in a temp dir
// with the compiled workers (dist/: `npm test` builds first).
const dir = mkdtempSync(join(tmpdir(), 'rlnd-netscen-'));
const out = join(dir, 'out');
const shipped = parseYaml(readFileSync(`${ROOT}experiments/network-scenarios.yaml`, 'utf8')) as {
  instances: { file: string }[];
  scenarios: { stochastic: { parameters: Record<string, unknown> }[] };
};
const cfg = join(dir, 'net.yaml');
writeFileSync(
  cfg,
  `
name: net-reduced
output: ${out}
seeds: [1]
instances:
${shipped.instances.map((i) => `  - file: ${ROOT}${i.file}`).join('\n')}
methods: [milp]
reference: {timeLimit: 120}
scenarios:
  stochastic:
    - name: jakarta-risk
      count: 2
      seed: 7
      twoStage: true
      instances: [jakarta-rln]
      parameters: ${JSON.stringify(shipped.scenarios.stochastic[0]!.parameters)}
    - name: java-risk
      count: 3
      seed: 11
      twoStage: true
      instances: [java-recycling-option2]
      parameters: ${JSON.stringify(shipped.scenarios.stochastic[1]!.parameters)}
  sensitivity:
    - name: jakarta-packs
      parameter: supply@dealer
      values: [0.9, 1.0, 1.15]
      instances: [jakarta-rln]
    - name: java-capacity
      parameter: capacity@recycling
      values: [1.0, 1.4]
      instances: [java-recycling-option2]
`,
);

const jsonl = <T>(file: string): T[] =>
  readFileSync(join(out, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
/** A report CSV as rows of named cells (the bundled tables have no quoted commas). */
const csv = (file: string): Record<string, string>[] => {
  const [head, ...rows] = readFileSync(join(out, 'report', file), 'utf8')
    .trim()
    .split('\n');
  const keys = head!.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, k) => [keys[k]!, v])));
};

describe('network scenarios experiment (reduced)', () => {
  beforeAll(async () => {
    const s = await new ExperimentRun(await loadConfig(cfg), { threads: 2, out, shard: null }).run();
    expect(s.failed).toBe(0);
    await writeReport(out);
  }, 300_000);

  it('runs every scenario of both instances to optimality', () => {
    const runs = jsonl<RunRecord>('runs.jsonl');
    expect(runs).toHaveLength(2 + 2 + 3 + 3 + 2);
    for (const r of runs) expect(r.status, `${r.instance.label} ${r.scenario.id}`).toBe('optimal');
  });

  it('reports a stochastic row for each instance with WS <= RP <= EEV', () => {
    const rows = csv('stochastic.csv');
    expect(rows.map((r) => r.instance).sort()).toEqual(['jakarta-rln', 'java-recycling-option2']);
    for (const r of rows) {
      const [ws, rp, eev] = [Number(r.WS), Number(r.RP), Number(r.EEV)];
      expect(Number.isFinite(ws) && Number.isFinite(rp) && Number.isFinite(eev), JSON.stringify(r)).toBe(true);
      const tol = 1e-9 * Math.abs(ws);
      expect(ws).toBeLessThanOrEqual(rp + tol);
      expect(rp).toBeLessThanOrEqual(eev + tol);
    }
    const analyses = jsonl<StochasticRecord>('stochastic.jsonl');
    for (const a of analyses) expect(a.twoStage?.status, a.instance).toBe('optimal');
  });

  it('reports sensitivity rows for both instances; more packs never lower the Jakarta optimum', () => {
    const rows = csv('sensitivity.csv');
    const jakarta = rows
      .filter((r) => r.instance === 'jakarta-rln')
      .map((r) => ({ level: Number(r['level_supply@dealer']), cost: Number(r.meanObjective) }))
      .sort((a, b) => a.level - b.level);
    expect(jakarta.map((r) => r.level)).toEqual([0.9, 1.0, 1.15]);
    for (let k = 1; k < jakarta.length; k++) expect(jakarta[k]!.cost).toBeGreaterThanOrEqual(jakarta[k - 1]!.cost);
    // The nominal level is the published network optimum (issue 14).
    expect(jakarta[1]!.cost).toBeCloseTo(1_165_562_862_493.75, -1);
    const java = rows
      .filter((r) => r.instance === 'java-recycling-option2')
      .sort((a, b) => Number(a['level_capacity@recycling']) - Number(b['level_capacity@recycling']));
    expect(java.map((r) => r.open)).toEqual(['RF2 RF3', 'RF2']);
    // Larger plants can only help a profit model: its (minimised) objective cannot rise.
    expect(Number(java[1]!.meanObjective)).toBeLessThanOrEqual(Number(java[0]!.meanObjective));
    const md = readFileSync(join(out, 'report', 'report.md'), 'utf8');
    expect(md).toMatch(/## Stochastic scenarios/);
    expect(md).toMatch(/## Sensitivity/);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/experiments/load-config.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { saaBounds } from '../../src/experiments/saa.js';
import { writeReport } from '../../src/report/write-report.js';
import { saaInputs } from '../../src/experiments/saa-task.js';
import type { SaaRecord } from '../../src/experiments/saa-types.js';
import { testHandle } from '../helpers/fixtures.js';
import { SAA_PARAMETERS_YAML, writeSaaNetwork } from './saa-fixture.js';

// The experiment runs on the compiled worker (dist/experiments/run-worker.js): `npm test` builds first.
const dir = mkdtempSync(join(tmpdir(), 'rlnd-saa-run-'));
const net = writeSaaNetwork(dir);
const cfg = join(dir, 'saa.yaml');
writeFileSync(
  cfg,
  `
name: saa-tiny
instances: [${net}]
methods: [milp]
scenarios:
  nominal: false
  stochastic:
    - name: fl-saa
      method: saa
      n: [3, 5]
      replications: 3
      evaluation: 150
      seed: 7
      solver: milp${SAA_PARAMETERS_YAML}
`,
);

const lines = (out: string): SaaRecord[] =>
  readFileSync(join(out, 'stochastic.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as SaaRecord);
/** A record without what varies between identical runs (times, host), in key order. */
const settled = (rs: readonly SaaRecord[]) =>
  rs
    .map(({ phases: _p, runtimeSeconds: _r, host: _h, finishedAt: _f, ...r }) => r)
    .sort((a, b) => (a.key < b.key ? -1 : 1));

describe('SAA analyses in an experiment', () => {
  it('the same records with 1 and 2 threads; a rerun skips finished analyses and redoes a lost one', async () => {
    const config = await loadConfig(cfg);
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    const s1 = await new ExperimentRun(config, { threads: 1, out: one }).run();
    const s2 = await new ExperimentRun(config, { threads: 2, out: two }).run();
    expect(s1.stochastic).toBe(2);
    expect(s2.stochastic).toBe(2);
    const a = lines(one);
    expect(a.map((r) => [r.kind, r.block, r.n])).toEqual(
      expect.arrayContaining([
        ['saa', 'fl-saa', 3],
        ['saa', 'fl-saa', 5],
      ]),
    );
    expect(settled(lines(two))).toEqual(settled(a));
    for (const r of a) {
      expect(r.replicationBounds).toHaveLength(3);
      expect(r.gap.mean).toBeGreaterThanOrEqual(-1e-9 * r.upper.mean);
      expect(r.gapUpper).toBeGreaterThanOrEqual(r.gap.mean);
      expect(r.gapUpperRelative).toBeCloseTo(r.gapUpper / r.upper.mean, 12);
    }
    // WS <= RP <= EEV on the candidate sample of the smallest N only.
    const small = a.find((r) => r.n === 3)!;
    expect(a.find((r) => r.n === 5)!.values).toBeNull();
    expect(small.values!.vss).toBeGreaterThanOrEqual(-1e-6);
    expect(small.values!.evpi).toBeGreaterThanOrEqual(-1e-6);
    expect(small.values!.rp).toBeGreaterThanOrEqual(small.values!.ws - 1e-6);

    // The report: the bounds table per N, VSS / EVPI on the candidate sample, the bounds-vs-N plot.
    const rep = await writeReport(one, join(dir, 'report'), { html: true });
    expect(rep.files).toEqual(
      expect.arrayContaining(['saa.csv', 'saa-values.csv', 'saa-fl-saa-fl-5x12.svg', 'report.html']),
    );
    const csv = readFileSync(join(dir, 'report', 'saa.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toContain('lowerMean,lowerHalfWidth,upperMean,upperHalfWidth,gapMean,gapIntervalUpper');
    expect(csv[1]!.split(',').slice(0, 3)).toEqual(['fl-saa', 'fl-5x12', '3']);
    expect(csv[2]).toContain(String(a.find((r) => r.n === 5)!.upper.mean));
    const md = readFileSync(join(dir, 'report', 'report.md'), 'utf8');
    expect(md).toContain('## SAA bounds (95%)');
    expect(md).toContain('![SAA bounds vs N: fl-saa on fl-5x12](saa-fl-saa-fl-5x12.svg)');
    expect(readFileSync(join(dir, 'report', 'saa-values.csv'), 'utf8')).toContain(String(small.values!.vss));

    const again = await new ExperimentRun(config, { threads: 1, out: one }).run();
    expect(again.stochastic).toBe(0);
    expect(lines(one)).toHaveLength(2);
    // A lost line (an interrupted analysis) runs again, and only that one.
    writeFileSync(join(one, 'stochastic.jsonl'), `${JSON.stringify(a[0])}\n`);
    const redo = await new ExperimentRun(config, { threads: 1, out: one }).run();
    expect(redo.stochastic).toBe(1);
    expect(settled(lines(one))).toEqual(settled(a));
  }, 600_000);

  it('agrees with the library saaBounds on the same seed (its evaluation priced by scenario cuts)', async () => {
    const config = await loadConfig(cfg);
    const out = join(dir, 'lib');
    await new ExperimentRun(config, { threads: 1, out }).run();
    const rec = lines(out).find((r) => r.n === 5)!;
    const source = { file: net, text: readFileSync(net, 'utf8'), hash: 'x', options: {}, kind: 'network' };
    const { doc, factors } = saaInputs(source, config.saa![0]!.parameters);
    const lib = await saaBounds(doc, factors, {
      n: 5,
      replications: 3,
      evaluation: 150,
      seed: 7,
      handle: await testHandle(),
    });
    expect(rec.replicationBounds).toEqual(lib.lower.values);
    expect(rec.design).toEqual(lib.candidate);
    expect(rec.upper.mean).toBeCloseTo(lib.upper.mean, 6);
    expect(rec.upper.halfWidth).toBeCloseTo(lib.upper.halfWidth, 6);
    expect(rec.gapUpper).toBeCloseTo(lib.gapUpper, 6);
  }, 600_000);
});

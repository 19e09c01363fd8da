import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/experiments/load-config.js';
import { mergeResults } from '../../src/experiments/merge.js';
import { withoutTimings, type RunRecord, type StochasticRecord } from '../../src/experiments/records.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { writeReport } from '../../src/report/write-report.js';
import { ROOT, orlibPath } from '../helpers/fixtures.js';

// These tests run the compiled worker (dist/experiments/run-worker.js): `npm test` builds first.
const dir = mkdtempSync(join(tmpdir(), 'rlnd-exp-'));
const cfg = join(dir, 'tiny.yaml');
writeFileSync(
  cfg,
  `
name: tiny
output: ${join(dir, 'default-out')}
seeds: [1, 2]
instances:
  - file: ${orlibPath('cap41')}
  - file: ${orlibPath('cap71')}
    variant: uflp
methods: [milp]
scenarios:
  stochastic:
    - name: demand
      count: 2
      seed: 3
      seeds: [1]
      instances: [cap41]
      parameters:
        demand: {distribution: normal, mean: 1, sd: 0.1, per: item}
  sensitivity:
    - name: fixed
      parameter: fixedCost
      values: [0.9, 1.1]
      seeds: [1]
`,
);

const lines = (out: string, file = 'runs.jsonl'): string[] =>
  existsSync(join(out, file)) ? readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean) : [];

/** Records without the fields that vary between identical runs, sorted by id. */
function normalized(out: string): unknown[] {
  const runs = lines(out)
    .map((l) => JSON.parse(l) as RunRecord)
    .map(withoutTimings);
  const stoch = lines(out, 'stochastic.jsonl')
    .map((l) => JSON.parse(l) as StochasticRecord)
    .map(({ finishedAt: _f, host: _h, runtimeSeconds: _t, twoStage, ...rest }) => ({
      ...rest,
      twoStage: twoStage ? { ...twoStage, runtimeSeconds: 0 } : null,
    }));
  return [...runs.sort((a, b) => (a.runId < b.runId ? -1 : 1)), ...stoch];
}

async function runIn(out: string, threads: number, shard: { index: number; count: number } | null = null) {
  return new ExperimentRun(await loadConfig(cfg), { threads, out, shard }).run();
}

let reference: unknown[];

describe('experiment runner', () => {
  beforeAll(async () => {
    const s = await runIn(join(dir, 'one'), 1);
    expect(s.ran).toBe(2 * 2 + 2 + 2 * 2);
    expect(s.failed).toBe(0);
    reference = normalized(join(dir, 'one'));
  });

  it('records every run once, with gaps to the optimum (published for cap71 UFLP, solved for the rest)', () => {
    const recs = lines(join(dir, 'one')).map((l) => JSON.parse(l) as RunRecord);
    expect(new Set(recs.map((r) => r.runId)).size).toBe(10);
    for (const r of recs) {
      expect(r.status).toBe('optimal');
      expect(Math.abs(r.gapToOptimum!)).toBeLessThan(1e-9);
      expect(r.highs.version).toMatch(/^\d+\.\d+/);
    }
    const uflp = recs.find((r) => r.instance.label === 'cap71-uflp' && r.scenario.kind === 'nominal')!;
    expect(uflp.reference?.source).toBe('known');
    const stoch = lines(join(dir, 'one'), 'stochastic.jsonl').map((l) => JSON.parse(l) as StochasticRecord);
    expect(stoch).toHaveLength(1);
    expect(stoch[0]!.vss).not.toBeNull();
    expect(stoch[0]!.vss!).toBeGreaterThanOrEqual(-1e-6);
    expect(stoch[0]!.evpi!).toBeGreaterThanOrEqual(-1e-6);
  });

  it('gives the same results with 2 threads', async () => {
    await runIn(join(dir, 'two'), 2);
    expect(normalized(join(dir, 'two'))).toEqual(reference);
  });

  it('resumes after a kill: no partial line, nothing lost, same final results', async () => {
    const out = join(dir, 'killed');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/rlnd.js'), 'run', cfg, '--threads', '1', '--quiet', '--out', out],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const t0 = Date.now();
    while (lines(out).length === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const partial = lines(out).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(10);
    // A kill in the middle of a write would leave a line without its newline: simulate one.
    appendFileSync(join(out, 'runs.jsonl'), '{"experiment":"tiny","runId":"dead');
    const s = await runIn(out, 1);
    expect(s.skipped).toBe(partial);
    expect(readFileSync(join(out, 'runs.jsonl'), 'utf8').endsWith('\n')).toBe(true);
    expect(normalized(out)).toEqual(reference);
  });

  it('shards run separately and merged equal the whole run', async () => {
    const shards = [1, 2].map((i) => join(dir, 'shards', `${i}`));
    const a = await runIn(shards[0]!, 1, { index: 1, count: 2 });
    const b = await runIn(shards[1]!, 1, { index: 2, count: 2 });
    expect(a.runs + b.runs).toBe(10);
    const m = await mergeResults([...shards, shards[0]!], join(dir, 'merged'));
    expect(m.runs).toBe(10);
    expect(m.duplicates).toBe(a.runs);
    expect(normalized(join(dir, 'merged'))).toEqual(reference);
  });

  it('reports tables, CSV and SVG plots', async () => {
    const r = await writeReport(join(dir, 'one'));
    for (const f of [
      'report.md',
      'summary.csv',
      'runs.csv',
      'gap-box.svg',
      'gap-vs-time.svg',
      'sensitivity-fixed-cap41.svg',
      'sites-demand-cap41.svg',
      'stochastic.csv',
    ]) {
      expect(r.files).toContain(f);
    }
    const summary = readFileSync(join(r.dir, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary).toHaveLength(1 + 3);
    const svg = readFileSync(join(r.dir, 'gap-box.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(readFileSync(join(r.dir, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(11);
  });
});

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJsonlChecked } from '../../src/experiments/jsonl.js';
import { loadConfig } from '../../src/experiments/load-config.js';
import { mergeResults } from '../../src/experiments/merge.js';
import type { RunRecord } from '../../src/experiments/records.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { writeReport } from '../../src/report/write-report.js';

// The runner uses the compiled worker (dist/experiments/run-worker.js): `npm test` builds first.
const dir = mkdtempSync(join(tmpdir(), 'rlnd-corrupt-'));
const cfg = join(dir, 'c.yaml');
// A small instance with no published optimum, so its MILP reference is solved and cached.
const inst = join(dir, 'small.json');
writeFileSync(
  inst,
  JSON.stringify({
    sites: [
      { id: 'A', capacity: 10, fixedCost: 5 },
      { id: 'B', capacity: 10, fixedCost: 7 },
      { id: 'C', capacity: 6, fixedCost: 2 },
    ],
    customers: [
      { id: 'a', demand: 4 },
      { id: 'b', demand: 5 },
      { id: 'c', demand: 3 },
    ],
    cost: { matrix: { A: [1, 2, 3], B: [3, 1, 2], C: [2, 2, 1] } },
  }),
);
writeFileSync(
  cfg,
  `
name: c
seeds: [1, 2, 3]
instances:
  - file: ${inst}
methods: [{name: lagrangian, stop: iters=20}]
reference: {enabled: true}
`,
);

const lines = (file: string): string[] => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('readJsonlChecked', () => {
  it('names every line that is not a record, by line number', async () => {
    const f = join(dir, 'x.jsonl');
    writeFileSync(f, '{"runId":"a"}\n{"runId":\n\n42\n{"other":1}\n{"runId":"b"}\n{"runId":"c"');
    const { records, corrupt } = await readJsonlChecked<{ runId: string }>(f, { key: 'runId' });
    expect(records.map((r) => r.runId)).toEqual(['a', 'b']); // the unterminated last line is a killed write, dropped
    expect(corrupt.map((c) => [c.line, c.error.split(' ')[0]])).toEqual([
      [2, expect.any(String)],
      [4, 'not'],
      [5, 'no'],
    ]);
  });
});

describe('a corrupt line of runs.jsonl', () => {
  const out = join(dir, 'out');
  let clean: string[];

  beforeAll(async () => {
    const s = await new ExperimentRun(await loadConfig(cfg), { threads: 1, out }).run();
    expect(s.ran).toBe(3);
    clean = lines(join(out, 'runs.jsonl'));
  }, 120_000);

  it('is reported by report and merge with its line number, and counted', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'runs.jsonl'), `${clean[0]}\n{"runId": "x", truncated\n${clean[1]}\n${clean[2]}\n`);
    const report = await writeReport(broken);
    expect(report.runs).toBe(3);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatch(/runs\.jsonl: line 2: not a valid record/);
    const merged = await mergeResults([broken], join(dir, 'merged'));
    expect(merged.runs).toBe(3);
    expect(merged.corrupt).toBe(1);
    expect(merged.warnings[0]).toMatch(/runs\.jsonl: line 2: not a valid record/);
  });

  it('is moved to runs.corrupt.jsonl by rlnd run, and its run is run again', async () => {
    const runsFile = join(out, 'runs.jsonl');
    const victim = JSON.parse(clean[1]!) as RunRecord;
    // The middle record damaged in place (a disk error, a bad edit): the file is no longer valid JSON lines.
    writeFileSync(runsFile, `${clean[0]}\n${clean[1]!.slice(0, 40)}\n${clean[2]}\n`);
    const logs: string[] = [];
    const s = await new ExperimentRun(await loadConfig(cfg), { threads: 1, out, log: (m) => logs.push(m) }).run();
    expect(s.ran).toBe(1);
    expect(s.skipped).toBe(2);
    expect(
      logs.some((l) =>
        /runs\.jsonl: line 2: not a valid record .*moved to .*runs\.corrupt\.jsonl, its run will run again/.test(l),
      ),
    ).toBe(true);
    const after = lines(runsFile).map((l) => JSON.parse(l) as RunRecord);
    expect(after.map((r) => r.runId).sort()).toEqual(clean.map((l) => (JSON.parse(l) as RunRecord).runId).sort());
    expect(after.find((r) => r.runId === victim.runId)!.objective).toBe(victim.objective);
    const aside = lines(join(out, 'runs.corrupt.jsonl')).map((l) => JSON.parse(l) as { line: number; text: string });
    expect(aside).toEqual([expect.objectContaining({ line: 2, text: clean[1]!.slice(0, 40) })]);
  }, 120_000);

  it('a corrupt MILP cache file is discarded and the reference solved again', async () => {
    const cacheDir = join(out, 'milp-cache');
    const files = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
    expect(files.length).toBeGreaterThan(0);
    const cacheFile = join(cacheDir, files[0]!);
    const good = readFileSync(cacheFile, 'utf8');
    writeFileSync(cacheFile, '{"status": "optimal", "objecti');
    writeFileSync(join(out, 'runs.jsonl'), ''); // every run pending again, so the reference is needed
    const logs: string[] = [];
    const s = await new ExperimentRun(await loadConfig(cfg), { threads: 1, out, log: (m) => logs.push(m) }).run();
    expect(s.failed).toBe(0);
    expect(logs.some((l) => l.includes(`${cacheFile}: not a valid MILP reference; discarded`))).toBe(true);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).objective).toBe(JSON.parse(good).objective);
  }, 120_000);
});

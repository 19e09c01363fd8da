import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/experiments/load-config.js';
import { withoutTimings, type RunRecord } from '../../src/experiments/records.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { orlibPath } from '../helpers/fixtures.js';

describe('heuristic runs do not depend on the thread count', () => {
  it('ga and lagrangian with iteration stops give the same records on 1 and 2 threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rlnd-heur-'));
    const cfg = join(dir, 'h.yaml');
    writeFileSync(
      cfg,
      `
seeds: [1, 2]
instances: [${orlibPath('cap41')}]
methods:
  - {name: ga, params: {maxGenerations: 12, populationSize: 16}}
  - {name: lagrangian, params: {maxIterations: 60}}
`,
    );
    const read = (out: string) =>
      readFileSync(join(out, 'runs.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as RunRecord)
        .map(withoutTimings)
        .sort((a, b) => (a.runId < b.runId ? -1 : 1));
    for (const threads of [1, 2])
      await new ExperimentRun(await loadConfig(cfg), { threads, out: join(dir, `t${threads}`) }).run();
    const one = read(join(dir, 't1'));
    expect(one).toHaveLength(4);
    expect(one.every((r) => r.objective !== null && r.gapToOptimum !== null && r.gapToOptimum >= 0)).toBe(true);
    expect(read(join(dir, 't2'))).toEqual(one);
  });
});

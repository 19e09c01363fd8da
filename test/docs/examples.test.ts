import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designFrom } from '../../src/core/design.js';
import { buildNetwork, type NetworkSpec } from '../../src/api/network.js';
import { ROOT, testHandle } from '../helpers/fixtures.js';

const run = promisify(execFile);
const EXAMPLES = join(ROOT, 'docs', 'examples');
const CAP41 = 1_040_444.375;

// The examples run as a user runs them: compiled to JavaScript (types stripped; `npm run typecheck`
// checks them) in a folder whose node_modules/rlnd is this package, so `import ... from 'rlnd'`
// resolves through package.json `exports` to the built dist/ (npm test builds first).
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rlnd-examples-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'rlnd'), 'dir');
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.ts'))) {
    const js = ts.transpileModule(readFileSync(join(EXAMPLES, f), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
      fileName: f,
    }).outputText;
    writeFileSync(join(dir, f.replace(/\.ts$/, '.js')), js);
  }
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const example = async (name: string, ...args: string[]): Promise<string> =>
  (await run('node', [join(dir, `${name}.js`), ...args], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 })).stdout;
const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').at(-1)!) as T;

describe('docs/examples', () => {
  it('two-echelon.ts: the MILP is the cheapest of all 32 designs, priced one by one; the hybrid is no better', async () => {
    const out = lastJson<{
      document: NetworkSpec;
      sites: string[];
      milp: { status: string; objective: number; open: string[] };
      hybrid: { status: string; objective: number };
    }>(await example('two-echelon'));
    expect(out.sites).toEqual(['CC1', 'CC2', 'CC3', 'RP1', 'RP2']);
    expect(out.milp.status).toBe('optimal');
    // Independent of the MILP: price every design of the same document with the exact evaluator.
    const problem = buildNetwork(out.document);
    const h = await testHandle();
    let best = Infinity;
    for (let mask = 0; mask < 32; mask++) {
      const e = await problem.evaluate(
        h,
        designFrom(
          5,
          [0, 1, 2, 3, 4].filter((i) => mask & (1 << i)),
        ),
      );
      if (e.feasible) best = Math.min(best, e.cost);
    }
    expect(out.milp.objective).toBeCloseTo(best, 6);
    expect(out.hybrid.objective).toBeGreaterThanOrEqual(out.milp.objective - 1e-6);
  });

  it('sa-experiment.ts + results-table.ts: the SA plugin runs beside the hybrid on 2 threads; the table reads the records', async () => {
    const results = join(dir, 'sa-vs-hybrid');
    const summary = lastJson<{ ran: number; failed: number }>(await example('sa-experiment', results));
    expect(summary).toEqual({ ran: 4, failed: 0, outDir: results });
    const rows = lastJson<{ method: string; runs: number; meanObjective: number; worstGapPercent: number }[]>(
      await example('results-table', results),
    );
    expect(rows.map((r) => [r.method, r.runs])).toEqual([
      ['sa', 2],
      ['hybrid', 2],
    ]);
    for (const r of rows) {
      // Gaps are measured against the published optimum; no run beats it.
      expect(r.meanObjective).toBeGreaterThanOrEqual(CAP41 - 1e-6);
      expect(r.worstGapPercent).toBeGreaterThanOrEqual(0);
    }
    expect(rows.find((r) => r.method === 'hybrid')!.worstGapPercent).toBeLessThan(1);
    // 120 annealing steps over 16 sites land within a few percent (0.09 % when written).
    expect(rows.find((r) => r.method === 'sa')!.worstGapPercent).toBeLessThan(5);
  });
});

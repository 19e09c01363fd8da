import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, orlibPath } from '../helpers/fixtures.js';

const run = promisify(execFile);

/** Result JSON without timings. */
async function solveJson(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('node', [`${ROOT}bin/rlnd.js`, 'solve', ...args, '--json', '--flows'], { cwd: ROOT });
  const out = JSON.parse(stdout) as Record<string, unknown>;
  delete out.runtimeSeconds;
  return out;
}

describe('same seed => same result, whatever the number of worker threads', () => {
  it.each(['ga', 'hybrid'])('%s on cap81, threads 1 vs 2', async (method) => {
    const args = [orlibPath('cap81'), '--method', method, '--seed', '7', '--stop', 'iters=15'];
    const one = await solveJson(...args, '--threads', '1');
    const two = await solveJson(...args, '--threads', '2');
    expect(two).toEqual(one);
    const again = await solveJson(...args, '--threads', '2');
    expect(again).toEqual(one);
  });

  it('writes per-iteration statistics as CSV with --stats', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rlnd-')), 'stats.csv');
    await run(
      'node',
      [
        `${ROOT}bin/rlnd.js`,
        'solve',
        orlibPath('cap41'),
        '--method',
        'lagrangian',
        '--stop',
        'iters=30',
        '--stats',
        file,
      ],
      { cwd: ROOT },
    );
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('method,iteration,timeSeconds,upperBound,lowerBound,gap,step,evaluations');
    expect(lines.length).toBe(31);
    const last = lines.at(-1)!.split(',');
    expect(Number(last[4])).toBeLessThanOrEqual(Number(last[3]));
  });
});

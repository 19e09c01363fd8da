import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFlInstance } from '../../src/problems/facility-location/generator.js';
import { ROOT } from '../helpers/fixtures.js';

/** Starts `rlnd solve`, waits `afterMs`, sends `signal`, and collects what it printed and how it exited. */
function interrupt(
  args: string[],
  signal: NodeJS.Signals,
  afterMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string; exitMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [`${ROOT}bin/rlnd.js`, 'solve', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, afterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, exitMs: sentAt ? performance.now() - sentAt : -1 });
    });
  });
}

describe('rlnd solve on SIGINT / SIGTERM', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rlnd-int-'));
  // Large enough that neither search ends on its own within the test (no time limit given).
  const file = join(dir, 'fl-60x600.json');
  writeFileSync(
    file,
    JSON.stringify(
      generateFlInstance({ sites: 60, customers: 600, layout: 'clustered', clusters: 5, tightness: 1.5, seed: 4 }),
    ),
  );

  it('SIGINT during ga prints the best solution so far as the JSON contract and exits 130', async () => {
    const r = await interrupt([file, '--method', 'ga', '--threads', '1', '--json'], 'SIGINT', 6000);
    expect(r.code, r.stderr).toBe(130);
    expect(r.exitMs).toBeGreaterThan(0);
    expect(r.exitMs).toBeLessThan(5000);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('feasible');
    expect(out.message).toMatch(/^interrupted/);
    expect(out.objective).toBeGreaterThan(0);
    expect(out.open.length).toBeGreaterThan(0);
  }, 60_000);

  it('SIGTERM during hybrid prints the incumbent with its Lagrangian bound and exits 143', async () => {
    const r = await interrupt([file, '--method', 'hybrid', '--threads', '1', '--json'], 'SIGTERM', 6000);
    expect(r.code, r.stderr).toBe(143);
    const out = JSON.parse(r.stdout);
    expect(out.message).toMatch(/^interrupted/);
    expect(out.status).toBe('feasible');
    expect(out.lowerBound).not.toBeNull();
    expect(out.lowerBound).toBeLessThanOrEqual(out.objective);
  }, 60_000);

  it('SIGINT during one long MILP (capa-8000, no time limit) exits 130 at once, not when HiGHS returns', async () => {
    const r = await interrupt(
      ['instances/orlib-cap/capa.txt', '--capacity', '8000', '--method', 'milp', '--json'],
      'SIGINT',
      5000,
    );
    expect(r.code, r.stderr).toBe(130);
    // The MILP runs for minutes; the handler ran while HiGHS was still solving on its model thread.
    expect(r.exitMs).toBeLessThan(3000);
    const out = JSON.parse(r.stdout);
    expect(out.status).toBe('time_limit');
    expect(out.message).toMatch(/^interrupted/);
  }, 60_000);
});

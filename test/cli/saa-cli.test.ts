import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saaBounds } from '../../src/experiments/saa.js';
import { saaInputs } from '../../src/experiments/saa-task.js';
import type { SaaOutcome } from '../../src/experiments/saa-types.js';
import { rlnd } from '../helpers/cli.js';
import { testHandle } from '../helpers/fixtures.js';
import { writeSaaNetwork } from '../experiments/saa-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'rlnd-saa-cli-'));
const net = writeSaaNetwork(dir);
const factors = join(dir, 'factors.yaml');
writeFileSync(
  factors,
  `seed: 7
parameters:
  demand@customer: {distribution: uniform, low: 0.6, high: 1.4}
  demand@node:C1: {distribution: triangular, low: 0.8, mode: 1, high: 1.3, per: node}
`,
);
const sizes = ['--n', '4', '--replications', '3', '--evaluation', '40'];

describe('rlnd saa', () => {
  it('prints LB and UB with half-widths and the gap interval; --json gives the same figures on 2 threads', async () => {
    const text = await rlnd('saa', net, '--factors', factors, ...sizes, '--threads', '1');
    expect(text.code).toBe(0);
    const json = await rlnd('saa', net, '--factors', factors, ...sizes, '--threads', '2', '--json');
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { instance: string; analyses: SaaOutcome[] };
    expect(out.analyses).toHaveLength(1);
    const a = out.analyses[0]!;
    expect(a).toMatchObject({ n: 4, replications: 3, evaluation: 40, seed: 7, solver: { name: 'milp' } });
    const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 2 });
    expect(text.stdout).toContain(`lower bound  ${fmt(a.lower.mean)} +- ${fmt(a.lower.halfWidth)}`);
    expect(text.stdout).toContain(`upper bound  ${fmt(a.upper.mean)} +- ${fmt(a.upper.halfWidth)}`);
    expect(text.stdout).toMatch(
      new RegExp(`gap interval \\[0, ${fmt(a.gapUpper).replace(/[.]/g, '\\.')}\\] \\(95%, Mak-Morton-Wood\\)`),
    );
    expect(text.stdout).toContain(`candidate (optimal): ${a.open.join(', ')}`);
    // The library function draws the same samples and prices its evaluation another way (scenario cuts).
    const source = { file: net, text: readFileSync(net, 'utf8'), hash: 'x', options: {}, kind: 'network' };
    const { doc, factors: f } = saaInputs(source, {
      'demand@customer': { distribution: { type: 'uniform', low: 0.6, high: 1.4 }, per: 'shared' },
      'demand@node:C1': { distribution: { type: 'triangular', low: 0.8, mode: 1, high: 1.3 }, per: 'node' },
    });
    const lib = await saaBounds(doc, f, { n: 4, replications: 3, evaluation: 40, seed: 7, handle: await testHandle() });
    expect(a.replicationBounds).toEqual(lib.lower.values);
    expect(a.upper.mean).toBeCloseTo(lib.upper.mean, 6);
  }, 300_000);

  it('bad factors are one-line errors naming the file and the field', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'parameters:\n  demand@depot: {distribution: uniform, low: 0.9, high: 1.1}\n');
    const r = await rlnd('saa', net, '--factors', bad, ...sizes);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${bad}: parameters.demand@depot: scenario group demand@depot: 'depot' is no echelon`);
    writeFileSync(bad, 'parameters: {demand: {distribution: normal, mean: 1, sd: 0.1}}\nreplication: 3\n');
    const typo = await rlnd('saa', net, '--factors', bad, ...sizes);
    expect(typo.stderr).toContain(`${bad}: replication: a known key`);
    const flag = await rlnd('saa', net, '--factors', factors, '--replications', '1');
    expect(flag.code).not.toBe(0);
    expect(flag.stderr).toContain('--replications');
  }, 120_000);
});

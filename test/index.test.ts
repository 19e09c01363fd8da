import { describe, expect, it } from 'vitest';
import * as rlnd from '../src/index.js';
import { buildNetwork, loadProblem, NetworkBuilder, solve } from '../src/index.js';
import { orlibPath } from './helpers/fixtures.js';

// The S -> R -> C chain of the README: R opens (100) and 20 units pay 1 + 1 each, so 140.
const chain = (): NetworkBuilder =>
  new NetworkBuilder('chain', ['u'])
    .node({ id: 'S', echelon: 'source', supply: { u: 100 } })
    .node({ id: 'R', echelon: 'processor', fixedCost: 100, capacity: 30 })
    .node({ id: 'C', echelon: 'customer', demand: { u: 20 } })
    .arc({ from: 'S', to: 'R', unitCost: 1 })
    .arc({ from: 'R', to: 'C', unitCost: 1 });

describe('public API (src/index.ts)', () => {
  it('exports exactly the public runtime names', () => {
    expect(Object.keys(rlnd).sort()).toEqual(
      [
        'CLAIM_TOLERANCE',
        'InputError',
        'NetworkBuilder',
        'anyOf',
        'buildNetwork',
        'loadPlugins',
        'loadProblem',
        'maxIterations',
        'maxTime',
        'methodNames',
        'noImprovement',
        'parseStopping',
        'readRuns',
        'registerMethod',
        'runExperiment',
        'solve',
        'targetGap',
        'writeReport',
      ].sort(),
    );
  });

  it('loadProblem + solve: cap41 CFLP to its published optimum 1,040,444.375', async () => {
    const r = await solve(await loadProblem(orlibPath('cap41')));
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(1_040_444.375, 3);
  });

  it('a heuristic on 2 threads finds the same design as on 1 (the problem is rebuilt in the workers)', async () => {
    const p = await loadProblem(orlibPath('cap41'));
    const opts = { method: 'hybrid', seed: 2, stop: rlnd.maxIterations(5) } as const;
    const one = await solve(p, opts);
    const two = await solve(p, { ...opts, threads: 2 });
    expect(two.objective).toBe(one.objective);
    expect(two.open).toEqual(one.open);
  });

  it('NetworkBuilder: a network made in code solves to its hand-computed optimum', async () => {
    const r = await solve(chain().build());
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(140, 9);
    expect(r.open).toEqual(['R']);
  });

  it('buildNetwork validates with the file schema: unknown keys and bad values are one-line errors', () => {
    expect(() => buildNetwork({ ...chain().document(), minOpen: -1 })).toThrow(/chain\.json: minOpen/);
    expect(() =>
      chain()
        .node({ id: 'X', echelon: 'source', bogus: 1 } as never)
        .build(),
    ).toThrow(/^chain\.json: nodes\[3\] \(X\)\.bogus: a known key/);
  });

  it('threads > 1 on a problem the API did not make is an InputError, not a silent single thread', async () => {
    const p = chain().build();
    const copy = { ...p };
    await expect(solve(copy, { method: 'ga', threads: 2 })).rejects.toThrow(
      /threads: 2: a problem made by loadProblem/,
    );
    await expect(solve(p, { method: 'nope' })).rejects.toThrow(/method: nope: a method among milp/);
    await expect(solve(p, { method: 'ga', stop: 'bogus=1' })).rejects.toThrow(rlnd.InputError);
  });
});

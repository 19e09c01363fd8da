import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadPlugins } from '../../src/parallel/plugins.js';
import { methodNames } from '../../src/methods/registry.js';
import { rlnd } from '../helpers/cli.js';
import { orlibPath, ROOT } from '../helpers/fixtures.js';

// A plugin as a user writes it: plain ESM JavaScript outside rlnd, importing nothing from it.
// Greedy drop in a seeded random order, so different seeds give different (reproducible) runs.
const DROP = `
export const randomDrop = {
  name: 'random-drop',
  description: 'greedy drop in a seeded random order (test plugin)',
  unsupported: (problem) => (problem.space.groups.length > 0 ? 'design groups' : null),
  async run(ctx) {
    const n = ctx.problem.space.size;
    let s = (ctx.seed * 7919 + 1) % 2147483647;
    const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const order = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let design = new Uint8Array(n).fill(1);
    let best = await ctx.problem.evaluate(ctx.handle, design);
    for (const i of order) {
      const d = Uint8Array.from(design);
      d[i] = 0;
      const e = await ctx.problem.evaluate(ctx.handle, d);
      if (e.feasible && e.cost < best.cost) [design, best] = [d, e];
    }
    return { status: 'feasible', design, flows: best.flows, claimedObjective: best.cost, lowerBound: null, stats: [], options: {} };
  },
};
`;

const dir = mkdtempSync(join(tmpdir(), 'rlnd-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const drop = file('drop.mjs', DROP);
const config = (name: string, plugins: string[]): string =>
  file(
    `${name}.yaml`,
    [
      `name: ${name}`,
      `output: ${join(dir, name)}`,
      'seeds: [1, 2, 3]',
      `instances: [${orlibPath('cap41')}]`,
      'methods: [random-drop, milp]',
      'reference: false',
      ...(plugins.length > 0 ? [`plugins: [${plugins.join(', ')}]`] : []),
    ].join('\n'),
  );
type Rec = { runId: string; objective: number; open: string[]; status: string; method: { name: string } };
const records = (name: string): Rec[] =>
  readFileSync(join(dir, name, 'runs.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Rec)
    .sort((a, b) => (a.runId < b.runId ? -1 : 1));

describe('plugins', () => {
  it('a missing file, a module that does not import, or one exporting no method: one-line InputErrors', async () => {
    await expect(loadPlugins(['./no-such-plugin.js'])).rejects.toThrow(
      /^--plugin: \.\/no-such-plugin\.js: an existing plugin module \(no file at .*no-such-plugin\.js\)$/,
    );
    const empty = file('empty.mjs', 'export const answer = 42;\nexport default { name: "x" };\n');
    await expect(loadPlugins([empty], 'cfg.yaml')).rejects.toThrow(
      /^cfg\.yaml: .*empty\.mjs: an ES module exporting a method \(an object with name, description/,
    );
    const broken = file('broken.mjs', 'export const = ;\n');
    await expect(loadPlugins([broken])).rejects.toThrow(/broken\.mjs: a loadable ES module .*import failed: /);
    const clash = file('clash.mjs', DROP.replace("'random-drop'", "'milp'"));
    await expect(loadPlugins([clash])).rejects.toThrow(/methods with new names \(milp is a built-in method\)/);
    for (const e of [empty, broken, clash])
      await loadPlugins([e]).catch((err: Error) => expect(err.message).not.toMatch(/\n/));
    expect(methodNames()).not.toContain('x');
  });

  it('registers the exported methods once, however often the module is named', async () => {
    const added = await loadPlugins([drop, drop]);
    expect(added.map((m) => m.name)).toEqual(['random-drop']);
    expect(await loadPlugins([drop])).toEqual([]);
    expect(methodNames()).toContain('random-drop');
  });

  it('rlnd solve --plugin: the plugin method solves cap41 (objective recomputed and checked by solve)', async () => {
    const out = await rlnd('solve', orlibPath('cap41'), '--plugin', drop, '--method', 'random-drop', '--json');
    expect(out.code, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout) as { status: string; objective: number; method: string };
    expect(r.method).toBe('random-drop');
    expect(r.status).toBe('feasible');
    expect(r.objective).toBeGreaterThanOrEqual(1_040_444.375 - 1e-6);
    const bad = await rlnd('solve', orlibPath('cap41'), '--plugin', join(dir, 'missing.js'), '--method', 'random-drop');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--plugin: .*missing\.js: an existing plugin module/);
  });

  it('rlnd run --threads 2: a plugin method runs in the pool workers with the same records as on 1 thread', async () => {
    // The config names its plugin relative to itself; the other run names it with --plugin.
    const two = await rlnd('run', config('two', ['./drop.mjs']), '--threads', '2', '--quiet');
    expect(two.code, two.stderr).toBe(0);
    const one = await rlnd('run', config('one', []), '--plugin', drop, '--threads', '1', '--quiet');
    expect(one.code, one.stderr).toBe(0);
    const a = records('two');
    const b = records('one');
    expect(a).toHaveLength(6);
    const plugged = a.filter((r) => r.method.name === 'random-drop');
    expect(plugged.map((r) => r.status)).toEqual(['feasible', 'feasible', 'feasible']);
    expect(a.map((r) => [r.runId, r.status, r.objective, r.open])).toEqual(
      b.map((r) => [r.runId, r.status, r.objective, r.open]),
    );
    // Seeds matter: the three random orders do not all end in one design (else the test proves little).
    expect(new Set(plugged.map((r) => r.open.join())).size).toBeGreaterThan(1);
  });

  it('rlnd run without the plugin: the unknown method is a one-line config error', async () => {
    const out = await rlnd('run', file('none.yaml', readFileSync(config('x', []), 'utf8')), '--dry-run');
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/none\.yaml: methods\[0\]\.name: a registered method/);
  });

  // An accelerator plugin: chosen by structure (one product, no periods, exactly three nodes), it
  // keeps the generic pricing and marks the problem's name, so the result shows it was applied.
  const ACCEL = `
export const marked = {
  name: 'three-node-marker',
  supports: (inst) => (inst.nodes.length === 3 ? null : 'not three nodes'),
  apply: (inst, generic) => ({ ...generic, name: generic.name + ' [three-node-marker]' }),
};
`;
  it('rlnd solve --plugin with a network accelerator: tried before the built-in ones, same optimum, also in pool workers', async () => {
    const accel = file('accel.mjs', ACCEL);
    const contract = `${ROOT}docs/examples/network/contract.json`;
    for (const extra of [[], ['--method', 'ga', '--threads', '2', '--seed', '1']]) {
      const res = await rlnd('solve', contract, '--plugin', accel, '--json', '--quiet', ...extra);
      expect(res.code, res.stderr).toBe(0);
      const out = JSON.parse(res.stdout);
      expect(out.instance).toContain('[three-node-marker]');
      expect(out.objective).toBe(37829);
    }
    // Without the plugin the same file is the plain network.
    const plain = JSON.parse((await rlnd('solve', contract, '--json', '--quiet')).stdout);
    expect(plain.instance).not.toContain('[three-node-marker]');
  });

  it('an accelerator plugin taking a built-in name, or a module with neither kind, is a one-line error', async () => {
    const clash = file('accel-clash.mjs', ACCEL.replace("'three-node-marker'", "'facility-location'"));
    await expect(loadPlugins([clash])).rejects.toThrow(/facility-location is a built-in accelerator/);
    const empty = file('accel-empty.mjs', 'export const x = 1;\n');
    await expect(loadPlugins([empty])).rejects.toThrow(/a method .* or a network accelerator/);
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixtures.js';

const run = promisify(execFile);
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};

/** Links a package of this checkout into the consumer's node_modules (unless it has one). */
function link(dep: string): void {
  const to = join(consumer, 'node_modules', dep);
  if (existsSync(to)) return;
  mkdirSync(join(to, '..'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', dep), to, 'dir');
}

// What a new user does: pack rlnd, install the tarball into an empty project, import it.
let dir = '';
let consumer = '';
let installedBy = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rlnd-pack-'));
  consumer = join(dir, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), '{"name": "consumer", "private": true, "type": "module"}\n');
  // dist/ is built by npm test; packing does not rebuild it (prepare would take as long as the rest).
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT });
  const tarball = join(dir, `rlnd-${PKG.version}.tgz`);
  try {
    // With the dependencies in the npm cache (after `npm ci`), a real install of the tarball.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
      cwd: consumer,
      timeout: 60_000,
    });
    installedBy = 'npm install --offline';
  } catch {
    // Not all in the cache: unpack the tarball as npm would and link rlnd's dependencies from this
    // checkout's node_modules (the package's own files are still exactly the packed ones).
    rmSync(join(consumer, 'node_modules'), { recursive: true, force: true });
    mkdirSync(join(consumer, 'node_modules', 'rlnd'), { recursive: true });
    await run('tar', ['-xzf', tarball, '-C', join(consumer, 'node_modules', 'rlnd'), '--strip-components=1']);
    for (const dep of Object.keys(PKG.dependencies)) link(dep);
    installedBy = 'tarball unpacked, dependencies linked';
  }
  // The TypeScript consumer's own dev dependency.
  link('@types/node');
  console.log(`pack test: rlnd installed by ${installedBy}`);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('ships dist/ with declarations, not the sources or tests', () => {
    const root = join(consumer, 'node_modules', 'rlnd');
    expect(existsSync(join(root, 'dist', 'index.js'))).toBe(true);
    expect(existsSync(join(root, 'dist', 'index.d.ts'))).toBe(true);
    expect(existsSync(join(root, 'instances', 'orlib-cap', 'cap41.txt'))).toBe(true);
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(existsSync(join(root, 'test'))).toBe(false);
  });

  it('plain Node ESM: import { loadProblem, solve } from "rlnd" solves cap41 to 1,040,444.375; internals are not exported', async () => {
    writeFileSync(
      join(consumer, 'solve.mjs'),
      [
        "import { loadProblem, solve } from 'rlnd';",
        "const p = await loadProblem('node_modules/rlnd/instances/orlib-cap/cap41.txt');",
        'const r = await solve(p);',
        'console.log(JSON.stringify({ status: r.status, objective: r.objective }));',
        "const internal = await import('rlnd/dist/solve.js').then(() => 'importable', (e) => e.code);",
        'console.log(internal);',
      ].join('\n'),
    );
    const { stdout } = await run('node', ['solve.mjs'], { cwd: consumer });
    const [result, internal] = stdout.trim().split('\n');
    const r = JSON.parse(result!) as { status: string; objective: number };
    expect(r.status).toBe('optimal');
    expect(r.objective).toBeCloseTo(1_040_444.375, 3);
    expect(internal).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  it('TypeScript: a consumer type-checks against the shipped declarations (a misspelt option is an error)', async () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: ['node'],
          // The declarations' own consistency is tsc's at build time; this checks the consumer's use.
          skipLibCheck: true,
        },
        include: ['*.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { buildNetwork, loadProblem, maxIterations, registerMethod, solve, type Method, type Result } from 'rlnd';

const none: Method = {
  name: 'all-open',
  description: 'opens every site',
  unsupported: () => null,
  async run(ctx) {
    const design = new Uint8Array(ctx.problem.space.size).fill(1);
    const e = await ctx.problem.evaluate(ctx.handle, design);
    return { status: 'feasible', design, flows: e.flows, claimedObjective: e.cost, lowerBound: null, stats: [], options: {} };
  },
};
registerMethod(none);
const p = await loadProblem('node_modules/rlnd/instances/orlib-cap/cap41.txt');
const r: Result = await solve(p, { method: 'all-open', seed: 1, stop: maxIterations(10) });
const objective: number | null = r.objective;
const net = buildNetwork({
  name: 'n',
  products: ['u'],
  nodes: [
    { id: 'S', echelon: 'source', supply: { u: 10 } },
    { id: 'C', echelon: 'customer', demand: { u: 5 } },
  ],
  arcs: [{ from: 'S', to: 'C', unitCost: 1 }],
});
const flows = (await solve(net)).flows;
console.log(objective, flows?.arcs.length);
// @ts-expect-error: solve's options are typed (a misspelt key is an error, not ignored)
await solve(p, { methd: 'milp' });
`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const ok = await run('node', [tsc, '-p', '.'], { cwd: consumer }).then(
      () => '',
      (e: { stdout: string }) => e.stdout,
    );
    // Also proves the declarations are typed: were they \`any\`, the @ts-expect-error would be unused (an error).
    expect(ok).toBe('');
  });
});

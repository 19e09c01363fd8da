import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../core/errors.js';
import { parseStopping } from '../core/stopping.js';
import { validate } from '../core/validation.js';
import { loadPlugins } from '../parallel/plugins.js';
import { getMethod, methodNames } from '../methods/registry.js';
import type { LoadOptions } from '../problems/problem-kind.js';
import { Field } from '../core/fields.js';
import type {
  BlockScope,
  ExperimentConfig,
  InstanceEntry,
  MethodEntry,
  ParameterDraw,
  SensitivityBlock,
  StochasticBlock,
} from './config-types.js';
import { readDistribution } from './distributions.js';
import { generateFromConfig } from './generators.js';
import { readParetoBlocks } from './pareto-block.js';
import { isSaaBlock, readSaaBlock } from './saa-block.js';

/** Most runs one experiment may expand to (shard a larger study into several configs). */
export const MAX_RUNS = 1_000_000;

/** Scenarios of one sensitivity block: the product of its axes' value counts. */
function sensitivityCount(b: SensitivityBlock): number {
  return b.axes.reduce((p, a) => p * a.values.length, 1);
}

/**
 * Counts the runs a config expands to (each scenario x the instances, methods and seeds in its
 * block's scope) before any run list is built, and fails with the count past {@link MAX_RUNS}.
 */
function checkRunCount(
  root: Field,
  c: {
    seeds: readonly number[];
    instances: readonly string[];
    methods: readonly string[];
    nominal: boolean;
    stochastic: readonly StochasticBlock[];
    sensitivity: readonly SensitivityBlock[];
  },
): void {
  const triples = (s: BlockScope | null): number =>
    (s?.instances?.length ?? c.instances.length) *
    (s?.methods?.length ?? c.methods.length) *
    (s?.seeds?.length ?? c.seeds.length);
  const parts: [string, number][] = [];
  if (c.nominal) parts.push(['nominal', triples(null)]);
  for (const b of c.stochastic) parts.push([`stochastic ${b.name}`, b.count * triples(b)]);
  for (const b of c.sensitivity) parts.push([`sensitivity ${b.name}`, sensitivityCount(b) * triples(b)]);
  const total = parts.reduce((a, [, n]) => a + n, 0);
  if (total > MAX_RUNS) {
    const fmt = (n: number): string => n.toLocaleString('en-US');
    throw new InputError(
      root.file,
      'runs',
      `at most ${fmt(MAX_RUNS)} runs in one experiment; this config would expand to ${fmt(total)} runs (${parts.map(([k, n]) => `${k}: ${fmt(n)}`).join(', ')}); split it into several configs or fewer seeds/scenarios`,
    );
  }
}

const TOP_KEYS = [
  'name',
  'description',
  'output',
  'seeds',
  'replications',
  'timeLimit',
  'instances',
  'methods',
  'reference',
  'scenarios',
  'plugins',
  'pareto',
];

/** Reads and validates an experiment config (YAML or JSON); errors name the file, key path and expectation. */
export async function loadConfig(file: string): Promise<ExperimentConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      file,
      'file',
      `a readable experiment config (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  const data = parseConfigText(text, file);
  await loadPlugins(pluginPaths(data, file), file);
  return configFromData(data, file);
}

/**
 * A config given as data (an object as the YAML would hold), named `file` in messages: its
 * plugins are loaded, then it is validated like a file. Its text is kept to be copied beside the results.
 */
export async function configFromObject(data: unknown, file: string): Promise<ExperimentConfig> {
  await loadPlugins(pluginPaths(data, file), file);
  return { ...configFromData(data, file), text: `${JSON.stringify(data, null, 2)}\n` };
}

/** The config's `plugins`, as absolute paths (written relative to the config file). */
function pluginPaths(data: unknown, file: string): string[] {
  const f = new Field(file, '', data);
  if (typeof data !== 'object' || data === null || !f.at('plugins').present) return [];
  return f
    .at('plugins')
    .list((p) => p.string())
    .map((p) => resolve(dirname(file), p));
}

function parseConfigText(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (err) {
    throw new InputError(file, 'syntax', `valid YAML/JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

/**
 * Same as {@link loadConfig} for text in memory (its plugins must be loaded already, e.g. by
 * `loadPlugins`: methods are looked up by name).
 */
export function configFromText(text: string, file: string): ExperimentConfig {
  return configFromData(parseConfigText(text, file), file);
}

function configFromData(data: unknown, file: string): ExperimentConfig {
  const root = new Field(file, '', data).object(TOP_KEYS);
  const name = root.at('name').present ? root.at('name').string() : basename(file).replace(/\.[^.]*$/, '');
  if (!/^[A-Za-z0-9._-]+$/.test(name))
    root.at('name').fail('a name of letters, digits, ., _ and - (it names the output folder)');
  const seeds = readSeeds(root);
  const timeLimit = root.at('timeLimit').present ? root.at('timeLimit').number({ positive: true }) : null;
  const instances = root.at('instances').items().flatMap(readInstances);
  if (instances.length === 0) root.at('instances').fail('at least one instance');
  // A config of fronts only (a pareto block) needs no methods.
  const fronts = root.at('pareto').present && !root.at('methods').present;
  const methods = fronts
    ? []
    : root
        .at('methods')
        .items()
        .map((f) => readMethod(f, timeLimit));
  if (methods.length === 0 && !fronts) root.at('methods').fail('at least one method');
  const labels = new Set<string>();
  methods.forEach((m, i) => {
    if (labels.has(m.label)) root.at('methods').at(i).fail(`a unique label (${m.label} is used twice; add label: ...)`);
    labels.add(m.label);
  });
  const ref = root.at('reference');
  let reference: ExperimentConfig['reference'] = { enabled: true, timeLimit: 600 };
  if (ref.present) {
    if (typeof ref.value === 'boolean') reference = { enabled: ref.value, timeLimit: 600 };
    else {
      ref.object(['enabled', 'timeLimit']);
      reference = {
        enabled: ref.at('enabled').present ? ref.at('enabled').boolean() : true,
        timeLimit: ref.at('timeLimit').present ? ref.at('timeLimit').number({ positive: true }) : 600,
      };
    }
  }
  const sc = root.at('scenarios');
  if (sc.present) sc.object(['nominal', 'stochastic', 'sensitivity']);
  const scope = { labels: [...labels], seeds, instances: instances.map((i) => i.label) };
  const stochItems = sc.at('stochastic').present ? sc.at('stochastic').items() : [];
  const stochastic = stochItems.filter((f) => !isSaaBlock(f)).map((f) => readStochastic(f, scope));
  const saa = stochItems.filter(isSaaBlock).map((f) => readSaaBlock(f, scope.instances));
  const sensitivity = sc.at('sensitivity').present
    ? sc
        .at('sensitivity')
        .items()
        .map((f) => readSensitivity(f, scope))
    : [];
  const blockNames = new Set<string>();
  [...stochastic, ...sensitivity, ...saa].forEach((b) => {
    if (blockNames.has(b.name)) sc.fail(`unique scenario block names (${b.name} is used twice)`);
    blockNames.add(b.name);
  });
  checkRunCount(root, {
    seeds,
    instances: instances.map((i) => i.label),
    methods: [...labels],
    nominal: sc.at('nominal').present ? sc.at('nominal').value === true : true,
    stochastic,
    sensitivity,
  });
  return {
    file,
    plugins: pluginPaths(data, file),
    name,
    output: root.at('output').present ? root.at('output').string() : join('results', name),
    seeds,
    instances,
    methods,
    reference,
    nominal: sc.at('nominal').present ? sc.at('nominal').boolean() : true,
    stochastic,
    sensitivity,
    pareto: readParetoBlocks(root.at('pareto'), { instances: instances.map((i) => i.label), seeds }),
    saa,
  };
}

function readSeeds(root: Field): number[] {
  if (root.at('seeds').present && root.at('replications').present)
    root.at('replications').fail('either seeds or replications, not both');
  if (root.at('replications').present) {
    const n = root.at('replications').number({ integer: true, positive: true });
    // Checked before the seed list is allocated (10^9 replications ran V8 out of memory, even with --dry-run).
    if (n > MAX_RUNS)
      root
        .at('replications')
        .fail(
          `at most ${MAX_RUNS.toLocaleString('en-US')} runs in one experiment; replications: ${n.toLocaleString('en-US')} would expand to at least ${n.toLocaleString('en-US')} runs`,
        );
    return Array.from({ length: n }, (_, i) => i + 1);
  }
  if (!root.at('seeds').present) return [1];
  const seeds = root.at('seeds').list((f) => f.number({ integer: true, min: 0 }));
  if (new Set(seeds).size !== seeds.length) root.at('seeds').fail('distinct seeds');
  return seeds;
}

/** Simple glob on the last path component (`*`, `?`), sorted; Node 20 has no fs.glob. */
export function expandGlob(pattern: string): string[] {
  const dir = dirname(pattern);
  const re = new RegExp(
    `^${basename(pattern)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => re.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function readInstances(f: Field): InstanceEntry[] {
  if (typeof f.value === 'string') return readInstances(new Field(f.file, f.path, { file: f.value }));
  f.object(['file', 'glob', 'variant', 'capacity', 'group', 'generator', 'seed', 'params', 'label']);
  if (f.at('generator').present) {
    if (f.at('file').present || f.at('glob').present) f.fail('an entry with one of file, glob or generator');
    // Labels and names are stable (kind, seed, label) so the instance and run ids are too.
    const seeds = f.at('seed').present ? f.at('seed').list((s) => s.number({ integer: true, min: 0 })) : [1];
    return seeds.map((seed) => {
      const base = f.at('label').present ? f.at('label').string() : `${String(f.at('generator').value)}`;
      const label = `${base}-s${seed}`;
      const g = generateFromConfig(new Field(f.file, f.path, { ...(f.value as object), seed }), label);
      return {
        file: `generated/${label}.json`,
        label,
        group: f.at('group').present ? f.at('group').string() : g.kind,
        options: {},
        text: g.text,
      };
    });
  }
  if (f.at('seed').present || f.at('params').present || f.at('label').present)
    f.fail('seed, params and label only with generator');
  if (f.at('file').present === f.at('glob').present) f.fail('an entry with exactly one of file or glob');
  let files: string[];
  if (f.at('file').present) {
    const file = f.at('file').string();
    if (!existsSync(file) || !statSync(file).isFile())
      f.at('file').fail('an existing instance file (paths are relative to the working directory)');
    files = [file];
  } else {
    files = expandGlob(f.at('glob').string());
    if (files.length === 0)
      f.at('glob').fail('a pattern matching at least one file (relative to the working directory)');
  }
  const variants: (string | undefined)[] = f.at('variant').present
    ? f.at('variant').list((v) => v.string())
    : [undefined];
  const capacities: (number | undefined)[] = f.at('capacity').present
    ? f.at('capacity').list((v) => v.number({ positive: true }))
    : [undefined];
  const out: InstanceEntry[] = [];
  for (const file of files) {
    for (const variant of variants) {
      for (const capacity of capacities) {
        const options: LoadOptions = {
          ...(variant !== undefined ? { variant } : {}),
          ...(capacity !== undefined ? { capacity } : {}),
        };
        const base = basename(file).replace(/\.[^.]*$/, '');
        const label = [
          base,
          ...(capacity !== undefined ? [String(capacity)] : []),
          ...(variant !== undefined ? [variant] : []),
        ].join('-');
        out.push({
          file,
          label,
          group: f.at('group').present ? f.at('group').string() : basename(dirname(file)),
          options,
        });
      }
    }
  }
  return out;
}

function readMethod(f: Field, defaultTime: number | null): MethodEntry {
  if (typeof f.value === 'string') return readMethod(new Field(f.file, f.path, { name: f.value }), defaultTime);
  f.object(['name', 'label', 'timeLimit', 'stop', 'params']);
  const known = methodNames();
  const name =
    f.at('name').present && typeof f.at('name').value === 'string' && known.includes(f.at('name').value as string)
      ? (f.at('name').value as string)
      : f.at('name').fail(`a registered method: one of ${known.join(', ')}`);
  const stop = f.at('stop').present ? f.at('stop').string() : null;
  if (stop !== null) {
    try {
      parseStopping(stop, f.file);
    } catch (err) {
      f.at('stop').fail(`a stopping rule like time=5,stall=50 (${(err as Error).message})`);
    }
  }
  const params = f.at('params').plain();
  const declared = getMethod(name).parameters;
  if (declared) validate(declared, params, f.file, f.at('params').path);
  return {
    label: f.at('label').present ? f.at('label').string() : name,
    name,
    params,
    timeLimit: f.at('timeLimit').present ? f.at('timeLimit').number({ positive: true }) : defaultTime,
    stop,
  };
}

interface Scope {
  labels: string[];
  seeds: readonly number[];
  instances: string[];
}

function readScope(f: Field, scope: Scope): BlockScope {
  const subset = (key: string, known: readonly (string | number)[], what: string): (string | number)[] | null => {
    const g = f.at(key);
    if (!g.present) return null;
    return g.list((x) => {
      const v = typeof x.value === 'number' ? x.value : x.string();
      if (!known.includes(v)) x.fail(`${what} among ${known.join(', ')}`);
      return v;
    });
  };
  return {
    methods: subset('methods', scope.labels, 'a method label') as string[] | null,
    seeds: subset('seeds', scope.seeds, 'a seed of the experiment') as number[] | null,
    instances: subset('instances', scope.instances, 'an instance label') as string[] | null,
  };
}

const SCOPE_KEYS = ['methods', 'seeds', 'instances'];

function readStochastic(f: Field, scope: Scope): StochasticBlock {
  f.object(['name', 'count', 'seed', 'parameters', 'twoStage', ...SCOPE_KEYS]);
  const parameters: Record<string, ParameterDraw> = {};
  const pf = f.at('parameters');
  if (typeof pf.value !== 'object' || pf.value === null || Array.isArray(pf.value))
    pf.fail('an object: parameter group -> distribution');
  for (const key of Object.keys(pf.value as object)) {
    const g = pf.at(key);
    parameters[key] = {
      distribution: readDistribution(g, ['per']),
      per: g.at('per').present ? g.at('per').oneOf(['item', 'shared'] as const) : 'shared',
    };
  }
  if (Object.keys(parameters).length === 0) pf.fail('at least one parameter group (e.g. demand)');
  return {
    name: f.at('name').string(),
    count: f.at('count').number({ integer: true, positive: true, max: MAX_RUNS }),
    seed: f.at('seed').present ? f.at('seed').number({ integer: true, min: 0 }) : 1,
    parameters,
    twoStage: f.at('twoStage').present ? f.at('twoStage').boolean() : true,
    ...readScope(f, scope),
  };
}

function readValues(f: Field): number[] {
  if (Array.isArray(f.value)) {
    const values = f.items().map((x) => x.number({ min: 0 }));
    if (values.length === 0) f.fail('at least one multiplier');
    return values;
  }
  f.object(['from', 'to', 'step']);
  const from = f.at('from').number({ min: 0 });
  const to = f.at('to').number({ min: from });
  const step = f.at('step').number({ positive: true });
  const n = Math.floor((to - from) / step + 1e-9);
  if (n > 1000) f.at('step').fail('a step giving at most 1000 values');
  // Rounded so 0.8 + 2*0.1 is 1 and run ids do not depend on float noise.
  return Array.from({ length: n + 1 }, (_, k) => Math.round((from + k * step) * 1e9) / 1e9);
}

function readSensitivity(f: Field, scope: Scope): SensitivityBlock {
  f.object(['name', 'parameter', 'from', 'to', 'step', 'values', 'grid', ...SCOPE_KEYS]);
  let axes: { group: string; values: number[] }[];
  if (f.at('grid').present) {
    if (f.at('parameter').present) f.at('parameter').fail('no parameter when grid is given');
    const g = f.at('grid');
    if (typeof g.value !== 'object' || g.value === null || Array.isArray(g.value))
      g.fail('an object of two parameter groups -> multipliers');
    axes = g.keys().map((k) => ({ group: k, values: readValues(g.at(k)) }));
    if (axes.length !== 2) g.fail('exactly two parameter groups');
  } else {
    const group = f.at('parameter').string();
    const values = f.at('values').present
      ? readValues(f.at('values'))
      : readValues(
          new Field(f.file, f.path, { from: f.at('from').value, to: f.at('to').value, step: f.at('step').value }),
        );
    axes = [{ group, values }];
  }
  return { name: f.at('name').string(), axes, ...readScope(f, scope) };
}

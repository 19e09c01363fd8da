import type { Field } from '../core/fields.js';

/** One `pareto` block of an experiment: a cost/emission front per instance and seed in its scope. */
export interface ParetoBlock {
  readonly name: string;
  readonly objectives: readonly ['cost', 'emissions'];
  /** `milp` (every point certified) or `hybrid` (each point with its certified gap). */
  readonly method: 'milp' | 'hybrid';
  /** A grid of this many emission caps, or null to refine to `resolution`. */
  readonly points: number | null;
  /** Share of each objective's range the refined front is within (null with `points`: the front's default). */
  readonly resolution: number | null;
  /** Seconds per scalarised problem, or null for none. */
  readonly timeLimit: number | null;
  /** Instance labels and seeds the block runs on (null: all of the experiment's). */
  readonly instances: readonly string[] | null;
  readonly seeds: readonly number[] | null;
}

const KEYS = ['name', 'objectives', 'method', 'points', 'resolution', 'timeLimit', 'instances', 'seeds'];

/** What a block may refer to: the experiment's instance labels and seeds. */
export interface ParetoScope {
  readonly instances: readonly string[];
  readonly seeds: readonly number[];
}

/** Reads the config's `pareto` list (absent: none); errors name the file and the field. */
export function readParetoBlocks(f: Field, scope: ParetoScope): ParetoBlock[] {
  if (!f.present) return [];
  const blocks = f.items().map((b) => readBlock(b, scope));
  const names = new Set<string>();
  blocks.forEach((b, i) => {
    if (names.has(b.name)) f.at(i).at('name').fail(`a unique pareto block name (${b.name} is used twice)`);
    names.add(b.name);
  });
  return blocks;
}

function readBlock(f: Field, scope: ParetoScope): ParetoBlock {
  f.object(KEYS);
  const name = f.at('name').string();
  if (!/^[A-Za-z0-9._-]+$/.test(name)) f.at('name').fail('a name of letters, digits, ., _ and -');
  if (f.at('objectives').present) {
    const objs = f.at('objectives').list((o) => o.oneOf(['cost', 'emissions'] as const));
    if (objs.length !== 2 || new Set(objs).size !== 2) f.at('objectives').fail('the two objectives [cost, emissions]');
  }
  const method = f.at('method').present ? f.at('method').oneOf(['milp', 'hybrid'] as const) : 'milp';
  if (f.at('points').present && f.at('resolution').present)
    f.at('resolution').fail('either points or resolution, not both');
  const points = f.at('points').present ? f.at('points').number({ integer: true, min: 2, max: 1000 }) : null;
  const resolution = f.at('resolution').present ? f.at('resolution').number({ positive: true, max: 0.5 }) : null;
  const subset = <T extends string | number>(key: string, known: readonly T[], what: string): T[] | null => {
    const g = f.at(key);
    if (!g.present) return null;
    return g.list((x) => {
      const v = (typeof x.value === 'number' ? x.value : x.string()) as T;
      if (!known.includes(v)) x.fail(`${what} among ${known.join(', ')}`);
      return v;
    });
  };
  return {
    name,
    objectives: ['cost', 'emissions'],
    method,
    points,
    resolution,
    timeLimit: f.at('timeLimit').present ? f.at('timeLimit').number({ positive: true }) : null,
    instances: subset('instances', scope.instances, 'an instance label'),
    seeds: subset('seeds', scope.seeds, 'a seed of the experiment'),
  };
}

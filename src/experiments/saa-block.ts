import type { Field } from '../core/fields.js';
import { validate } from '../core/validation.js';
import { getMethod } from '../methods/registry.js';
import type { SaaBlock, SaaParameter } from './config-types.js';
import { readDistribution } from './distributions.js';

/** Largest N, M and N' one SAA block may ask for (a typo like 20000 for 2000 fails at load, not after hours). */
export const SAA_MAX = { n: 10_000, replications: 1_000, evaluation: 1_000_000 } as const;

const SAA_KEYS = [
  'name',
  'method',
  'instances',
  'n',
  'replications',
  'evaluation',
  'seed',
  'solver',
  'timeLimit',
  'params',
  'parameters',
  'values',
];

const SOLVERS = ['milp', 'lshaped', 'hybrid'] as const;
const PER = ['shared', 'cluster', 'period', 'node'] as const;

/** True for a stochastic block that asks for SAA (`method: saa`). */
export function isSaaBlock(f: Field): boolean {
  return typeof f.value === 'object' && f.value !== null && 'method' in f.value;
}

/**
 * Reads an SAA block: `n` (one number or a list), `replications` (M), `evaluation` (N'), the
 * solver of each SAA problem with its time limit and params, a seed, and the parameter groups
 * with the stochastic blocks' distribution syntax plus `per` (shared, cluster, period, node).
 * Group names are checked against each instance when the analysis starts (they depend on it).
 */
export function readSaaBlock(f: Field, instances: readonly string[]): SaaBlock {
  f.object(SAA_KEYS);
  f.at('method').oneOf(['saa'] as const);
  const n = f.at('n').list((x) => x.number({ integer: true, min: 1, max: SAA_MAX.n }));
  if (n.length === 0) f.at('n').fail('at least one sample size');
  if (new Set(n).size !== n.length) f.at('n').fail('distinct sample sizes');
  const solver = readSolver(f);
  const pf = f.at('parameters');
  if (typeof pf.value !== 'object' || pf.value === null || Array.isArray(pf.value))
    pf.fail('an object: parameter group -> distribution (e.g. supply@dealer: {distribution: normal, ...})');
  const parameters: Record<string, SaaParameter> = {};
  for (const key of pf.keys()) {
    const g = pf.at(key);
    parameters[key] = {
      distribution: readDistribution(g, ['per']),
      per: g.at('per').present ? g.at('per').oneOf(PER) : 'shared',
    };
  }
  if (Object.keys(parameters).length === 0) pf.fail('at least one parameter group (e.g. supply@dealer)');
  let scope: string[] | null = null;
  if (f.at('instances').present)
    scope = f.at('instances').list((x) => {
      const v = x.string();
      if (!instances.includes(v)) x.fail(`an instance label among ${instances.join(', ')}`);
      return v;
    });
  return {
    name: f.at('name').string(),
    instances: scope,
    n: [...n].sort((a, b) => a - b),
    replications: f.at('replications').number({ integer: true, min: 2, max: SAA_MAX.replications }),
    evaluation: f.at('evaluation').number({ integer: true, min: 2, max: SAA_MAX.evaluation }),
    seed: f.at('seed').present ? f.at('seed').number({ integer: true, min: 0 }) : 1,
    solver,
    parameters,
    values: f.at('values').present ? f.at('values').boolean() : true,
  };
}

/** `solver: milp` (with `timeLimit` and `params` beside it) or `solver: {name, timeLimit, params}`. */
function readSolver(f: Field): SaaBlock['solver'] {
  const s = f.at('solver');
  let name: SaaBlock['solver']['name'] = 'milp';
  let time = f.at('timeLimit');
  let params = f.at('params');
  if (s.present && typeof s.value === 'object' && s.value !== null) {
    s.object(['name', 'timeLimit', 'params']);
    if (time.present || params.present)
      f.at('timeLimit').fail('timeLimit and params inside solver: {...}, not beside it');
    name = s.at('name').oneOf(SOLVERS);
    time = s.at('timeLimit');
    params = s.at('params');
  } else if (s.present) name = s.oneOf(SOLVERS);
  const plain = params.plain();
  const declared = getMethod(name).parameters;
  if (declared) validate(declared, plain, f.file, params.path);
  return { name, timeLimit: time.present ? time.number({ positive: true }) : null, params: plain };
}

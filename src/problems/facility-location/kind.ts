import { InputError } from '../../core/errors.js';
import type { Problem } from '../../core/problem.js';
import { formatInstanceJson } from '../../io/instance-json.js';
import type { InstanceGenerator, LoadOptions, ProblemKind } from '../problem-kind.js';
import { generateFlInstance, type FlLayout } from './generator.js';
import { FL_VARIANTS, type FlVariant } from './instance.js';
import { parseFlJson } from './json-reader.js';
import { parseOrlib } from './orlib-reader.js';
import { facilityLocationProblem } from './problem.js';
import { flScenarioHook } from './scenario-hook.js';
import { flTextFormat, parseYang } from './yang-reader.js';

function flVariant(options: LoadOptions): FlVariant | undefined {
  if (options.variant === undefined) return undefined;
  if (!FL_VARIANTS.includes(options.variant as FlVariant))
    throw new InputError('--variant', options.variant, `one of ${FL_VARIANTS.join(', ')}`);
  return options.variant as FlVariant;
}

/**
 * Reads a text instance as a facility-location problem: an OR-Library capacitated warehouse file,
 * or a site-major single-source file (Yang et al. 2012), told apart by their line layout.
 */
function orlibProblem(text: string, file: string, options: LoadOptions): Problem {
  const variant = flVariant(options);
  if (flTextFormat(text, file) === 'yang') {
    if (options.capacity !== undefined)
      throw new InputError(
        '--capacity',
        String(options.capacity),
        `only for OR-Library files whose capacities are the word 'capacity'; ${file} gives its capacities in the file`,
      );
    return facilityLocationProblem(parseYang(text, file, variant ? { variant } : {}));
  }
  return facilityLocationProblem(
    parseOrlib(text, file, {
      ...(variant ? { variant } : {}),
      ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    }),
  );
}

/**
 * `rlnd generate facility-location --sites 1000 --customers 10000 --layout clustered --clusters 20
 * --tightness 3 --seed 1 --out big.json`: a seeded instance in the JSON format with coordinates (the
 * cost matrix is computed on load, so the file stays small).
 */
const flGenerator: InstanceGenerator = {
  name: 'facility-location',
  description: 'facility-location instance of any size (uniform or clustered layout)',
  params: [
    { name: 'sites', default: 50, describe: 'candidate sites' },
    { name: 'customers', default: 200, describe: 'customers (dealers)' },
    { name: 'layout', default: 'clustered', describe: 'uniform | clustered' },
    { name: 'clusters', default: 10, describe: 'cities for the clustered layout' },
    { name: 'tightness', default: 3, real: true, describe: 'total capacity / total demand (> 1)' },
    { name: 'variant', default: 'cflp', choices: FL_VARIANTS, describe: 'cflp | sscflp | uflp' },
  ],
  // Always JSON: facility location has no YAML writer.
  generate: (p, seed, name) =>
    formatInstanceJson(
      generateFlInstance({
        sites: Number(p.sites),
        customers: Number(p.customers),
        layout: String(p.layout) as FlLayout,
        clusters: Number(p.clusters),
        tightness: Number(p.tightness),
        variant: String(p.variant) as FlVariant,
        seed,
        ...(name !== undefined ? { name } : {}),
      }),
    ),
};

/** Facility location: rlnd JSON, OR-Library files, scenarios and the generator. */
export const facilityLocationKind: ProblemKind = {
  kind: 'facility-location',
  description: 'capacitated (split or single-source) and uncapacitated facility location',
  fromJson(data, file, options) {
    const variant = flVariant(options);
    // --capacity fills in OR-Library's literal word 'capacity'; on JSON it would silently replace every capacity.
    if (options.capacity !== undefined)
      throw new InputError(
        '--capacity',
        String(options.capacity),
        `only for OR-Library files whose capacities are the word 'capacity' (capa/capb/capc); ${file} gives its capacities in the file`,
      );
    return facilityLocationProblem(parseFlJson(data, file, variant ? { variant } : {}));
  },
  fromText: orlibProblem,
  scenario: flScenarioHook,
  generators: [flGenerator],
};

import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { generateFlInstance, type FlLayout } from '../problems/facility-location/generator.js';
import { formatInstanceJson } from '../io/instance-json.js';

/**
 * `rlnd generate facility-location --sites 1000 --customers 10000 --layout clustered
 * --clusters 20 --tightness 3 --seed 1 --out big.json`: a seeded instance in the JSON format
 * with coordinates (the cost matrix is computed on load, so the file stays small).
 */
export function generateFacilityLocation(y: Argv): Argv {
  return y.command(
    'facility-location',
    'facility-location instance of any size (uniform or clustered layout)',
    (a) =>
      a
        .option('sites', { type: 'number', default: 50, describe: 'candidate sites' })
        .option('customers', { type: 'number', default: 200, describe: 'customers (dealers)' })
        .option('layout', { type: 'string', default: 'clustered', describe: 'uniform | clustered' })
        .option('clusters', { type: 'number', default: 10, describe: 'cities for the clustered layout' })
        .option('tightness', { type: 'number', default: 3, describe: 'total capacity / total demand (> 1)' })
        .option('variant', { type: 'string', choices: ['cflp', 'sscflp', 'uflp'], default: 'cflp' })
        .option('seed', { type: 'number', default: 1 })
        .option('name', { type: 'string' })
        .option('out', { type: 'string', describe: 'output file (default: stdout)' }),
    async (argv) => {
      const text = formatInstanceJson(
        generateFlInstance({
          sites: argv.sites,
          customers: argv.customers,
          layout: argv.layout as FlLayout,
          clusters: argv.clusters,
          tightness: argv.tightness,
          seed: argv.seed,
          variant: argv.variant as 'cflp' | 'sscflp' | 'uflp',
          ...(argv.name ? { name: argv.name } : {}),
        }),
      );
      if (argv.out) await writeFile(argv.out, text);
      else process.stdout.write(text);
    },
  );
}

import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { formatNetworkDocument } from '../problems/network/convert/format.js';
import { generateJakartaScale, type JrlnLayout } from '../studies/jakarta/scale-generator.js';

/**
 * `rlnd generate jakarta-rln --dealers 5000 --clusters 50 --cc-per-cluster 4 --rmc 10 --wdc 5
 * --layout clustered --seed 1 --out big.json`: a seeded Jakarta-style network file (JSON, or YAML
 * by the extension of --out), with coordinates and arc rules only, so the file stays small.
 */
export function generateJakartaRln(y: Argv): Argv {
  return y.command(
    'jakarta-rln',
    'Jakarta-style multi-echelon network of any size (uniform or clustered layout)',
    (a) =>
      a
        .option('dealers', { type: 'number', default: 1000, describe: 'dealers' })
        .option('clusters', { type: 'number', default: 20, describe: 'dealer clusters (one CC opens in each)' })
        .option('cc-per-cluster', { type: 'number', default: 4, describe: 'CC candidates per cluster' })
        .option('rmc', { type: 'number', default: 4, describe: 'RMC candidates' })
        .option('wdc', { type: 'number', default: 2, describe: 'WDC candidates' })
        .option('layout', { type: 'string', default: 'clustered', describe: 'uniform | clustered' })
        .option('seed', { type: 'number', default: 1 })
        .option('name', { type: 'string' })
        .option('out', { type: 'string', describe: 'output network file, .json or .yaml (default: JSON on stdout)' }),
    async (argv) => {
      const text = formatNetworkDocument(
        generateJakartaScale({
          dealers: argv.dealers,
          clusters: argv.clusters,
          ccPerCluster: argv['cc-per-cluster'],
          rmc: argv.rmc,
          wdc: argv.wdc,
          layout: argv.layout as JrlnLayout,
          seed: argv.seed,
          ...(argv.name ? { name: argv.name } : {}),
        }),
        argv.out ?? 'stdout.json',
      );
      if (argv.out) await writeFile(argv.out, text);
      else process.stdout.write(text);
    },
  );
}

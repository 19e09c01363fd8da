import type { InstanceGenerator } from '../../problem-kind.js';
import { formatNetworkDocument } from '../convert/format.js';
import { generateJakartaScale, type JrlnLayout } from './jakarta/scale-generator.js';

/**
 * `rlnd generate jakarta-rln --dealers 5000 --clusters 50 --cc-per-cluster 4 --rmc 10 --wdc 5
 * --layout clustered --seed 1 --out big.json`: a seeded Jakarta-style network file (JSON, or YAML by
 * the extension of --out), with coordinates and arc rules only, so the file stays small.
 */
export const jakartaRlnGenerator: InstanceGenerator = {
  name: 'jakarta-rln',
  description: 'Jakarta-style multi-echelon network of any size (uniform or clustered layout)',
  params: [
    { name: 'dealers', default: 1000, describe: 'dealers' },
    { name: 'clusters', default: 20, describe: 'dealer clusters (one CC opens in each)' },
    { name: 'ccPerCluster', default: 4, describe: 'CC candidates per cluster' },
    { name: 'rmc', default: 4, describe: 'RMC candidates' },
    { name: 'wdc', default: 2, describe: 'WDC candidates' },
    { name: 'layout', default: 'clustered', describe: 'uniform | clustered' },
  ],
  generate: (p, seed, name, file) =>
    formatNetworkDocument(
      generateJakartaScale({
        dealers: Number(p.dealers),
        clusters: Number(p.clusters),
        ccPerCluster: Number(p.ccPerCluster),
        rmc: Number(p.rmc),
        wdc: Number(p.wdc),
        layout: String(p.layout) as JrlnLayout,
        seed,
        ...(name !== undefined ? { name } : {}),
      }),
      file,
    ),
};

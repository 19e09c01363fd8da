import { InputError } from '../../../core/errors.js';
import type { InstanceGenerator } from '../../problem-kind.js';
import { formatNetworkDocument } from '../convert/format.js';
import { generateIlNetwork } from '../convert/legacy/inventory-location/generate-network.js';
import { PAPER_SIZES } from '../convert/legacy/inventory-location/generator.js';
import { IL_SETS, SET_NAMES, type IlSet } from '../convert/legacy/inventory-location/shape.js';

/**
 * `rlnd generate inventory-location --customers N ... --seed S --out file.json`: a seeded random
 * Phan et al. network; sizes default to the paper's shape (two of everything, three periods).
 */
export const inventoryLocationGenerator: InstanceGenerator = {
  name: 'inventory-location',
  description: 'inventory-location network, Phan et al. (sizes default to the paper shape)',
  params: IL_SETS.map((s) => ({ name: SET_NAMES[s], default: PAPER_SIZES[s], describe: `number of ${SET_NAMES[s]}` })),
  generate(params, seed, name, file) {
    const sizes = {} as Record<IlSet, number>;
    for (const s of IL_SETS) {
      const v = Number(params[SET_NAMES[s]]);
      if (!Number.isInteger(v) || v < 1)
        throw new InputError('command line', `--${SET_NAMES[s]}`, `a positive integer, got ${v}`);
      sizes[s] = v;
    }
    if (!Number.isInteger(seed)) throw new InputError('command line', '--seed', `an integer, got ${seed}`);
    return formatNetworkDocument(generateIlNetwork(sizes, seed, name), file);
  },
};

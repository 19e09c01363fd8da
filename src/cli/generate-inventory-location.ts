import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { formatNetworkDocument } from '../problems/network/convert/format.js';
import { generateIlNetwork } from '../problems/network/convert/legacy/inventory-location/generate-network.js';
import { PAPER_SIZES } from '../problems/network/convert/legacy/inventory-location/generator.js';
import { IL_SETS, SET_NAMES, type IlSet } from '../problems/network/convert/legacy/inventory-location/shape.js';

/**
 * `rlnd generate inventory-location --customers N ... --seed S --out file.json`: writes a seeded
 * random Phan et al. network; sizes default to the paper's shape (two of everything, three periods).
 */
export function generateInventoryLocation(y: Argv): Argv {
  return y.command(
    'inventory-location',
    'inventory-location network, Phan et al. (sizes default to the paper shape)',
    (a) => {
      let b = a
        .option('seed', { type: 'number', default: 1 })
        .option('name', { type: 'string', describe: 'instance name (default from the seed)' })
        .option('out', { type: 'string', describe: 'output file (default: stdout)' });
      for (const s of IL_SETS)
        b = b.option(SET_NAMES[s], { type: 'number', default: PAPER_SIZES[s], describe: `number of ${SET_NAMES[s]}` });
      return b;
    },
    async (argv) => {
      const sizes = {} as Record<IlSet, number>;
      for (const s of IL_SETS) {
        const v = argv[SET_NAMES[s]] as number;
        if (!Number.isInteger(v) || v < 1)
          throw new InputError('command line', `--${SET_NAMES[s]}`, `a positive integer, got ${v}`);
        sizes[s] = v;
      }
      const seed = argv.seed;
      if (!Number.isInteger(seed)) throw new InputError('command line', '--seed', `an integer, got ${seed}`);
      const text = formatNetworkDocument(generateIlNetwork(sizes, seed, argv.name), '.json');
      if (argv.out) await writeFile(argv.out, text);
      else process.stdout.write(text);
    },
  );
}

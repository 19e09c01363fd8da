import type { Argv } from 'yargs';
import { generateFacilityLocation } from './generate-facility-location.js';
import { generateInventoryLocation } from './generate-inventory-location.js';
import { generateJakartaRln } from './generate-jakarta-rln.js';

/** Instance generators, one sub-command per problem kind (a new generator adds one line). */
const GENERATORS: ReadonlyArray<(y: Argv) => Argv> = [
  generateFacilityLocation,
  generateInventoryLocation,
  generateJakartaRln,
];

/** The kinds above, for the message when none is named. */
const GENERATED_KINDS = ['facility-location', 'inventory-location', 'jakarta-rln'];

/** `rlnd generate <kind> ...`: write a seeded random instance. */
export function generateCommand(y: Argv): Argv {
  return y.command('generate', 'write a seeded random instance (rlnd generate <kind> --help)', (a) => {
    let b = a;
    for (const g of GENERATORS) b = g(b);
    return b.demandCommand(1, `name a problem kind: ${GENERATED_KINDS.join(', ')}`);
  });
}

import { InputError } from '../../core/errors.js';
import type { Problem } from '../../core/problem.js';
import type { LoadOptions, ProblemKind } from '../problem-kind.js';
import { FL_VARIANTS, type FlVariant } from './instance.js';
import { parseFlJson } from './json-reader.js';
import { parseOrlib } from './orlib-reader.js';
import { facilityLocationProblem } from './problem.js';

function flVariant(options: LoadOptions): FlVariant | undefined {
  if (options.variant === undefined) return undefined;
  if (!FL_VARIANTS.includes(options.variant as FlVariant))
    throw new InputError('--variant', options.variant, `one of ${FL_VARIANTS.join(', ')}`);
  return options.variant as FlVariant;
}

/** Facility location from rlnd JSON. */
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
};

/** Reads an OR-Library capacitated warehouse file as a facility-location problem. */
export function orlibProblem(text: string, file: string, options: LoadOptions): Problem {
  const variant = flVariant(options);
  return facilityLocationProblem(
    parseOrlib(text, file, {
      ...(variant ? { variant } : {}),
      ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    }),
  );
}

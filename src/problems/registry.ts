import { InputError } from '../core/errors.js';
import type { Problem } from '../core/problem.js';
import { FL_VARIANTS, withChanges, type FlVariant } from './facility-location/instance.js';
import { parseFlJson } from './facility-location/json-reader.js';
import { parseOrlib } from './facility-location/orlib-reader.js';
import { facilityLocationProblem } from './facility-location/problem.js';

/** Options a user may give when loading any instance (each problem uses what applies). */
export interface LoadOptions {
  /** Facility-location variant: cflp | sscflp | uflp. */
  variant?: string;
  /** Capacity for OR-Library files whose capacity is the word `capacity`. */
  capacity?: number;
}

/** How a problem kind reads its JSON instance files. */
export interface ProblemKind {
  readonly kind: string;
  readonly description: string;
  fromJson(data: unknown, file: string, options: LoadOptions): Problem;
}

const KINDS = new Map<string, ProblemKind>();

/** Registers a problem kind; a new problem adds itself here and nowhere else. */
export function registerProblemKind(kind: ProblemKind): void {
  KINDS.set(kind.kind, kind);
}

/** Names of all registered problem kinds. */
export function problemKinds(): string[] {
  return [...KINDS.keys()];
}

/** Looks a problem kind up by the `problem` field of a JSON instance. */
export function getProblemKind(name: string, file: string): ProblemKind {
  const k = KINDS.get(name);
  if (!k) throw new InputError(file, 'problem', `a problem kind among ${problemKinds().join(', ')}, got ${JSON.stringify(name)}`);
  return k;
}

function flVariant(options: LoadOptions, source: string): FlVariant | undefined {
  if (options.variant === undefined) return undefined;
  if (!FL_VARIANTS.includes(options.variant as FlVariant)) throw new InputError(source, 'variant', `one of ${FL_VARIANTS.join(', ')}, got ${options.variant}`);
  return options.variant as FlVariant;
}

registerProblemKind({
  kind: 'facility-location',
  description: 'capacitated (split or single-source) and uncapacitated facility location',
  fromJson(data, file, options) {
    const variant = flVariant(options, '--variant');
    const inst = parseFlJson(data, file, variant ? { variant } : {});
    return facilityLocationProblem(options.capacity !== undefined ? withChanges(inst, { sites: inst.sites.map((s) => ({ ...s, capacity: options.capacity! })) }) : inst);
  },
});

/** Reads an OR-Library capacitated warehouse file as a facility-location problem. */
export function orlibProblem(text: string, file: string, options: LoadOptions): Problem {
  const variant = flVariant(options, '--variant');
  return facilityLocationProblem(
    parseOrlib(text, file, { ...(variant ? { variant } : {}), ...(options.capacity !== undefined ? { capacity: options.capacity } : {}) }),
  );
}

import { InputError } from '../../core/errors.js';
import { strictNumber } from '../../core/validation.js';
import { tokenize, type Token } from '../../io/tokens.js';
import { makeFlInstance, type FacilityLocationInstance, type FlVariant } from './instance.js';

/** Options for reading an OR-Library file. */
export interface OrlibOptions {
  variant?: FlVariant;
  /** Replaces the literal word `capacity` of capa/capb/capc; an error on a file with numeric capacities (it would silently change them). */
  capacity?: number;
  name?: string;
}

/**
 * Reads an OR-Library capacitated warehouse location file (Beasley 1988): `m n`, then m lines
 * `capacity fixed_cost`, then per customer `demand` and m allocation costs (totals for all of
 * the demand). Parsed as a token stream, since line wrapping differs between copies. Sites and
 * customers get 1-based ids ("1".."m"), matching the file's positions.
 */
export function parseOrlib(text: string, file: string, options: OrlibOptions = {}): FacilityLocationInstance {
  const tokens = tokenize(text);
  let pos = 0;
  const next = (what: string): Token => {
    const t = tokens[pos++];
    if (!t)
      throw new InputError(file, `end of file`, `${what}; the file has only ${tokens.length} tokens (truncated?)`);
    return t;
  };
  const number = (what: string): number => {
    const t = next(what);
    const v = strictNumber(t.text);
    if (Number.isNaN(v)) throw new InputError(file, `line ${t.line}`, `${what} as a number, got '${t.text}'`);
    return v;
  };
  const count = (what: string): number => {
    const v = number(what);
    if (!Number.isInteger(v) || v <= 0)
      throw new InputError(file, `line ${tokens[pos - 1]!.line}`, `${what} as a positive integer, got ${v}`);
    return v;
  };
  const m = count('number of facilities m');
  const n = count('number of customers n');
  const expected = 2 + 2 * m + n * (1 + m);
  if (tokens.length !== expected) {
    throw new InputError(
      file,
      'token count',
      `2 + 2m + n(1 + m) = ${expected} tokens for m = ${m}, n = ${n}; found ${tokens.length}`,
    );
  }
  const sites = [];
  for (let i = 0; i < m; i++) {
    const t = next(`capacity of facility ${i + 1}`);
    let capacity: number;
    if (t.text.toLowerCase() === 'capacity') {
      if (options.capacity === undefined) {
        throw new InputError(
          file,
          `line ${t.line}`,
          `facility capacities are the literal word 'capacity' (capa/capb/capc); pass --capacity N (OR-Library uses capa 8000/10000/12000/14000, capb 5000/6000/7000/8000, capc 5000/5750/6500/7250)`,
        );
      }
      capacity = options.capacity;
    } else {
      capacity = strictNumber(t.text);
      if (Number.isNaN(capacity))
        throw new InputError(file, `line ${t.line}`, `capacity of facility ${i + 1} as a number, got '${t.text}'`);
      if (options.capacity !== undefined) {
        throw new InputError(
          '--capacity',
          String(options.capacity),
          `only for OR-Library files whose capacities are the word 'capacity' (capa/capb/capc); ${file} gives capacity ${t.text} on line ${t.line}`,
        );
      }
    }
    if (capacity < 0)
      throw new InputError(file, `line ${t.line}`, `capacity of facility ${i + 1} >= 0, got ${capacity}`);
    const fixedCost = number(`fixed cost of facility ${i + 1}`);
    sites.push({ id: String(i + 1), capacity, fixedCost });
  }
  const customers = [];
  const allocCost = new Float64Array(m * n);
  for (let j = 0; j < n; j++) {
    const demand = number(`demand of customer ${j + 1}`);
    if (demand < 0)
      throw new InputError(file, `line ${tokens[pos - 1]!.line}`, `demand of customer ${j + 1} >= 0, got ${demand}`);
    customers.push({ id: String(j + 1), demand });
    for (let i = 0; i < m; i++) allocCost[i * n + j] = number(`cost of customer ${j + 1} from facility ${i + 1}`);
  }
  const base = file
    .split('/')
    .pop()!
    .replace(/\.txt$/, '');
  const name = options.name ?? (options.capacity !== undefined ? `${base}-${options.capacity}` : base);
  return makeFlInstance({ name, source: file, variant: options.variant ?? 'cflp', sites, customers, allocCost });
}

import { InputError } from '../../core/errors.js';
import { strictNumber } from '../../core/validation.js';
import { makeFlInstance, type FacilityLocationInstance, type FlVariant } from './instance.js';

/** Options for reading a site-major single-source file. */
export interface YangOptions {
  variant?: FlVariant;
  name?: string;
}

/** Which text layout a facility-location file has (see {@link flTextFormat}). */
export type FlTextFormat = 'orlib' | 'yang';

/** Non-empty lines as token lists, with their 1-based line numbers. */
function tokenLines(text: string): { line: number; tokens: string[] }[] {
  const out: { line: number; tokens: string[] }[] = [];
  text.split(/\r?\n/).forEach((t, k) => {
    const tokens = t
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '');
    if (tokens.length > 0) out.push({ line: k + 1, tokens });
  });
  return out;
}

/**
 * The layout of a text instance, told by its lines: both formats start `m n` and m lines
 * `capacity fixed_cost` and hold the same number of tokens, but OR-Library then gives per customer
 * its demand and m costs (the demand alone on its line), while the site-major layout (Yang, Chu &
 * Chen 2012; Holmberg et al. 1999) gives one line of n demands and m lines of n costs. 'yang' when
 * the line after the sites holds n > 1 numbers; an error when the file fits both readings (n = m +
 * 1 with every customer on one line), else 'orlib' (whose reader reports what is wrong).
 */
export function flTextFormat(text: string, file: string): FlTextFormat {
  const lines = tokenLines(text);
  const head = lines[0]?.tokens ?? [];
  const m = strictNumber(head[0] ?? '');
  const n = strictNumber(head[1] ?? '');
  if (head.length !== 2 || !Number.isInteger(m) || !Number.isInteger(n) || m <= 0 || n <= 1) return 'orlib';
  const after = lines[1 + m];
  if (!after || after.tokens.length !== n) return 'orlib';
  const rest = lines.slice(1 + m);
  if (n === m + 1 && rest.length === n && rest.every((l) => l.tokens.length === n))
    throw new InputError(
      file,
      'layout',
      `a file that is not both an OR-Library file (one line per customer: demand and ${m} costs) and a site-major one (${n} demands, then ${m} rows of ${n} costs); this one reads as either`,
    );
  return 'yang';
}

/**
 * Reads a site-major single-source capacitated facility location file, the layout of the Yang,
 * Chu & Chen (2012) instances: `m n` (sites, customers); m lines `capacity fixed_cost`; one line of
 * n demands; m lines of n costs, row i giving c_ij, the cost of serving ALL of customer j's demand
 * from site i (rlnd's convention, so no scaling). The line structure is checked exactly (each
 * error names the file and the line). Variant single-source unless `options.variant` says other.
 */
export function parseYang(text: string, file: string, options: YangOptions = {}): FacilityLocationInstance {
  const lines = tokenLines(text);
  const num = (line: number, token: string, what: string, min: number): number => {
    const v = strictNumber(token);
    if (Number.isNaN(v)) throw new InputError(file, `line ${line}`, `${what} as a number, got '${token}'`);
    if (v < min) throw new InputError(file, `line ${line}`, `${what} >= ${min}, got ${v}`);
    return v;
  };
  const head = lines[0];
  if (!head || head.tokens.length !== 2)
    throw new InputError(
      file,
      `line ${head?.line ?? 1}`,
      `'sites customers' (two numbers), got ${head?.tokens.length ?? 0} tokens`,
    );
  const m = num(head.line, head.tokens[0]!, 'number of sites', 1);
  const n = num(head.line, head.tokens[1]!, 'number of customers', 1);
  if (!Number.isInteger(m) || !Number.isInteger(n))
    throw new InputError(file, `line ${head.line}`, `whole numbers of sites and customers, got ${m} ${n}`);
  if (lines.length !== 2 + 2 * m)
    throw new InputError(
      file,
      'line count',
      `1 + ${m} site lines + 1 demand line + ${m} cost rows = ${2 + 2 * m} non-empty lines for ${m} sites; found ${lines.length}`,
    );
  const width = (k: number, want: number, what: string): string[] => {
    const l = lines[k]!;
    if (l.tokens.length !== want)
      throw new InputError(file, `line ${l.line}`, `${what}: ${want} numbers, got ${l.tokens.length}`);
    return l.tokens;
  };
  const sites = [];
  for (let i = 0; i < m; i++) {
    const [cap, fixed] = width(1 + i, 2, `site ${i + 1} (capacity fixed_cost)`);
    const line = lines[1 + i]!.line;
    sites.push({
      id: String(i + 1),
      capacity: num(line, cap!, `capacity of site ${i + 1}`, 0),
      fixedCost: num(line, fixed!, `fixed cost of site ${i + 1}`, 0),
    });
  }
  const demandLine = lines[1 + m]!.line;
  const customers = width(1 + m, n, 'demands').map((t, j) => ({
    id: String(j + 1),
    demand: num(demandLine, t, `demand of customer ${j + 1}`, 0),
  }));
  const allocCost = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    const row = width(2 + m + i, n, `costs of site ${i + 1}`);
    const line = lines[2 + m + i]!.line;
    row.forEach((t, j) => (allocCost[i * n + j] = num(line, t, `cost of site ${i + 1} -> customer ${j + 1}`, 0)));
  }
  const name =
    options.name ??
    file
      .split('/')
      .pop()!
      .replace(/\.txt$/, '');
  return makeFlInstance({ name, source: file, variant: options.variant ?? 'sscflp', sites, customers, allocCost });
}

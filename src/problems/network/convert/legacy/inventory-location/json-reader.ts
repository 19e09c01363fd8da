import { InputError } from '../../../../../core/errors.js';
import { JsonFields } from '../../../../../io/json-fields.js';
import { defaultIds, makeIlInstance, PARAM_DIMS, PARAM_NAMES, type IlInstance, type ParamName } from './instance.js';
import { IL_SETS, SET_NAMES, type IlSet, type IlSizes } from './shape.js';

/**
 * Reads the old inventory-location JSON format (kept for `rlnd convert`; docs/problems/inventory-location.md):
 *
 * ```json
 * { "problem": "inventory-location", "name": "paper-shape",
 *   "sizes": { "customers": 2, "repair": 2, "recycling": 2, "plants": 2, "technologies": 2,
 *              "batteries": 2, "components": 2, "periods": 3 },
 *   "ids": { "technologies": ["low", "high"] },
 *   "integerFlows": true, "bigM": 10000,
 *   "parameters": { "CR": [[[[0.2, 0.2, 0.25], ...]]], "EP": 1.5, ... } }
 * ```
 * Each parameter is a nested array in the order of the paper's subscripts (CR_pkrt: battery,
 * technology, repair centre, period), or one number meaning "the same for every index".
 * `ids`, `integerFlows` (default true, as in the paper) and `bigM` are optional; `--relax`
 * (options.relax) sets integerFlows to false.
 */
export function parseIlJson(data: unknown, file: string, options: { relax?: boolean } = {}): IlInstance {
  const f = new JsonFields(file);
  const root = f.object(data, '(top level)');
  const rawSizes = f.object(root.sizes, 'sizes');
  const sizes = Object.fromEntries(
    IL_SETS.map((s) => [s, f.number(rawSizes[SET_NAMES[s]], `sizes.${SET_NAMES[s]}`, { min: 1, integer: true })]),
  ) as Record<IlSet, number>;
  const ids = defaultIds(sizes);
  if (root.ids !== undefined) {
    const rawIds = f.object(root.ids, 'ids');
    for (const s of IL_SETS) {
      const list = rawIds[SET_NAMES[s]];
      if (list !== undefined)
        ids[s] = f.array(list, `ids.${SET_NAMES[s]}`).map((v, n) => f.string(v, `ids.${SET_NAMES[s]}[${n}]`));
    }
  }
  const rawParams = f.object(root.parameters, 'parameters');
  for (const key of Object.keys(rawParams)) {
    if (!(PARAM_NAMES as string[]).includes(key))
      throw new InputError(file, `parameters.${key}`, `a parameter among ${PARAM_NAMES.join(', ')}`);
  }
  const params = Object.fromEntries(PARAM_NAMES.map((n) => [n, readParam(f, rawParams[n], n, sizes)])) as Record<
    ParamName,
    Float64Array
  >;
  if (root.integerFlows !== undefined && typeof root.integerFlows !== 'boolean')
    throw new InputError(file, 'integerFlows', 'true or false');
  const integerFlows = options.relax ? false : root.integerFlows !== false;
  const bigM = f.optionalNumber(root.bigM, 'bigM', { min: 0 });
  const name =
    root.name === undefined
      ? file
          .split('/')
          .pop()!
          .replace(/\.json$/, '')
      : f.string(root.name, 'name');
  return makeIlInstance({
    name,
    source: file,
    sizes,
    ids,
    params,
    integerFlows,
    ...(bigM !== undefined ? { bigM } : {}),
  });
}

/** One parameter: a number (broadcast) or a nested array of exactly the parameter's shape. */
function readParam(f: JsonFields, raw: unknown, name: ParamName, sizes: IlSizes): Float64Array {
  const dims = PARAM_DIMS[name];
  const path = `parameters.${name}`;
  if (raw === undefined)
    throw new InputError(
      f.file,
      path,
      `a number or a nested array over ${dims.map((d) => SET_NAMES[d]).join(' x ')} (missing)`,
    );
  const size = dims.reduce((a, d) => a * sizes[d], 1);
  if (typeof raw === 'number') return new Float64Array(size).fill(f.number(raw, path, { min: 0 }));
  const out: number[] = [];
  const walk = (v: unknown, depth: number, where: string): void => {
    if (depth === dims.length) {
      out.push(f.number(v, where, { min: 0 }));
      return;
    }
    const set = dims[depth]!;
    const list = f.array(v, where);
    if (list.length !== sizes[set])
      throw new InputError(f.file, where, `${sizes[set]} entries (one per ${SET_NAMES[set]}), got ${list.length}`);
    list.forEach((x, n) => walk(x, depth + 1, `${where}[${n}]`));
  };
  walk(raw, 0, path);
  return Float64Array.from(out);
}

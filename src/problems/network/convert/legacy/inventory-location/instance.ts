/*
 * The old inventory-location instance, kept only as what `rlnd convert` reads (../../from-inventory-location.ts):
 * rlnd solves these papers as network instances (instances/network/, docs/problems/inventory-location.md).
 */
import { InputError } from '../../../../../core/errors.js';
import { IL_SETS, ID_PREFIX, SET_NAMES, range, shapeOf, type IlSet, type IlSizes, type Shape } from './shape.js';

/**
 * Index sets of every parameter, in the order of the paper's subscripts (Table 2). DM is indexed
 * by technology as in the paper: a plant's demand for components "processed by technology k".
 */
export const PARAM_DIMS = {
  CR: ['P', 'K', 'R', 'T'],
  S: ['P', 'K', 'I', 'R', 'T'],
  A: ['P', 'K', 'O'],
  DM: ['O', 'K', 'M', 'T'],
  FR: ['R', 'K'],
  FU: ['U', 'K'],
  VC: ['P', 'I', 'R'],
  VR: ['P', 'R', 'U'],
  VU: ['O', 'U', 'M'],
  IVR: ['P', 'R'],
  IpV: ['P', 'U'],
  IoV: ['O', 'U'],
  FoR: ['P', 'R'],
  FoU: ['O', 'U'],
  EP: ['P'],
  EO: ['O'],
  ER: ['P', 'K', 'R'],
  EU: ['P', 'K', 'U'],
} as const satisfies Record<string, readonly IlSet[]>;

/** A parameter of the model (Table 2 of the paper). */
export type ParamName = keyof typeof PARAM_DIMS;

/** Names of all parameters, in Table 2 order. */
export const PARAM_NAMES = Object.keys(PARAM_DIMS) as ParamName[];

/** Parameter arrays, row-major over {@link PARAM_DIMS}. */
export type IlParams = Readonly<Record<ParamName, Float64Array>>;

/**
 * One read-only inventory-location instance (Phan, Le Nguyen & Singgih 2025). `integerFlows`
 * follows the paper (all flows and inventories integer); false relaxes them to continuous.
 */
export interface IlInstance {
  readonly kind: 'inventory-location';
  readonly name: string;
  /** File it was read from (for error messages). */
  readonly source: string;
  readonly sizes: IlSizes;
  /** Member ids of every set (`ids.R[1]` is the second repair centre). */
  readonly ids: Readonly<Record<IlSet, readonly string[]>>;
  readonly params: IlParams;
  readonly integerFlows: boolean;
  /** The paper's single big-M; absent means the smallest valid bound per row (network `formulation.bigM` unset). */
  readonly bigM?: number;
}

/** Default member ids: customers C1.., repair centres R1.., technologies k1.., periods 1... */
export function defaultIds(sizes: IlSizes): Record<IlSet, string[]> {
  const out = {} as Record<IlSet, string[]>;
  for (const s of IL_SETS) out[s] = range(sizes[s]).map((n) => `${ID_PREFIX[s]}${n + 1}`);
  return out;
}

/** Validates and freezes an instance; errors name the source file and the field. */
export function makeIlInstance(data: Omit<IlInstance, 'kind'>): IlInstance {
  const { source, sizes } = data;
  for (const s of IL_SETS) {
    const n = sizes[s];
    if (!Number.isInteger(n) || n < 1)
      throw new InputError(source, `sizes.${SET_NAMES[s]}`, `a positive integer, got ${n}`);
    const ids = data.ids[s];
    if (ids.length !== n) throw new InputError(source, `ids.${SET_NAMES[s]}`, `${n} ids, got ${ids.length}`);
    if (new Set(ids).size !== n) throw new InputError(source, `ids.${SET_NAMES[s]}`, 'unique ids');
  }
  for (const name of PARAM_NAMES) {
    const dims = PARAM_DIMS[name];
    const shape = shapeOf(sizes, dims);
    const values = data.params[name];
    if (values.length !== shape.size)
      throw new InputError(
        source,
        `parameters.${name}`,
        `${shape.size} values (${dims.join(' x ')}), got ${values.length}`,
      );
    values.forEach((v, k) => {
      const where = `parameters.${name}[${shape.tuple(k).join('][')}]`;
      if (!Number.isFinite(v) || v < 0) throw new InputError(source, where, `a number >= 0, got ${v}`);
      if (name === 'CR' && v > 1) throw new InputError(source, where, `a repair rate in [0, 1], got ${v}`);
    });
  }
  if (data.bigM !== undefined && !(data.bigM > 0))
    throw new InputError(source, 'bigM', `a number > 0, got ${data.bigM}`);
  return Object.freeze({ kind: 'inventory-location' as const, ...data });
}

const SHAPES = new WeakMap<IlSizes, Record<ParamName, Shape>>();

/** Reads one parameter entry by 0-based indices in subscript order: `param(inst, 'CR', p, k, r, t)`. */
export function param(inst: IlInstance, name: ParamName, ...idx: number[]): number {
  let shapes = SHAPES.get(inst.sizes);
  if (!shapes) {
    shapes = Object.fromEntries(PARAM_NAMES.map((n) => [n, shapeOf(inst.sizes, PARAM_DIMS[n])])) as Record<
      ParamName,
      Shape
    >;
    SHAPES.set(inst.sizes, shapes);
  }
  return inst.params[name][shapes[name].index(...idx)]!;
}

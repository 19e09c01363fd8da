import seedrandom from 'seedrandom';
import { PARAM_DIMS, PARAM_NAMES, type ParamName } from './instance.js';
import { IL_SETS, SET_NAMES, Shape, type IlSet, type IlSizes } from './shape.js';

/** The paper's instance shape: two of every index, three periods (Table 3). */
export const PAPER_SIZES: IlSizes = { I: 2, R: 2, U: 2, M: 2, K: 2, P: 2, O: 2, T: 3 };

/**
 * Repair rates are drawn from this grid so that 1 - CR has a small denominator (5 or 4): with
 * integer flows, (7) needs Σ_i QI (1 - CR) to be an integer, so CR = 0.33 would force collections
 * in multiples of 100. Higher technology levels draw from the top of the grid.
 */
const CR_GRID = [0.2, 0.25, 0.4, 0.5, 0.6, 0.75];

/** How each parameter is drawn (documented in the instance's provenance block). */
export const GENERATOR_RULES: Readonly<Record<ParamName, string>> = {
  CR: `repair rate from ${CR_GRID.join('/')}; technology level l in [0, 1] (low..high) picks grid position round(4 l) or one above`,
  S: 'supply per battery, technology, customer, repair centre, period: integer 10..50',
  A: 'components per battery: integer 1..3, plus 1 for the upper half of the technology levels',
  DM: 'component demand per component, technology, plant, period: integer 5..20',
  FR: 'repair-centre opening cost: 3000 + 3000 l + U(0, 1000), rounded to 100',
  FU: 'recycling-centre opening cost: 5000 + 4000 l + U(0, 2000), rounded to 100',
  VC: 'customer -> repair transport per battery: integer 2..10',
  VR: 'repair -> recycling transport per battery: integer 3..12',
  VU: 'recycling -> plant transport per component: integer 1..6',
  IVR: 'holding cost of an unrepaired battery per period: 1..3 in steps of 0.5',
  IpV: 'holding cost of a battery awaiting disassembly: 1..3 in steps of 0.5',
  IoV: 'holding cost of a component: 0.5..1.5 in steps of 0.5',
  FoR: 'ordering cost per battery shipped from a repair centre: 1..3 in steps of 0.5',
  FoU: 'ordering cost per component shipped from a recycling centre: 0.5..2 in steps of 0.5',
  EP: 'transport emission cost per battery: 1..2 in steps of 0.5',
  EO: 'transport emission cost per component: 0.5..1 in steps of 0.5',
  ER: 'repair emission cost per unrepaired battery: 4 (1 - l) + U(1, 2), steps of 0.5 (higher technology, less emission)',
  EU: 'disassembly emission cost per battery: 6 (1 - l) + U(1, 3), steps of 0.5',
};

/** Technology names: low/high, low/medium/high, else k1..kK. */
function techIds(K: number): string[] {
  if (K === 2) return ['low', 'high'];
  if (K === 3) return ['low', 'medium', 'high'];
  return [...Array(K).keys()].map((k) => `k${k + 1}`);
}

/** Nested array over `dims` filled by `value(idx)`, in subscript order (the JSON layout). */
function nested(sizes: IlSizes, dims: readonly IlSet[], value: (idx: Record<IlSet, number>) => number): unknown {
  const build = (depth: number, idx: Partial<Record<IlSet, number>>): unknown =>
    depth === dims.length
      ? value(idx as Record<IlSet, number>)
      : [...Array(sizes[dims[depth]!]).keys()].map((n) => build(depth + 1, { ...idx, [dims[depth]!]: n }));
  return build(0, {});
}

/**
 * A random instance of the given shape in the old inventory-location JSON, reproducible from
 * `seed` (generate-network.ts writes it as a network). Technology
 * levels are ordered as in the paper (section 2): a higher level costs more to open, repairs a
 * larger share and emits less. Every technology has demand at every plant, so each needs a repair
 * and a recycling centre; supply is ample, so the instance is feasible whenever R, U >= K.
 */
export function generateIlJson(sizes: IlSizes, seed: number, name = `il-generated-s${seed}`): Record<string, unknown> {
  const rng = seedrandom(`inventory-location:${seed}`);
  const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
  const half = (lo: number, hi: number): number => int(lo * 2, hi * 2) / 2;
  const level = (k: number): number => (sizes.K === 1 ? 0 : k / (sizes.K - 1));
  const toHalf = (v: number): number => Math.round(v * 2) / 2;
  const draw: Record<ParamName, (x: Record<IlSet, number>) => number> = {
    CR: ({ K: k }) => CR_GRID[Math.min(CR_GRID.length - 1, Math.round(4 * level(k)) + int(0, 1))]!,
    S: () => int(10, 50),
    A: ({ K: k }) => int(1, 3) + (level(k) >= 0.5 ? 1 : 0),
    DM: () => int(5, 20),
    FR: ({ K: k }) => Math.round((3000 + 3000 * level(k) + 1000 * rng()) / 100) * 100,
    FU: ({ K: k }) => Math.round((5000 + 4000 * level(k) + 2000 * rng()) / 100) * 100,
    VC: () => int(2, 10),
    VR: () => int(3, 12),
    VU: () => int(1, 6),
    IVR: () => half(1, 3),
    IpV: () => half(1, 3),
    IoV: () => half(0.5, 1.5),
    FoR: () => half(1, 3),
    FoU: () => half(0.5, 2),
    EP: () => half(1, 2),
    EO: () => half(0.5, 1),
    ER: ({ K: k }) => toHalf(4 * (1 - level(k)) + 1 + rng()),
    EU: ({ K: k }) => toHalf(6 * (1 - level(k)) + 1 + 2 * rng()),
  };
  const parameters = Object.fromEntries(PARAM_NAMES.map((n) => [n, nested(sizes, PARAM_DIMS[n], draw[n])]));
  const sizeJson = Object.fromEntries(IL_SETS.map((s) => [SET_NAMES[s], sizes[s]]));
  const cells = PARAM_NAMES.reduce((a, n) => a + new Shape(PARAM_DIMS[n].map((d) => sizes[d])).size, 0);
  return {
    problem: 'inventory-location',
    name,
    sizes: sizeJson,
    ids: { technologies: techIds(sizes.K) },
    integerFlows: true,
    provenance: {
      source:
        'Phan, Le Nguyen & Singgih (2025), EAI Endorsed Trans. Sustainable Manufacturing and Renewable Energy, doi:10.4108/eetsmre.9781',
      note: `Parameter values are not published; the paper says only that they were "assigned values within a reasonable range". These ${cells} values are drawn by rlnd's generator (seed ${seed}) by the rules below.`,
      command: `rlnd generate inventory-location ${IL_SETS.map((s) => `--${SET_NAMES[s]} ${sizes[s]}`).join(' ')} --seed ${seed}`,
      rules: GENERATOR_RULES,
      ...(IL_SETS.every((s) => sizes[s] === PAPER_SIZES[s])
        ? {
            paper:
              "The paper's instance has this shape and reports MinC = 93,280 with x11 = x22 = y11 = y22 = 1 (Table 4); with its data unpublished, this instance's optimum is not comparable to that figure, only its variable and constraint counts are.",
          }
        : {}),
    },
    parameters,
  };
}

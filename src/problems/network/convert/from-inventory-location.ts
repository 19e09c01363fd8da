import { param, type IlInstance } from './legacy/inventory-location/instance.js';
import { parseIlJson } from './legacy/inventory-location/json-reader.js';
import { range } from './legacy/inventory-location/shape.js';
import type { ArcDoc, NetworkDocument, NodeDoc, TechOptionDoc } from '../schema.js';
import { withProvenance } from './provenance.js';
import type { Converter } from './types.js';

/** Product ids of the converted network, one per paper index pair. */
export const ilProduct = {
  /** A faulty battery of type p made with technology k, as customers send it (QI). */
  battery: (inst: IlInstance, p: number, k: number): string => `battery_${inst.ids.P[p]}_${inst.ids.K[k]}`,
  /** Its unrepaired share after the repair centre (IR, QR, IpU, CU). */
  unrepaired: (inst: IlInstance, p: number, k: number): string => `unrepaired_${inst.ids.P[p]}_${inst.ids.K[k]}`,
  /** Component o of technology k, from disassembly (IoU, QU). */
  component: (inst: IlInstance, o: number, k: number): string => `component_${inst.ids.O[o]}_${inst.ids.K[k]}`,
  /** The product group of technology k's components, on which (14) bounds plant demand. */
  componentGroup: (inst: IlInstance, k: number): string => `components_${inst.ids.K[k]}`,
};

/** Echelon labels, in flow order. */
export const IL_ECHELONS = { I: 'customer', R: 'repair', U: 'recycling', M: 'plant' } as const;

/** Options of {@link ilToNetwork}. */
export interface IlConvertOptions {
  /** The source file's provenance block, kept whole (its keys gain `conversion` and the mapping). */
  readonly provenance?: unknown;
}

const CONVERSION_NOTE =
  'rlnd convert (src/problems/network/convert/from-inventory-location.ts): products battery_p_k, unrepaired_p_k, ' +
  'component_o_k; customers supply batteries without limit on arcs to repair centres capped by S (rows, (15)); option k ' +
  'of a repair centre admits battery_p_k, converted on arrival into unrepaired_p_k at 1 - CR and stocked; option k of a ' +
  'recycling centre admits unrepaired_p_k, stocked, disassembled by A into component_o_k, stocked; plants need at least ' +
  "the sum over o of DM on technology k's components (14). Each objective term: objectiveMapping.";

/**
 * How each term of the paper's objective MinC = O + I + F + V + E (model.ts, per column) becomes a
 * network cost; kept in the converted file's provenance. E is written as emissions priced by
 * `carbonTax: 1` (the paper's E is already money), so the network's `carbonTax` part is E,
 * `holding` is I, `fixed` is F and `transport` is O + V.
 */
export const IL_OBJECTIVE_MAPPING = {
  QI: 'QI_pkirt (arc customer i -> repair r, product battery_p_k): VC_pir (1 - CR_pkrt) as the arc unitCost per period (V, charged on the unrepaired share); EP_p as the arc emission (E); ER_pkr (1 - CR_pkrt) as the emission per unit received of option k at r, per period (E, repair emission on the unrepaired share).',
  QR: 'QR_pkrut (arc r -> recycling u, product unrepaired_p_k): FoR_pr + VR_pru as the arc unitCost (O + V); EP_p as the arc emission (E).',
  QU: 'QU_okumt (arc u -> plant m, product component_o_k): FoU_ou + VU_oum as the arc unitCost (O + V); EO_o as the arc emission (E).',
  CU: 'CU_pkut (unrepaired_p_k disassembled at u): EU_pku as the conversion emission per unit processed (E).',
  IR: 'IR_pkrt: holdingCost IVR_pr of unrepaired_p_k at r; IpU_pkut: IpV_pu of unrepaired_p_k at u; IoU_okut: IoV_ou of component_o_k at u; holding "average" charges h (Inv_{t-1} + Inv_t) / 2 per period with Inv_0 = 0 (initial), i.e. h on Inv_t for t < T and h/2 on Inv_T, as model.ts.',
  F: 'x_rk, y_uk: option k of r (u) with fixedCost FR_rk (FU_uk), charged once.',
} as const;

/**
 * Writes a Phan et al. (2025) inventory-location instance as a network document with the same
 * columns, rows and objective coefficients (see {@link IL_OBJECTIVE_MAPPING}): customers supply
 * battery_p_k without limit on arcs to repair centres capped by S_pkirt (kept as rows, (15));
 * a repair centre open with technology option k converts each battery_p_k on arrival into
 * unrepaired_p_k at rate 1 - CR_pkrt (the repaired share goes back to the customer, outside the
 * model) and stocks it (IR); recycling centres stock unrepaired_p_k (IpU), disassemble it by A_pko
 * into component_o_k (CU, a decision because it can wait in stock), stock components (IoU) and ship
 * them to plants, whose demand on technology k's components is at least Σ_o DM_okmt (14).
 * Conversions are written at the node, not in the options: each product carries its technology k
 * and only the open option's products enter (and stocks start at 0), so a conversion of
 * technology k runs only under option k, as (4)-(5) imply in the paper; written this way the
 * repair conversion is done on arrival (no column, no row) and the disassembly needs no
 * linking row of its own, which keeps the paper's 248 columns and 232 rows.
 * A pure function: the instance is not changed.
 */
export function ilToNetwork(inst: IlInstance, options: IlConvertOptions = {}): NetworkDocument {
  const { I, R, U, M, K, P, O, T } = inst.sizes;
  const prod = ilProduct;
  const pk = (f: (p: number, k: number) => string, ks: readonly number[] = range(K)): string[] =>
    ks.flatMap((k) => range(P).map((p) => f(p, k)));
  const ok = (ks: readonly number[] = range(K)): string[] =>
    ks.flatMap((k) => range(O).map((o) => prod.component(inst, o, k)));
  const perT = (f: (t: number) => number): number[] => range(T).map(f);
  const keep = (p: number, k: number, r: number, t: number): number => 1 - param(inst, 'CR', p, k, r, t);
  // Derived values are written to 12 significant digits (6 x 0.8 is 4.800000000000001 in binary):
  // a change of 1e-16 relative, far below solver tolerances, for a file a reader can check.
  const tidy = (v: number): number => Number(v.toPrecision(12));
  const battery = (p: number, k: number): string => prod.battery(inst, p, k);
  const unrepaired = (p: number, k: number): string => prod.unrepaired(inst, p, k);
  const byPk = <V>(f: (p: number, k: number) => V): Record<string, V> =>
    Object.fromEntries(range(K).flatMap((k) => range(P).map((p) => [battery(p, k), f(p, k)])));
  const byUnrepaired = <V>(f: (p: number, k: number) => V): Record<string, V> =>
    Object.fromEntries(range(K).flatMap((k) => range(P).map((p) => [unrepaired(p, k), f(p, k)])));
  const byComponent = <V>(f: (o: number, k: number) => V): Record<string, V> =>
    Object.fromEntries(range(K).flatMap((k) => range(O).map((o) => [prod.component(inst, o, k), f(o, k)])));

  const customers: NodeDoc[] = range(I).map((i) => ({
    id: inst.ids.I[i]!,
    echelon: IL_ECHELONS.I,
    supply: byPk(() => 'unlimited' as const),
  }));
  const repair: NodeDoc[] = range(R).map((r) => ({
    id: inst.ids.R[r]!,
    echelon: IL_ECHELONS.R,
    options: range(K).map((k): TechOptionDoc => ({
      id: inst.ids.K[k]!,
      fixedCost: param(inst, 'FR', r, k),
      products: [...pk(battery, [k]), ...pk(unrepaired, [k])],
      emission: Object.fromEntries(
        range(P).map((p) => [battery(p, k), perT((t) => tidy(param(inst, 'ER', p, k, r) * keep(p, k, r, t)))]),
      ),
    })),
    conversions: range(K).flatMap((k) =>
      range(P).map((p) => ({ from: battery(p, k), to: { [unrepaired(p, k)]: perT((t) => tidy(keep(p, k, r, t))) } })),
    ),
    inventory: { products: pk(unrepaired), initial: 0, holdingCost: byUnrepaired((p) => param(inst, 'IVR', p, r)) },
  }));
  const recycling: NodeDoc[] = range(U).map((u) => ({
    id: inst.ids.U[u]!,
    echelon: IL_ECHELONS.U,
    options: range(K).map((k): TechOptionDoc => ({
      id: inst.ids.K[k]!,
      fixedCost: param(inst, 'FU', u, k),
      products: [...pk(unrepaired, [k]), ...ok([k])],
    })),
    conversions: range(K).flatMap((k) =>
      range(P).map((p) => ({
        from: unrepaired(p, k),
        to: Object.fromEntries(range(O).map((o) => [prod.component(inst, o, k), param(inst, 'A', p, k, o)])),
        emission: param(inst, 'EU', p, k, u),
      })),
    ),
    inventory: {
      products: [...pk(unrepaired), ...ok()],
      initial: 0,
      holdingCost: {
        ...byUnrepaired((p) => param(inst, 'IpV', p, u)),
        ...byComponent((o) => param(inst, 'IoV', o, u)),
      },
    },
  }));
  const plants: NodeDoc[] = range(M).map((m) => ({
    id: inst.ids.M[m]!,
    echelon: IL_ECHELONS.M,
    demand: Object.fromEntries(
      range(K).map((k) => [
        prod.componentGroup(inst, k),
        { atLeast: perT((t) => range(O).reduce((s, o) => s + param(inst, 'DM', o, k, m, t), 0)) },
      ]),
    ),
  }));

  const arcs: ArcDoc[] = [
    ...range(I).flatMap((i) =>
      range(R).map((r): ArcDoc => ({
        from: inst.ids.I[i]!,
        to: inst.ids.R[r]!,
        products: pk(battery),
        unitCost: byPk((p, k) => perT((t) => tidy(param(inst, 'VC', p, i, r) * keep(p, k, r, t)))),
        emission: byPk((p) => param(inst, 'EP', p)),
        capacity: byPk((p, k) => perT((t) => param(inst, 'S', p, k, i, r, t))),
      })),
    ),
    ...range(R).flatMap((r) =>
      range(U).map((u): ArcDoc => ({
        from: inst.ids.R[r]!,
        to: inst.ids.U[u]!,
        products: pk(unrepaired),
        unitCost: byUnrepaired((p) => tidy(param(inst, 'FoR', p, r) + param(inst, 'VR', p, r, u))),
        emission: byUnrepaired((p) => param(inst, 'EP', p)),
      })),
    ),
    ...range(U).flatMap((u) =>
      range(M).map((m): ArcDoc => ({
        from: inst.ids.U[u]!,
        to: inst.ids.M[m]!,
        products: ok(),
        unitCost: byComponent((o) => tidy(param(inst, 'FoU', o, u) + param(inst, 'VU', o, u, m))),
        emission: byComponent((o) => param(inst, 'EO', o)),
      })),
    ),
  ];

  return {
    problem: 'network',
    name: inst.name,
    description: `Phan et al. (2025) inventory-location network '${inst.name}' (repair and recycling centres with technology levels), converted from the inventory-location instance.`,
    provenance: {
      ...withProvenance(options.provenance, 'conversion', CONVERSION_NOTE),
      objectiveMapping: IL_OBJECTIVE_MAPPING,
      costParts:
        "fixed = F, holding = I, carbonTax = E (emissions here are the paper's emission costs, priced at carbonTax 1), transport = O + V.",
      rounding:
        'Derived values (1 - CR, VC (1 - CR), ER (1 - CR), FoR + VR, FoU + VU) are written to 12 significant digits.',
      rows:
        '(1)-(3) availabilityRows, (4)-(5) one linking row per option and period (strongLinking false; bigM ' +
        (inst.bigM === undefined ? 'the smallest valid bound per row' : String(inst.bigM)) +
        '), (7), (9), (11) stock balances, (12)-(13) at most one option per centre, (14) group demand, (15) arcCapacityRows.',
    },
    objective: 'cost',
    periods: T,
    products: [
      ...pk(battery).map((id) => ({ id, unit: 'battery' })),
      ...pk(unrepaired).map((id) => ({ id, unit: 'battery' })),
      ...ok().map((id) => ({ id, unit: 'component' })),
    ],
    productGroups: Object.fromEntries(range(K).map((k) => [prod.componentGroup(inst, k), ok([k])])),
    integerFlows: inst.integerFlows,
    holding: 'average',
    carbonTax: 1,
    nodes: [...customers, ...repair, ...recycling, ...plants],
    arcs,
    formulation: {
      strongLinking: false,
      availabilityRows: true,
      arcCapacityRows: true,
      ...(inst.bigM !== undefined ? { bigM: inst.bigM } : {}),
    },
  };
}

/** inventory-location JSON (`instances/inventory-location/`) -> network. */
export const inventoryLocationConverter: Converter = {
  description: 'inventory-location network (Phan et al. 2025) in the inventory-location JSON format',
  options: [],
  convert({ data, file }) {
    return ilToNetwork(parseIlJson(data, file), { provenance: (data as { provenance?: unknown }).provenance });
  },
};

import { designFrom, type Design } from '../../core/design.js';
import { expr, LinearModelBuilder, type LinearModel } from '../../exact/linear-model.js';
import { clean, emptyFlows, type JavaFlows } from './flows.js';
import type { JavaInstance } from './instance.js';

/** A built model and the map from its column values back to a design and flows. */
export interface JavaModel {
  readonly model: LinearModel;
  decode(values: Float64Array): { design: Design; flows: JavaFlows };
}

/**
 * The design-dependent part of the objective charged per open facility: investment IC_r, plus the
 * fixed cost when it is charged per facility (see {@link FixedCostBasis}).
 */
export function facilityCharge(inst: JavaInstance, r: number): number {
  const { amount, basis } = inst.fixedCost;
  const fixed = basis === 'facility-period' ? amount * inst.periods : basis === 'facility' ? amount : 0;
  return inst.facilities[r]!.investmentCost + fixed;
}

/** The design-independent fixed cost: FC once per period for the network (`network-period`). */
export function networkCharge(inst: JavaInstance): number {
  return inst.fixedCost.basis === 'network-period' ? inst.fixedCost.amount * inst.periods : 0;
}

/**
 * Kasy et al. (2025) model (1)-(18) as a minimisation of minus the profit. With `fixed` null it is
 * the full MILP (binary U_r per candidate); with a design it is the flow LP of that design (closed
 * candidates get no columns, open ones' charges become a constant). Readings of the paper:
 * - every constraint is per facility / manufacturer / period (the paper's (5)-(17) print sums over
 *   r and m that would let one facility's stock cover another's shipment; Table 7 is per facility);
 * - (17) reads `SN + SM + SC <= K_mt` (the paper prints SM twice) and applies only when K_mt is given;
 * - transport is Σ distance x 0.2 IDR/kg-km x flow on each leg, linear (the paper's product of two
 *   sums in (4) is read as the usual sum of products);
 * - inventory starts at 0 and is charged IVC per kg held at the end of each period.
 */
export function buildJavaModel(inst: JavaInstance, fixed: Design | null = null): JavaModel {
  const T = inst.periods;
  const R = inst.facilities.length;
  const tc = inst.transportCostPerKgKm;
  const open = inst.facilities.map((_, r) => fixed === null || fixed[r] === 1);
  const b = new LinearModelBuilder(`${inst.name}-${fixed === null ? 'milp' : 'flow'}`);
  const U: (number | null)[] = inst.facilities.map((f, r) =>
    fixed === null ? b.addVar(`U_${f.id}`, { type: 'binary', cost: facilityCharge(inst, r) }) : null,
  );
  if (fixed !== null) inst.facilities.forEach((_, r) => open[r] && b.addOffset(facilityCharge(inst, r)));
  b.addOffset(networkCharge(inst));

  const none = (): number[] => [];
  const LB = inst.centres.map(() => inst.facilities.map(none));
  const P = inst.facilities.map(() => inst.metals.map(none));
  const PW = inst.facilities.map(() => inst.landfills.map(none));
  const S = inst.facilities.map(() => inst.manufacturers.map(() => inst.metals.map(none)));
  const I = inst.facilities.map(() => inst.metals.map(none));
  for (let t = 0; t < T; t++) {
    inst.facilities.forEach((f, r) => {
      if (!open[r]) return;
      inst.centres.forEach((c, ci) => LB[ci]![r]![t] = b.addVar(`LB_${c.id}_${f.id}_${t + 1}`, { cost: tc * inst.dCR[ci]![r]! }));
      inst.metals.forEach((k, ki) => {
        P[r]![ki]![t] = b.addVar(`P${k.id}_${f.id}_${t + 1}`, { cost: k.recycleCost });
        I[r]![ki]![t] = b.addVar(`I${k.id}_${f.id}_${t + 1}`, { cost: inst.inventoryCost });
        inst.manufacturers.forEach((m, mi) => {
          S[r]![mi]![ki]![t] = b.addVar(`S${k.id}_${f.id}_${m.id}_${t + 1}`, { cost: -k.price + tc * inst.dRM[r]![mi]! });
        });
      });
      inst.landfills.forEach((w, wi) => {
        PW[r]![wi]![t] = b.addVar(`PW_${f.id}_${w.id}_${t + 1}`, { cost: inst.wasteTreatmentCost + tc * inst.dRW[r]![wi]! });
      });
    });
  }
  const openR = [...Array(R).keys()].filter((r) => open[r]);
  for (let t = 0; t < T; t++) {
    // (5) collection <= supply
    inst.centres.forEach((c, ci) => b.addLe(`supply_${c.id}_${t + 1}`, expr(openR.map((r) => LB[ci]![r]![t]!), openR.map(() => 1)), c.supply[t]!));
    for (const r of openR) {
      const f = inst.facilities[r]!;
      const inflow = inst.centres.map((_, ci) => LB[ci]![r]![t]!);
      const K = f.capacity[t]!;
      // (6) capacity, linked to U_r in the MILP
      const u = U[r];
      if (u === null || u === undefined) b.addLe(`cap_${f.id}_${t + 1}`, expr(inflow, inflow.map(() => 1)), K);
      else {
        b.addLe(`cap_${f.id}_${t + 1}`, expr([...inflow, u], [...inflow.map(() => 1), -K]), 0);
        // Valid strong linking: a closed facility receives nothing from any single centre.
        inst.centres.forEach((c, ci) => b.addLe(`link_${c.id}_${f.id}_${t + 1}`, expr([LB[ci]![r]![t]!, u], [1, -Math.min(K, c.supply[t]!)]), 0));
      }
      // (7)-(9) production by conversion factor
      inst.metals.forEach((k, ki) => b.addEq(`prod${k.id}_${f.id}_${t + 1}`, expr([P[r]![ki]![t]!, ...inflow], [1, ...inflow.map(() => -k.conversion)]), 0));
      // (10) residue to landfills
      const pw = inst.landfills.map((_, wi) => PW[r]![wi]![t]!);
      b.addEq(`waste_${f.id}_${t + 1}`, expr([...pw, ...inflow], [...pw.map(() => 1), ...inflow.map(() => -inst.wasteConversion)]), 0);
      // (11)-(13) inventory balance, starting from 0
      inst.metals.forEach((k, ki) => {
        const sent = inst.manufacturers.map((_, mi) => S[r]![mi]![ki]![t]!);
        const vars = [...sent, I[r]![ki]![t]!, P[r]![ki]![t]!];
        const coefs = [...sent.map(() => 1), 1, -1];
        if (t > 0) {
          vars.push(I[r]![ki]![t - 1]!);
          coefs.push(-1);
        }
        b.addEq(`bal${k.id}_${f.id}_${t + 1}`, expr(vars, coefs), 0);
      });
    }
    inst.manufacturers.forEach((m, mi) => {
      // (14)-(16) demand met exactly
      inst.metals.forEach((k, ki) => b.addEq(`dem${k.id}_${m.id}_${t + 1}`, expr(openR.map((r) => S[r]![mi]![ki]![t]!), openR.map(() => 1)), m.demand[ki]![t]!));
      // (17) manufacturer capacity, when the instance gives one
      if (m.capacity) {
        const vars = openR.flatMap((r) => inst.metals.map((_, ki) => S[r]![mi]![ki]![t]!));
        b.addLe(`mcap_${m.id}_${t + 1}`, expr(vars, vars.map(() => 1)), m.capacity[t]!);
      }
    });
  }
  const model = b.build();
  return {
    model,
    decode(values) {
      const v = (col: number | undefined): number => (col === undefined ? 0 : clean(values[col]!));
      const design = fixed ?? designFrom(R, U.flatMap((col, r) => (col !== null && values[col]! > 0.5 ? [r] : [])));
      const flows = emptyFlows(inst);
      for (let t = 0; t < T; t++) {
        for (const r of openR) {
          inst.centres.forEach((_, ci) => (flows.collect[ci]![r]![t] = v(LB[ci]![r]![t])));
          inst.metals.forEach((_, ki) => {
            flows.production[r]![ki]![t] = v(P[r]![ki]![t]);
            flows.inventory[r]![ki]![t] = v(I[r]![ki]![t]);
            inst.manufacturers.forEach((_, mi) => (flows.ship[r]![mi]![ki]![t] = v(S[r]![mi]![ki]![t])));
          });
          inst.landfills.forEach((_, wi) => (flows.residue[r]![wi]![t] = v(PW[r]![wi]![t])));
        }
      }
      return { design: Uint8Array.from(design), flows };
    },
  };
}

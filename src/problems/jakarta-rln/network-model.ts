import { designFrom, type Design } from '../../core/design.js';
import { expr, LinearModelBuilder, sum, type LinearModel } from '../../exact/linear-model.js';
import { bitOf, jakartaSpace } from './design-layout.js';
import { FLOW_EPS, type CellFlow, type JakartaFlows, type PackFlow, type WasteFlow } from './flows.js';
import { clusterPacks, QUALITIES, type JakartaInstance } from './instance.js';
import { cellUnit, packUnit, unitObjective, wasteUnit } from './unit-costs.js';

/** A built network model and the map from its column values back to design and flows. */
export interface NetworkModel {
  readonly model: LinearModel;
  decode(values: Float64Array): { design: Design; flows: JakartaFlows };
}

interface Col<T> {
  readonly col: number;
  readonly key: T;
}

/**
 * Builds the paper's model. Without `design`: the full MILP (6)-(24) with binaries x for every
 * candidate. With `design`: the flow LP of that design, i.e. the same rows over the open sites only
 * (arcs to closed sites are left out, which is what (15)-(19) force), fixed costs as a constant.
 *
 * Readings of the paper (see docs/problems/jakarta-rln.md):
 * - (7)-(10) are written per cluster; they are imposed per CC here (cells leave the CC that received
 *   the packs), which implies the paper's rows and stops cells leaving a closed CC, a loophole of the
 *   literal per-cluster form since (17)-(19) link cell flows only to the destination's x.
 * - (11) is imposed per RMC (waste leaves the RMC that processed the cells); it implies the paper's
 *   aggregate row, which is also kept.
 * - Dealer supply (Q_ds parameters of Table 5) is a row: each dealer ships all its packs to CCs of its
 *   cluster. The big-M of (15)-(19) is the smallest valid one (the arc's largest possible flow).
 * - (16), (20)-(22) (arcs that must carry nothing) are arcs without a column.
 */
export function buildNetworkModel(inst: JakartaInstance, design?: Design): NetworkModel {
  const milp = design === undefined;
  const open = (echelon: 'cc' | 'rmc' | 'wdc', idx: number): boolean => milp || design![bitOf(inst, echelon, idx)] === 1;
  const b = new LinearModelBuilder(milp ? `${inst.name}-milp` : `${inst.name}-flow`);
  const { types, ccs, rmcs, wdcs, dealers } = inst;
  const P = clusterPacks(inst);

  // Site binaries (MILP) or fixed costs of the given design (flow LP).
  const x = { cc: [] as number[], rmc: [] as number[], wdc: [] as number[] };
  const sites = { cc: ccs, rmc: rmcs, wdc: wdcs } as const;
  for (const e of ['cc', 'rmc', 'wdc'] as const) {
    sites[e].forEach((s, idx) => {
      if (milp) x[e].push(b.addVar(`x_${s.id}`, { type: 'binary', cost: s.fixedCost }));
      else if (open(e, idx)) b.addOffset(s.fixedCost);
    });
  }

  const packCols: Col<PackFlow>[] = [];
  dealers.forEach((dl, d) => {
    types.forEach((t, bt) => {
      const cols: number[] = [];
      ccs.forEach((c, i) => {
        if (c.cluster !== dl.cluster || !open('cc', i)) return;
        const col = b.addVar(`q_${dl.id}_${c.id}_${t.id}`, { cost: unitObjective(inst, packUnit(inst, d, i, bt)) });
        packCols.push({ col, key: { dealer: d, cc: i, type: bt, packs: 0 } });
        cols.push(col);
        if (milp && dl.packs[bt]! > 0) b.addLe(`e15_${dl.id}_${c.id}_${t.id}`, expr([col, x.cc[i]!], [1, -dl.packs[bt]!]), 0);
      });
      b.addEq(`supply_${dl.id}_${t.id}`, sum(cols), dl.packs[bt]!);
    });
  });

  const cellCols: Col<CellFlow>[] = [];
  const wasteCols: Col<WasteFlow>[] = [];
  // cellsIn[i][b] / cellsOut[i][b][u]: column lists for the per-CC balances.
  ccs.forEach((c, i) => {
    if (!open('cc', i)) return;
    const k = c.cluster;
    types.forEach((t, bt) => {
      const inCols = packCols.filter((p) => p.key.cc === i && p.key.type === bt).map((p) => p.col);
      const S = t.cellsPerPack;
      const outAll: number[] = [];
      QUALITIES.forEach((qName, u) => {
        const quality = u as 0 | 1 | 2;
        const dests = quality === 2 ? wdcs : rmcs;
        const outCols: number[] = [];
        dests.forEach((dst, idx) => {
          if (!open(quality === 2 ? 'wdc' : 'rmc', idx)) return;
          const prefix = ['qm', 'qr', 'qw'][u]!;
          const col = b.addVar(`${prefix}_${c.id}_${dst.id}_${t.id}`, { cost: unitObjective(inst, cellUnit(inst, i, quality, idx, bt)) });
          cellCols.push({ col, key: { cc: i, quality, dest: idx, type: bt, cells: 0 } });
          outCols.push(col);
          if (milp) {
            const bigM = inst.alpha[k]![bt]![u]! * S * P[k]![bt]!;
            const site = quality === 2 ? x.wdc[idx]! : x.rmc[idx]!;
            b.addLe(`e${17 + u}_${c.id}_${dst.id}_${t.id}`, expr([col, site], [1, -bigM]), 0);
          }
        });
        outAll.push(...outCols);
        // (8)-(10): cells of quality u leaving CC i = alpha_u S_b x packs received at i.
        const a = inst.alpha[k]![bt]![u]!;
        b.addEq(`e${8 + u}_${c.id}_${t.id}_${qName}`, expr([...outCols, ...inCols], [...outCols.map(() => 1), ...inCols.map(() => -a * S)]), 0);
      });
      // (7): every cell of the packs received leaves the CC.
      b.addEq(`e7_${c.id}_${t.id}`, expr([...inCols, ...outAll], [...inCols.map(() => S), ...outAll.map(() => -1)]), 0);
    });
  });

  types.forEach((t, bt) => {
    const factor = inst.wasteRatio * t.cellMassKg;
    const bigM = factor * inst.clusters.reduce((s, _, k) => s + (inst.alpha[k]![bt]![0]! + inst.alpha[k]![bt]![1]!) * t.cellsPerPack * P[k]![bt]!, 0);
    const allWaste: number[] = [];
    const allRmcIn: number[] = [];
    rmcs.forEach((r, j) => {
      if (!open('rmc', j)) return;
      const outCols: number[] = [];
      wdcs.forEach((wd, w) => {
        if (!open('wdc', w)) return;
        const col = b.addVar(`qj_${r.id}_${wd.id}_${t.id}`, { cost: unitObjective(inst, wasteUnit(inst, j, w, bt)) });
        wasteCols.push({ col, key: { rmc: j, wdc: w, type: bt, kg: 0 } });
        outCols.push(col);
        if (milp) b.addLe(`waste_link_${r.id}_${wd.id}_${t.id}`, expr([col, x.wdc[w]!], [1, -bigM]), 0);
      });
      const inCols = cellCols.filter((cc) => cc.key.dest === j && cc.key.quality !== 2 && cc.key.type === bt).map((cc) => cc.col);
      b.addEq(`e11_${r.id}_${t.id}`, expr([...outCols, ...inCols], [...outCols.map(() => 1), ...inCols.map(() => -factor)]), 0);
      allWaste.push(...outCols);
      allRmcIn.push(...inCols);
    });
    // (11) as the paper writes it (aggregate over RMCs); implied by the per-RMC rows above.
    b.addEq(`e11_all_${t.id}`, expr([...allWaste, ...allRmcIn], [...allWaste.map(() => 1), ...allRmcIn.map(() => -factor)]), 0);
  });

  if (milp) {
    inst.clusters.forEach((cl, k) => b.addEq(`e12_${cl.id}`, sum(ccs.flatMap((c, i) => (c.cluster === k ? [x.cc[i]!] : []))), 1));
    b.addEq('e13', sum(x.rmc), 1);
    b.addEq('e14', sum(x.wdc), 1);
  }

  const model = b.build();
  const size = jakartaSpace(inst).size;
  return {
    model,
    decode(values) {
      const chosen = milp
        ? designFrom(size, [
            ...x.cc.flatMap((col, i) => (values[col]! > 0.5 ? [bitOf(inst, 'cc', i)] : [])),
            ...x.rmc.flatMap((col, j) => (values[col]! > 0.5 ? [bitOf(inst, 'rmc', j)] : [])),
            ...x.wdc.flatMap((col, w) => (values[col]! > 0.5 ? [bitOf(inst, 'wdc', w)] : [])),
          ])
        : Uint8Array.from(design!);
      const keep = <T, V>(cols: Col<T>[], make: (key: T, v: number) => V): V[] =>
        cols.flatMap((c) => (values[c.col]! > FLOW_EPS ? [make(c.key, values[c.col]!)] : []));
      return {
        design: chosen,
        flows: {
          packs: keep(packCols, (k, v) => ({ ...k, packs: v })),
          cells: keep(cellCols, (k, v) => ({ ...k, cells: v })),
          waste: keep(wasteCols, (k, v) => ({ ...k, kg: v })),
        },
      };
    },
  };
}

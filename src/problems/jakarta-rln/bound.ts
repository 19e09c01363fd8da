import { designFrom, type Design } from '../../core/design.js';
import { preciseSum } from '../../core/numeric.js';
import { cellFlowsFrom, dealersByCluster, packFlowsTo, packsReceived, rmcCellsIn, wasteFlowsOf } from './closed-form.js';
import { flowCost } from './cost.js';
import { bitOf } from './design-layout.js';
import type { CellFlow, JakartaFlows } from './flows.js';
import { ccsOf, type JakartaInstance } from './instance.js';

/** Designs offered as seeds: the optimum's pair and the next-best (RMC, WDC) pairs, one design each. */
export const DEFAULT_SEED_PAIRS = 4;

/** The best network for one (RMC, WDC) pair. */
export interface PairOptimum {
  readonly rmc: number;
  readonly wdc: number;
  /** Objective (6) of the network: the cheapest any design with this RMC and WDC can cost. */
  readonly cost: number;
  /** The CC each cluster opens (its cheapest for this pair). */
  readonly ccs: readonly number[];
}

/** The exact optimum of a Jakarta instance and the designs that go with it. */
export interface JakartaDecomposition {
  /** The optimum (to round-off), so a valid lower bound. */
  readonly lowerBound: number;
  /** The optimal design first, then the best design of each next-best pair. */
  readonly designs: readonly Design[];
  /** Every (RMC, WDC) pair's optimum, cheapest first. */
  readonly pairs: readonly PairOptimum[];
}

const priced = (inst: JakartaInstance, part: Partial<JakartaFlows>): number =>
  flowCost(inst, { packs: part.packs ?? [], cells: part.cells ?? [], waste: part.waste ?? [] }).total;

/** One cluster's CC costs: fixed + packs per CC, and cells per CC, RMC and WDC (`[i][j * W + w]`). */
interface ClusterCosts {
  readonly ccs: readonly number[];
  readonly base: readonly number[];
  readonly cells: readonly Float64Array[];
}

function clusterCosts(inst: JakartaInstance, k: number, dealers: readonly number[], refCells: CellFlow[]): ClusterCosts {
  const R = inst.rmcs.length;
  const W = inst.wdcs.length;
  const ccs = ccsOf(inst, k);
  const base: number[] = [];
  const cells: Float64Array[] = [];
  for (const i of ccs) {
    const packs = packFlowsTo(inst, dealers, i);
    // The cluster's packs, so the same at every CC; its cells differ only in where they travel.
    const received = packsReceived(inst, packs);
    base.push(inst.ccs[i]!.fixedCost + priced(inst, { packs }));
    const row = new Float64Array(R * W);
    for (let j = 0; j < R; j++) for (let w = 0; w < W; w++) row[j * W + w] = priced(inst, { cells: cellFlowsFrom(inst, i, received, j, w) });
    cells.push(row);
    if (i === ccs[0]) refCells.push(...cellFlowsFrom(inst, i, received, 0, 0));
  }
  return { ccs, base, cells };
}

/**
 * The exact optimum by decomposition over (RMC, WDC) pairs. The network is uncapacitated with one
 * CC per cluster, one RMC and one WDC, so once the RMC j and WDC w are fixed the objective is
 *   fixed(j) + fixed(w) + waste(j, w) + sum_k min_{i in k} [fixed(i) + packs(k -> i) + cells(i -> j, w)],
 * where the waste term does not depend on the CCs: every cluster's packs reach some CC of its own,
 * so the L1/L2 cells the RMC receives, and the waste it sends, are the same whichever CCs open.
 * Enumerating the R x W pairs therefore gives the optimum. Every term is priced by `flowCost` on
 * the flows `closedFormFlows` would write for that part of the network, so the bound equals the
 * priced cost of the optimal design to round-off. O(CCs x R x W + dealers x CCs per cluster).
 * Returns null when the `deadline` (performance.now() ms) passes before the bound is proven.
 */
export function jakartaDecomposition(inst: JakartaInstance, deadline = Infinity, seedPairs = DEFAULT_SEED_PAIRS): JakartaDecomposition | null {
  const R = inst.rmcs.length;
  const W = inst.wdcs.length;
  const refCells: CellFlow[] = [];
  const clusters: ClusterCosts[] = [];
  for (const [k, dealers] of dealersByCluster(inst).entries()) {
    if (performance.now() > deadline) return null;
    clusters.push(clusterCosts(inst, k, dealers, refCells));
  }
  const rmcIn = rmcCellsIn(inst, refCells);
  const pairs: PairOptimum[] = [];
  for (let j = 0; j < R; j++) {
    if (performance.now() > deadline) return null;
    for (let w = 0; w < W; w++) {
      const ccs: number[] = [];
      const terms = [inst.rmcs[j]!.fixedCost, inst.wdcs[w]!.fixedCost, priced(inst, { waste: wasteFlowsOf(inst, rmcIn, j, w) })];
      for (const c of clusters) {
        let best = 0;
        let bestCost = Infinity;
        c.ccs.forEach((_, a) => {
          const v = c.base[a]! + c.cells[a]![j * W + w]!;
          if (v < bestCost) [best, bestCost] = [a, v];
        });
        ccs.push(c.ccs[best]!);
        terms.push(bestCost);
      }
      pairs.push({ rmc: j, wdc: w, cost: preciseSum(terms), ccs });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost || a.rmc - b.rmc || a.wdc - b.wdc);
  const size = inst.ccs.length + R + W;
  const designs = pairs
    .slice(0, Math.max(1, seedPairs))
    .map((p) => designFrom(size, [...p.ccs.map((i) => bitOf(inst, 'cc', i)), bitOf(inst, 'rmc', p.rmc), bitOf(inst, 'wdc', p.wdc)]));
  return { lowerBound: pairs[0]!.cost, designs, pairs };
}

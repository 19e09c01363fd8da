import type { DesignSpace } from '../../core/design.js';
import type { JakartaInstance } from './instance.js';

/**
 * Design bits: every CC candidate, then every RMC candidate, then every WDC candidate. Groups
 * carry constraints (12)-(14): exactly one CC per cluster, exactly one RMC, exactly one WDC.
 */
export function jakartaSpace(inst: JakartaInstance): DesignSpace {
  const nCc = inst.ccs.length;
  const nR = inst.rmcs.length;
  const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, k) => from + k);
  return {
    size: nCc + nR + inst.wdcs.length,
    labels: [...inst.ccs, ...inst.rmcs, ...inst.wdcs].map((s) => s.id),
    groups: [
      ...inst.clusters.map((c, k) => ({
        name: `CC of cluster ${c.id}`,
        members: inst.ccs.flatMap((cc, i) => (cc.cluster === k ? [i] : [])),
        rule: 'exactly-one' as const,
      })),
      { name: 'RMC', members: range(nCc, nR), rule: 'exactly-one' as const },
      { name: 'WDC', members: range(nCc + nR, inst.wdcs.length), rule: 'exactly-one' as const },
    ],
  };
}

/** Design bit of CC i, RMC j, WDC w. */
export function bitOf(inst: JakartaInstance, echelon: 'cc' | 'rmc' | 'wdc', index: number): number {
  if (echelon === 'cc') return index;
  if (echelon === 'rmc') return inst.ccs.length + index;
  return inst.ccs.length + inst.rmcs.length + index;
}

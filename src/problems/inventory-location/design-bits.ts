import type { DesignGroup, DesignSpace } from '../../core/design.js';
import { param, type IlInstance } from './instance.js';
import { range } from './shape.js';

/**
 * The design of an instance is the paper's binaries: x_rk (repair centre r opened with technology
 * k) at bit `r*K + k`, then y_uk (collection & recycling centre u with technology k) at bit
 * `R*K + u*K + k`. Constraints (12)-(13), at most one technology per centre, are one
 * 'at-most-one' group per centre.
 */
export function xBit(inst: IlInstance, r: number, k: number): number {
  return r * inst.sizes.K + k;
}

/** Bit of y_uk; see {@link xBit}. */
export function yBit(inst: IlInstance, u: number, k: number): number {
  return (inst.sizes.R + u) * inst.sizes.K + k;
}

/** Number of design bits, (R + U) * K. */
export function designSize(inst: IlInstance): number {
  return (inst.sizes.R + inst.sizes.U) * inst.sizes.K;
}

/** A centre and technology behind one design bit. */
export interface BitMeaning {
  readonly stage: 'repair' | 'recycling';
  /** 0-based index of the centre within its stage. */
  readonly centre: number;
  readonly tech: number;
}

/** Which centre and technology a bit stands for. */
export function bitMeaning(inst: IlInstance, bit: number): BitMeaning {
  const { R, K } = inst.sizes;
  const site = Math.floor(bit / K);
  return site < R ? { stage: 'repair', centre: site, tech: bit % K } : { stage: 'recycling', centre: site - R, tech: bit % K };
}

/** Label of a bit: `R1:k2` (repair centre R1 with technology k2). */
export function bitLabel(inst: IlInstance, bit: number): string {
  const b = bitMeaning(inst, bit);
  const id = b.stage === 'repair' ? inst.ids.R[b.centre]! : inst.ids.U[b.centre]!;
  return `${id}:${inst.ids.K[b.tech]!}`;
}

/** The design space: labels, and one at-most-one group per centre ((12) and (13)). */
export function ilDesignSpace(inst: IlInstance): DesignSpace {
  const { R, U, K } = inst.sizes;
  const groups: DesignGroup[] = [
    ...range(R).map((r) => ({ name: `(12) repair centre ${inst.ids.R[r]}`, members: range(K).map((k) => xBit(inst, r, k)), rule: 'at-most-one' as const })),
    ...range(U).map((u) => ({ name: `(13) recycling centre ${inst.ids.U[u]}`, members: range(K).map((k) => yBit(inst, u, k)), rule: 'at-most-one' as const })),
  ];
  return { size: designSize(inst), labels: range(designSize(inst)).map((b) => bitLabel(inst, b)), groups };
}

/** Opening cost of each bit: FR_rk or FU_uk. */
export function bitFixedCosts(inst: IlInstance): number[] {
  return range(designSize(inst)).map((bit) => {
    const b = bitMeaning(inst, bit);
    return b.stage === 'repair' ? param(inst, 'FR', b.centre, b.tech) : param(inst, 'FU', b.centre, b.tech);
  });
}

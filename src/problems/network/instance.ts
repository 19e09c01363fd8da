import type { NetworkDocument } from './schema.js';

/**
 * The compiled, read-only network: every id resolved to an index, every period value expanded to
 * one number per period (`Float64Array` of length T), products of an arc listed explicitly.
 * Built once by `compileNetwork` from a validated document; a scenario makes a new document and
 * compiles it again, never edits this object.
 */
export interface NetworkInstance {
  readonly kind: 'network';
  readonly name: string;
  /** File it was read from (for error messages). */
  readonly source: string;
  /** The validated document it was compiled from (scenarios and `rlnd convert` work on it). */
  readonly doc: NetworkDocument;
  readonly periods: number;
  readonly products: readonly NetProduct[];
  readonly productIndex: ReadonlyMap<string, number>;
  readonly nodes: readonly NetNode[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly arcs: readonly NetArc[];
  /** One design bit per candidate node without options, one per option otherwise. */
  readonly bits: readonly DesignBitInfo[];
  readonly groups: readonly CountRule[];
  readonly objective: 'cost' | 'profit';
  readonly carbonTax: number;
  readonly constantCost: number;
  readonly integerFlows: boolean;
  readonly holding: 'end-of-period' | 'average';
  readonly formulation: Required<Omit<NonNullable<NetworkDocument['formulation']>, 'bigM'>> & {
    readonly bigM?: number;
  };
}

/** A product. */
export interface NetProduct {
  readonly id: string;
  readonly unit?: string;
  readonly massKg?: number;
}

/** Per-period values, one per period. */
export type Periodic = Float64Array;

/** Lower and upper bound per period (upper may be Infinity). */
export interface PeriodBounds {
  readonly lower: Periodic;
  readonly upper: Periodic;
}

/** A capacity: on the sum over products and/or per product (product index -> per period). */
export interface NetCapacity {
  readonly total: Periodic | null;
  readonly perProduct: ReadonlyMap<number, Periodic>;
}

/** A conversion at a node (or at one of its options): `from` processed into `to` by rates. */
export interface NetConversion {
  readonly from: number;
  readonly to: readonly { readonly product: number; readonly rate: Periodic }[];
  /** Cost per unit of `from` processed, per period. */
  readonly cost: Periodic;
  /** kg CO2 per unit of `from` processed. */
  readonly emission: number;
  /** Option index within the node, or null for a node-level conversion. */
  readonly option: number | null;
}

/** A technology option of a candidate node. */
export interface NetOption {
  readonly id: string;
  readonly fixedCost: number;
  readonly capacity: NetCapacity | null;
  /** Products the option handles, or null for every product. */
  readonly products: ReadonlySet<number> | null;
  /** Per product x period handling cost, or null to use the node's. */
  readonly handlingCost: Float64Array | null;
  readonly emission: Float64Array | null;
}

/** Stock kept at a node. */
export interface NetInventory {
  readonly products: readonly number[];
  /** Initial stock per product (indexed by product). */
  readonly initial: Float64Array;
  /** Holding cost per product x period (`p * T + t`). */
  readonly holdingCost: Float64Array;
  /** Largest stock per product x period (Infinity when unbounded). */
  readonly max: Float64Array;
}

/** A bound on how much of some products a node absorbs (its demand) per period. */
export interface NetDemand {
  /** The product or product-group id as written. */
  readonly key: string;
  readonly products: readonly number[];
  readonly bounds: PeriodBounds;
}

/** A node. Per product x period arrays are indexed `p * T + t` and null when all zero. */
export interface NetNode {
  readonly index: number;
  readonly id: string;
  readonly echelon: string;
  readonly name?: string;
  readonly cluster?: string;
  readonly lat?: number;
  readonly lon?: number;
  readonly x?: number;
  readonly y?: number;
  /** Supply bounds per product (what leaves the node beyond what arrives or is produced). */
  readonly supply: ReadonlyMap<number, PeriodBounds>;
  readonly supplyCost: Float64Array | null;
  readonly demand: readonly NetDemand[];
  readonly price: Float64Array | null;
  readonly handlingCost: Float64Array | null;
  readonly emission: Float64Array | null;
  readonly capacity: NetCapacity | null;
  readonly conversions: readonly NetConversion[];
  readonly inventory: NetInventory | null;
  readonly options: readonly NetOption[];
  /** Opens or closes (has `fixedCost` or `options`). */
  readonly candidate: boolean;
  /** Fixed cost of a candidate without options (a per-period array is summed). */
  readonly fixedCost: number;
  readonly singleSource: boolean;
  /** Throughput is outflow (the node supplies something) rather than inflow. */
  readonly throughputIsOutflow: boolean;
}

/** An arc and what it carries. Per product arrays are indexed by position in `products`. */
export interface NetArc {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  /** Products the arc may carry (product indices). */
  readonly products: readonly number[];
  /** Unit cost per carried product x period (`k * T + t`, k = position in `products`). */
  readonly cost: Float64Array;
  /** kg CO2 per unit per carried product x period. */
  readonly emission: Float64Array;
  readonly capacity: NetCapacity | null;
  readonly km?: number;
}

/** What one design bit opens. */
export interface DesignBitInfo {
  readonly node: number;
  /** Option index, or null for a node without options. */
  readonly option: number | null;
  readonly label: string;
  readonly fixedCost: number;
}

/** A count rule over candidate nodes (each counted once, whichever option). */
export interface CountRule {
  readonly name: string;
  /** Node indices (all candidates). */
  readonly nodes: readonly number[];
  readonly rule: 'exactly' | 'atMost' | 'atLeast';
  readonly count: number;
}

/** Value of a per product x period array (0 when null). */
export function at(values: Float64Array | null, T: number, p: number, t: number): number {
  return values === null ? 0 : values[p * T + t]!;
}

/** Design bits of a node (one, or one per option). */
export function bitsOfNode(inst: NetworkInstance, node: number): number[] {
  const out: number[] = [];
  inst.bits.forEach((b, i) => {
    if (b.node === node) out.push(i);
  });
  return out;
}

import { z } from 'zod';
import { NETWORK_FIELDS } from './field-names.js';

/*
 * The network instance schema: one source for the TypeScript types, the validation of files and
 * the published JSON Schema (docs/network.schema.json, for editor autocompletion). Objects are
 * strict: an unknown key is an error, never silently ignored. Semantic checks that need the whole
 * document (ids exist, arrays have one value per period) are in compile.ts.
 */

const finite = z.number().refine(Number.isFinite, 'a finite number');
const nonNeg = finite.refine((v) => v >= 0, 'a number >= 0');
const id = z.union([z.string().min(1), z.number().transform(String)]);

/** A value that may vary by period: one number for every period, or one per period. */
export const PeriodValue = z.union([nonNeg, z.array(nonNeg).min(1)]);
/** A value per product (each a {@link PeriodValue}), or one value for every product. */
export const ProductValue = z.union([PeriodValue, z.record(z.string(), PeriodValue)]);
/** A signed value (a price may be any sign) that may vary by period. */
const SignedPeriodValue = z.union([finite, z.array(finite).min(1)]);

/** Supply of one product: a plain amount means "at most that much leaves". */
export const SupplyAmount = z.union([
  PeriodValue,
  z.literal('unlimited'),
  z.strictObject({ exactly: PeriodValue }),
  z.strictObject({ upTo: PeriodValue }),
]);

/** Demand of one product or product group: a plain amount means "exactly that much arrives". */
export const DemandAmount = z.union([
  PeriodValue,
  z.strictObject({ exactly: PeriodValue }),
  z.strictObject({ atLeast: PeriodValue, atMost: PeriodValue.optional() }),
  z.strictObject({ atMost: PeriodValue }),
]);

/** Capacity: a number bounds the sum over products, an object bounds each listed product. */
export const Capacity = z.union([PeriodValue, z.record(z.string(), PeriodValue)]);

/**
 * A conversion: each unit of `from` processed at the node yields `to[q]` units of q (rates may
 * vary by period). Outputs need not conserve mass: what is not listed leaves the system (e.g.
 * remanufactured cells sold outside the model). `cost` is charged per unit of `from` processed.
 */
export const Conversion = z.strictObject({
  from: id,
  to: z.record(z.string(), PeriodValue),
  cost: PeriodValue.optional(),
  emission: nonNeg.optional(),
});

/** Per-product inventory at a node: initial stock and holding cost per unit per period. */
export const Inventory = z.strictObject({
  products: z.array(id).min(1),
  initial: ProductValue.optional(),
  holdingCost: ProductValue.optional(),
  max: ProductValue.optional(),
});

/** A technology option of a candidate node: at most one is chosen. */
export const TechOption = z.strictObject({
  id,
  fixedCost: PeriodValue,
  capacity: Capacity.optional(),
  /** Products this option handles (disjoint between options); absent: every product. */
  products: z.array(id).min(1).optional(),
  conversions: z.array(Conversion).optional(),
  handlingCost: ProductValue.optional(),
  emission: ProductValue.optional(),
});

/** Node fields that may also be given once per echelon (`echelonDefaults`). */
const nodeCommon = {
  supply: z.record(z.string(), SupplyAmount).optional(),
  supplyCost: ProductValue.optional(),
  demand: z.record(z.string(), DemandAmount).optional(),
  price: z.union([SignedPeriodValue, z.record(z.string(), SignedPeriodValue)]).optional(),
  fixedCost: PeriodValue.optional(),
  capacity: Capacity.optional(),
  handlingCost: ProductValue.optional(),
  emission: ProductValue.optional(),
  conversions: z.array(Conversion).optional(),
  inventory: Inventory.optional(),
  options: z.array(TechOption).min(1).optional(),
  singleSource: z.boolean().optional(),
};

/** A node of the network. A node with `fixedCost` or `options` is a candidate (design decision). */
export const Node = z.strictObject({
  id,
  echelon: id,
  name: z.string().optional(),
  cluster: id.optional(),
  lat: finite.refine((v) => Math.abs(v) <= 90, 'a latitude in [-90, 90]').optional(),
  lon: finite.refine((v) => Math.abs(v) <= 180, 'a longitude in [-180, 180]').optional(),
  x: finite.optional(),
  y: finite.optional(),
  ...nodeCommon,
});

/** An arc listed explicitly. Unit cost = `unitCost` + `km` x `costPerKm` (each per product). */
export const Arc = z.strictObject({
  from: id,
  to: id,
  unitCost: ProductValue.optional(),
  km: nonNeg.optional(),
  costPerKm: ProductValue.optional(),
  emission: ProductValue.optional(),
  emissionPerKm: ProductValue.optional(),
  capacity: Capacity.optional(),
  /** Products the arc carries; absent: those with a unit cost (every product for a number). */
  products: z.array(id).min(1).optional(),
});

/**
 * Arcs generated between two echelons (every pair, or pairs in the same cluster), with the
 * distance from the nodes' coordinates under the instance's `distance` rule.
 */
export const ArcRule = z.strictObject({
  from: id,
  to: id,
  sameCluster: z.boolean().optional(),
  unitCost: ProductValue.optional(),
  costPerKm: ProductValue.optional(),
  emission: ProductValue.optional(),
  emissionPerKm: ProductValue.optional(),
  capacity: Capacity.optional(),
  products: z.array(id).min(1).optional(),
});

/** A rule on how many of a set of candidates open. */
export const Group = z.strictObject({
  name: z.string().optional(),
  /** Node ids (a node with options counts once, whichever option), or a selection. */
  members: z.union([z.array(id).min(1), z.strictObject({ echelon: id.optional(), cluster: id.optional() })]),
  /** With a selection: one group per cluster of the selected nodes. */
  perCluster: z.boolean().optional(),
  rule: z.enum(['exactly', 'atMost', 'atLeast']),
  count: z.number().int().min(0),
});

/** A product: an id, or an id with its unit and optional mass per unit. */
export const Product = z.union([
  id,
  z.strictObject({
    id,
    unit: z.string().optional(),
    massKg: z.number().positive().optional(),
    name: z.string().optional(),
  }),
]);

/**
 * How the model is written where papers differ; every interpretation of a paper is a named option
 * here, documented in docs/network.md.
 */
export const Formulation = z.strictObject({
  /** Link each arc into a candidate to its opening (x_ij <= M y_i): a tighter LP. Default true. */
  strongLinking: z.boolean().optional(),
  /**
   * Also write "what leaves or is processed in period t is at most the stock at t-1 plus what
   * arrives or is produced in t" per stocked product (implied by the balance; Phan et al. count
   * them as (1)-(3)). Default false.
   */
  availabilityRows: z.boolean().optional(),
  /** One big-M for every linking row (a paper's); default: the smallest valid bound per row. */
  bigM: z.number().positive().optional(),
  /** Write arc capacities as rows instead of column bounds (Phan et al. count them as (15)). */
  arcCapacityRows: z.boolean().optional(),
});

const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t).min(1)]);

/**
 * A change of a two-stage scenario, as the scenario mechanism writes it (scenario.ts,
 * `applyChanges`): scale or set the selected values of one field.
 */
export const ScenarioChange = z.strictObject({
  field: z.enum(NETWORK_FIELDS),
  select: z
    .strictObject({
      echelon: oneOrMany(z.string()).optional(),
      from: oneOrMany(z.string()).optional(),
      node: oneOrMany(z.string()).optional(),
      cluster: oneOrMany(z.string()).optional(),
      product: oneOrMany(z.string()).optional(),
      period: oneOrMany(z.number().int().min(1)).optional(),
    })
    .optional(),
  scale: z.union([nonNeg, z.array(nonNeg).min(1)]).optional(),
  set: finite.optional(),
});

/**
 * A second-stage scenario: with its probability, it replaces the listed supply and demand values
 * (node id -> product -> amount; the others keep their nominal values), then applies its changes.
 */
export const Scenario = z.strictObject({
  id,
  name: z.string().optional(),
  probability: finite.refine((v) => v >= 0 && v <= 1, 'a probability in [0, 1]'),
  demand: z.record(z.string(), z.record(z.string(), DemandAmount)).optional(),
  supply: z.record(z.string(), z.record(z.string(), SupplyAmount)).optional(),
  changes: z.array(ScenarioChange).optional(),
});

/** What the second stage may do besides the flows. */
export const Recourse = z.strictObject({
  /** Demand may be left unmet at this cost per unit (without it every scenario is served in full). */
  unmetDemandPenalty: nonNeg,
});

/** The instance document: what a network file holds. */
export const NetworkDocumentSchema = z.strictObject({
  /** The JSON Schema this file follows (for editors); ignored by rlnd. */
  $schema: z.string().optional(),
  problem: z.literal('network'),
  name: z.string().min(1),
  description: z.string().optional(),
  /** Where the data come from and what was reconstructed (free form, kept with the instance). */
  provenance: z.unknown().optional(),
  objective: z.enum(['cost', 'profit']).optional(),
  periods: z.number().int().min(1).optional(),
  products: z.array(Product).min(1),
  productGroups: z.record(z.string(), z.array(id).min(1)).optional(),
  integerFlows: z.boolean().optional(),
  /** How inventory holding cost is charged: on end-of-period stock, or on the average of start and end. */
  holding: z.enum(['end-of-period', 'average']).optional(),
  carbonTax: nonNeg.optional(),
  /** A design-independent cost (e.g. a network-wide fixed cost), added to the objective once. */
  constantCost: finite.optional(),
  distance: z
    .strictObject({ metric: z.enum(['haversine', 'euclidean']), circuity: z.number().min(1).optional() })
    .optional(),
  echelonDefaults: z.record(z.string(), z.strictObject(nodeCommon)).optional(),
  nodes: z.array(Node).min(1),
  arcs: z.array(Arc).optional(),
  arcRules: z.array(ArcRule).optional(),
  groups: z.array(Group).optional(),
  minOpen: z.number().int().min(0).optional(),
  maxOpen: z.number().int().min(0).optional(),
  formulation: Formulation.optional(),
  /** Two-stage scenarios (probabilities sum to 1): the design is chosen once, the flows per scenario. */
  scenarios: z.array(Scenario).min(1).optional(),
  recourse: Recourse.optional(),
});

/** A validated network document (plain data, as written in the file). */
export type NetworkDocument = z.output<typeof NetworkDocumentSchema>;
export type NodeDoc = z.output<typeof Node>;
export type ArcDoc = z.output<typeof Arc>;
export type ArcRuleDoc = z.output<typeof ArcRule>;
export type GroupDoc = z.output<typeof Group>;
export type ConversionDoc = z.output<typeof Conversion>;
export type TechOptionDoc = z.output<typeof TechOption>;
export type PeriodValueDoc = z.output<typeof PeriodValue>;
export type ProductValueDoc = z.output<typeof ProductValue>;
export type SupplyDoc = z.output<typeof SupplyAmount>;
export type DemandDoc = z.output<typeof DemandAmount>;
export type CapacityDoc = z.output<typeof Capacity>;
export type ScenarioDoc = z.output<typeof Scenario>;
/** What a document may hold before validation (for builders writing networks in code). */
export type NetworkDocumentInput = z.input<typeof NetworkDocumentSchema>;

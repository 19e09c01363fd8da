import type { FieldSpec, TableSpec } from './csv-columns.js';

/*
 * The columns of each CSV table, named as the JSON keys of docs/network.md so a column means
 * what the key means. The grammar (`field:product:period`, empty = not given) is in csv-columns.ts.
 */

const productValue: FieldSpec = { kind: 'product', number: 'nonNeg' };

/** Node fields that may also be given per echelon (echelons.csv), as in `echelonDefaults`. */
const nodeCommon: TableSpec = {
  supply: { kind: 'keyed', parent: 'supply', keys: 'products', unlimited: true },
  supplyExactly: { kind: 'keyed', parent: 'supply', wrap: 'exactly', keys: 'products' },
  supplyUpTo: { kind: 'keyed', parent: 'supply', wrap: 'upTo', keys: 'products' },
  supplyCost: productValue,
  demand: { kind: 'keyed', parent: 'demand', keys: 'productsAndGroups' },
  demandExactly: { kind: 'keyed', parent: 'demand', wrap: 'exactly', keys: 'productsAndGroups' },
  demandAtLeast: { kind: 'keyed', parent: 'demand', wrap: 'atLeast', keys: 'productsAndGroups' },
  demandAtMost: { kind: 'keyed', parent: 'demand', wrap: 'atMost', keys: 'productsAndGroups' },
  price: { kind: 'product', number: 'finite' },
  fixedCost: { kind: 'period', number: 'nonNeg' },
  capacity: productValue,
  handlingCost: productValue,
  emission: productValue,
  singleSource: { kind: 'bool' },
};

/** nodes.csv: one row per node. */
export const NODES: TableSpec = {
  id: { kind: 'id', required: true },
  echelon: { kind: 'id', required: true },
  name: { kind: 'string' },
  cluster: { kind: 'id' },
  lat: { kind: 'number', number: 'lat' },
  lon: { kind: 'number', number: 'lon' },
  x: { kind: 'number', number: 'finite' },
  y: { kind: 'number', number: 'finite' },
  ...nodeCommon,
};

/** echelons.csv: one row per echelon, node fields every node of the echelon gets unless it has its own. */
export const ECHELONS: TableSpec = { echelon: { kind: 'id', required: true }, ...nodeCommon };

const arcCommon: TableSpec = {
  from: { kind: 'id', required: true },
  to: { kind: 'id', required: true },
  unitCost: productValue,
  costPerKm: productValue,
  emission: productValue,
  emissionPerKm: productValue,
  capacity: productValue,
  products: { kind: 'list' },
};

/** arcs.csv: one row per arc (from and to are node ids). */
export const ARCS: TableSpec = { ...arcCommon, km: { kind: 'number', number: 'nonNeg' } };

/** arc-rules.csv: one row per rule (from and to are echelons). */
export const ARC_RULES: TableSpec = { ...arcCommon, sameCluster: { kind: 'bool' } };

/** products.csv: one row per product; `productGroups` lists the groups a product belongs to. */
export const PRODUCTS: TableSpec = {
  id: { kind: 'id', required: true },
  unit: { kind: 'string' },
  massKg: { kind: 'number', number: 'positive' },
  name: { kind: 'string' },
  productGroups: { kind: 'list' },
};

/** options.csv: one row per technology option of a candidate node. */
export const OPTIONS: TableSpec = {
  node: { kind: 'id', required: true },
  id: { kind: 'id', required: true },
  fixedCost: { kind: 'period', number: 'nonNeg', required: true },
  capacity: productValue,
  products: { kind: 'list' },
  handlingCost: productValue,
  emission: productValue,
};

/**
 * conversions.csv: one row per output of a conversion (`from` -> `to` at `rate`), at a node, an
 * echelon (every node of it) or a node's technology option. Rows with the same place and `from`
 * form one conversion; its `cost` and `emission` may be written on any of its rows (once, or equal).
 */
export const CONVERSIONS: TableSpec = {
  node: { kind: 'id' },
  echelon: { kind: 'id' },
  option: { kind: 'id' },
  from: { kind: 'id', required: true },
  to: { kind: 'id', required: true },
  rate: { kind: 'period', number: 'nonNeg', required: true },
  cost: { kind: 'period', number: 'nonNeg' },
  emission: { kind: 'number', number: 'nonNeg' },
};

/** inventory.csv: one row per stocked product of a node. */
export const INVENTORY: TableSpec = {
  node: { kind: 'id', required: true },
  product: { kind: 'id', required: true },
  initial: { kind: 'period', number: 'nonNeg' },
  holdingCost: { kind: 'period', number: 'nonNeg' },
  max: { kind: 'period', number: 'nonNeg' },
};

/** groups.csv: one row per rule on the design; `members` (ids) or a selection by echelon / cluster. */
export const GROUPS: TableSpec = {
  name: { kind: 'string' },
  members: { kind: 'list' },
  echelon: { kind: 'id' },
  cluster: { kind: 'id' },
  perCluster: { kind: 'bool' },
  rule: { kind: 'enum', options: ['exactly', 'atMost', 'atLeast'], required: true },
  count: { kind: 'number', number: 'count', required: true },
};

import { shapeOf, type IlSet, type IlSizes, type Shape } from './shape.js';

/**
 * Index sets of the flow and inventory variables, in the paper's subscript order. Inventories run
 * over periods 1..T only: the period-0 inventories of (6), (8), (10) are the constant 0, not
 * variables (which is how the paper counts 240 integer variables).
 */
export const FLOW_DIMS = {
  QI: ['P', 'K', 'I', 'R', 'T'],
  QR: ['P', 'K', 'R', 'U', 'T'],
  QU: ['O', 'K', 'U', 'M', 'T'],
  CU: ['P', 'K', 'U', 'T'],
  IR: ['P', 'K', 'R', 'T'],
  IpU: ['P', 'K', 'U', 'T'],
  IoU: ['O', 'K', 'U', 'T'],
} as const satisfies Record<string, readonly IlSet[]>;

/** A flow or inventory variable family. */
export type FlowName = keyof typeof FLOW_DIMS;

/** All families, in the order their columns are created. */
export const FLOW_NAMES = Object.keys(FLOW_DIMS) as FlowName[];

/**
 * Flows and inventories of one solution, each a plain row-major array over {@link FLOW_DIMS}
 * (plain arrays, not typed ones, so `--json --flows` prints them as lists).
 */
export type IlFlows = Readonly<Record<FlowName, readonly number[]>>;

/** Shapes of all families for given set sizes. */
export function flowShapes(sizes: IlSizes): Record<FlowName, Shape> {
  return Object.fromEntries(FLOW_NAMES.map((n) => [n, shapeOf(sizes, FLOW_DIMS[n])])) as Record<FlowName, Shape>;
}

/** Read access to one solution by 0-based indices: `at.QI(p, k, i, r, t)`; inventory at t = -1 is 0. */
export type FlowAccess = Readonly<Record<FlowName, (...idx: number[]) => number>>;

/** Accessors over `flows`; an inventory asked for at period -1 (the paper's t = 0) reads 0. */
export function flowAccess(sizes: IlSizes, flows: IlFlows): FlowAccess {
  const shapes = flowShapes(sizes);
  const get = (n: FlowName) => (...idx: number[]): number => (idx[idx.length - 1]! < 0 ? 0 : flows[n][shapes[n].index(...idx)]!);
  return Object.fromEntries(FLOW_NAMES.map((n) => [n, get(n)])) as FlowAccess;
}

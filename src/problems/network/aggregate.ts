import type { Design } from '../../core/design.js';
import type { NetworkFlows } from './flows.js';
import type { NetConversion, NetNode, NetOption, NetworkInstance } from './instance.js';

/**
 * Flows summed per node, product and period (`(n * P + p) * T + t`), read back from the ids in
 * {@link NetworkFlows}. The cost and the checker work from this, never from the model's columns.
 */
export interface FlowTotals {
  readonly inflow: Float64Array;
  readonly outflow: Float64Array;
  readonly stock: Float64Array;
  readonly supplied: Float64Array;
  readonly delivered: Float64Array;
  /** Processed input per conversion and period (`t`), keyed by the conversion. */
  readonly processed: ReadonlyMap<NetConversion, Float64Array>;
  /** Per arc index, per carried product position x period. */
  readonly arcFlow: ReadonlyMap<number, Float64Array>;
  /** Entries that name something the instance does not have. */
  readonly unknown: readonly string[];
  index(n: number, p: number, t: number): number;
}

const ARC_INDEX = new WeakMap<NetworkInstance, Map<number, number>>();

/** Arc index by `from * N + to`, built once per instance (pricing calls this thousands of times). */
function arcIndex(inst: NetworkInstance): Map<number, number> {
  let m = ARC_INDEX.get(inst);
  if (!m) {
    const N = inst.nodes.length;
    m = new Map(inst.arcs.map((a) => [a.from * N + a.to, a.index]));
    ARC_INDEX.set(inst, m);
  }
  return m;
}

/** Sums the flows; unknown ids are listed, not thrown, so the checker can report them. */
export function totals(inst: NetworkInstance, flows: NetworkFlows): FlowTotals {
  const T = inst.periods;
  const P = inst.products.length;
  const N = inst.nodes.length;
  const size = N * P * T;
  const inflow = new Float64Array(size);
  const outflow = new Float64Array(size);
  const stock = new Float64Array(size);
  const supplied = new Float64Array(size);
  const delivered = new Float64Array(size);
  const idx = (n: number, p: number, t: number): number => (n * P + p) * T + t;
  const unknown: string[] = [];
  const arcOf = arcIndex(inst);
  const arcFlow = new Map<number, Float64Array>();
  const node = (id: string): number | undefined => inst.nodeIndex.get(id);
  const prod = (id: string): number | undefined => inst.productIndex.get(id);
  const period = (t: number): number | undefined => (Number.isInteger(t) && t >= 1 && t <= T ? t - 1 : undefined);
  for (const f of flows.arcs) {
    const [a, b, p, t] = [node(f.from), node(f.to), prod(f.product), period(f.period)];
    const arc = a !== undefined && b !== undefined ? arcOf.get(a * N + b) : undefined;
    const k = arc !== undefined && p !== undefined ? inst.arcs[arc]!.products.indexOf(p) : -1;
    if (arc === undefined || p === undefined || t === undefined || k < 0) {
      unknown.push(
        `flow ${f.from} -> ${f.to} of ${f.product} in period ${f.period}: no such arc, product or period on the arc`,
      );
      continue;
    }
    let v = arcFlow.get(arc);
    if (!v) arcFlow.set(arc, (v = new Float64Array(inst.arcs[arc]!.products.length * T)));
    v[k * T + t]! += f.amount;
    outflow[idx(a!, p, t)]! += f.amount;
    inflow[idx(b!, p, t)]! += f.amount;
  }
  const amounts = (list: NetworkFlows['stock'], into: Float64Array, what: string): void => {
    for (const e of list) {
      const [n, p, t] = [node(e.node), prod(e.product), period(e.period)];
      if (n === undefined || p === undefined || t === undefined)
        unknown.push(`${what} at ${e.node} of ${e.product} in period ${e.period}: no such node, product or period`);
      else into[idx(n, p, t)]! += e.amount;
    }
  };
  amounts(flows.stock, stock, 'stock');
  amounts(flows.supplied, supplied, 'supply');
  amounts(flows.delivered, delivered, 'absorbed amount');
  const processed = new Map<NetConversion, Float64Array>();
  for (const e of flows.processed) {
    const [n, p, t] = [node(e.node), prod(e.product), period(e.period)];
    const nd = n === undefined ? undefined : inst.nodes[n]!;
    const conv = nd?.conversions.find(
      (c) => c.from === p && (c.option === null ? e.option === null : nd.options[c.option]!.id === e.option),
    );
    if (!conv || t === undefined) {
      unknown.push(
        `processing at ${e.node}${e.option ? `:${e.option}` : ''} of ${e.product} in period ${e.period}: no such conversion or period`,
      );
      continue;
    }
    let v = processed.get(conv);
    if (!v) processed.set(conv, (v = new Float64Array(T)));
    v[t]! += e.amount;
  }
  return { inflow, outflow, stock, supplied, delivered, processed, arcFlow, unknown, index: idx };
}

/** The open option of a node under a design, or null (no options, or none open). */
export function openOption(
  inst: NetworkInstance,
  design: Design,
  n: NetNode,
): { readonly k: number; readonly option: NetOption } | null {
  for (let i = 0; i < inst.bits.length; i++) {
    const b = inst.bits[i]!;
    if (b.node === n.index && b.option !== null && design[i]) return { k: b.option, option: n.options[b.option]! };
  }
  return null;
}

/** Whether a node is open (non-candidates always are). */
export function isOpen(inst: NetworkInstance, design: Design, n: NetNode): boolean {
  if (!n.candidate) return true;
  return inst.bits.some((b, i) => b.node === n.index && design[i] === 1);
}

/** Per node: 1 if open under the design (non-candidates always), and the open option index or -1. */
export function openState(
  inst: NetworkInstance,
  design: Design,
): { readonly open: Uint8Array; readonly option: Int32Array } {
  const open = Uint8Array.from(inst.nodes, (n) => (n.candidate ? 0 : 1));
  const option = new Int32Array(inst.nodes.length).fill(-1);
  inst.bits.forEach((b, i) => {
    if (!design[i]) return;
    open[b.node] = 1;
    if (b.option !== null) option[b.node] = b.option;
  });
  return { open, option };
}

import { totals } from '../aggregate.js';
import { compileNetwork } from '../compile.js';
import type { NetworkFlows } from '../flows.js';
import type { NetworkInstance } from '../instance.js';
import type { DemandDoc, NetworkDocument, NodeDoc } from '../schema.js';

/**
 * Demand left unmet by some flows: per demand row and period, how far what arrives falls short
 * of the row's lower bound, summed. Recomputed from the flows, never read from the model's
 * `unmet` columns, so the penalty in the expected cost checks the builder.
 */
export function unmetDemand(inst: NetworkInstance, flows: NetworkFlows): number {
  const f = totals(inst, flows);
  let out = 0;
  for (const n of inst.nodes) {
    for (const d of n.demand) {
      for (let t = 0; t < inst.periods; t++) {
        const lower = d.bounds.lower[t]!;
        if (lower <= 0) continue;
        const got = d.products.reduce((s, p) => s + f.delivered[f.index(n.index, p, t)]!, 0);
        // Round-off of a met demand is not a shortfall.
        if (lower - got > 1e-9 * Math.max(1, lower)) out += lower - got;
      }
    }
  }
  return out;
}

const RELAXED = new WeakMap<NetworkInstance, NetworkInstance>();

/**
 * The instance with every demand's lower bound at 0 (upper bounds kept) and no single sourcing:
 * what the flows of a scenario with an unmet-demand penalty must satisfy, besides single sourcing
 * ({@link singleSourceViolations}). The independent checker runs on it.
 */
export function relaxedDemand(inst: NetworkInstance): NetworkInstance {
  let out = RELAXED.get(inst);
  if (!out) {
    out = compileNetwork(relaxDocument(inst.doc), inst.source);
    RELAXED.set(inst, out);
  }
  return out;
}

function relaxDocument(doc: NetworkDocument): NetworkDocument {
  const relax = (d: NodeDoc['demand']): NodeDoc['demand'] =>
    d === undefined ? d : Object.fromEntries(Object.entries(d).map(([k, v]) => [k, relaxAmount(v)]));
  return {
    ...doc,
    // Single sourcing needs an exact demand: the relaxed copy drops the flag, and
    // singleSourceViolations checks it on the original.
    nodes: doc.nodes.map((n) => {
      if (!n.demand) return n;
      const { singleSource: _ss, ...rest } = n;
      return { ...rest, demand: relax(n.demand) };
    }),
    ...(doc.echelonDefaults
      ? {
          echelonDefaults: Object.fromEntries(
            Object.entries(doc.echelonDefaults).map(([e, d]) => [e, d.demand ? { ...d, demand: relax(d.demand) } : d]),
          ),
        }
      : {}),
  };
}

function relaxAmount(d: DemandDoc): DemandDoc {
  if (typeof d === 'number' || Array.isArray(d)) return { atLeast: 0, atMost: d };
  if ('exactly' in d) return { atLeast: 0, atMost: d.exactly };
  if ('atLeast' in d) return d.atMost === undefined ? { atLeast: 0 } : { atLeast: 0, atMost: d.atMost };
  return d;
}

/** Single-sourced nodes that receive from more than one node. */
export function singleSourceViolations(inst: NetworkInstance, flows: NetworkFlows): string[] {
  const out: string[] = [];
  for (const n of inst.nodes) {
    if (!n.singleSource) continue;
    const sources = new Set(flows.arcs.filter((a) => a.to === n.id && a.amount > 1e-9).map((a) => a.from));
    if (sources.size > 1)
      out.push(`single-source: node ${n.id} receives from ${sources.size} nodes (${[...sources].join(', ')})`);
  }
  return out;
}

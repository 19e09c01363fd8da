import { InputError } from '../../../core/errors.js';
import { compileNetwork, withNodeDocuments } from '../compile.js';
import type { NetworkInstance } from '../instance.js';
import { applyChanges, ScenarioChangeError } from '../scenario.js';
import type { NetworkDocument, NodeDoc, ScenarioDoc } from '../schema.js';

/** One second-stage scenario: its probability and the network it prices the flows on. */
export interface StochasticScenario {
  readonly id: string;
  readonly probability: number;
  /** The nominal network with this scenario's supply, demand and changes applied. */
  readonly instance: NetworkInstance;
}

/**
 * A two-stage network: the design (first stage) is chosen once on `base`; the flows (second
 * stage) are chosen per scenario. Read-only, built once by {@link compileStochastic}.
 */
export interface StochasticNetwork {
  readonly kind: 'stochastic-network';
  readonly name: string;
  readonly source: string;
  /** The nominal network (the document without its scenarios): design space, labels, rules. */
  readonly base: NetworkInstance;
  readonly scenarios: readonly StochasticScenario[];
  /** Cost per unit of unmet demand, or null when every scenario must be served in full. */
  readonly unmetDemandPenalty: number | null;
}

/** True when a document is two-stage (has scenarios or recourse). */
export function isStochasticDocument(doc: NetworkDocument): boolean {
  return doc.scenarios !== undefined || doc.recourse !== undefined;
}

/**
 * Compiles a two-stage document: the nominal network, then one network per scenario. A document
 * with `recourse` but no scenarios has one scenario, the nominal one, with probability 1. Every
 * scenario must keep the design space of the nominal network (the same candidates and options).
 */
export function compileStochastic(doc: NetworkDocument, source: string): StochasticNetwork {
  const base = compileNetwork(doc, source);
  const nominal = withoutScenarios(doc);
  const shared = { ...base, doc: nominal };
  const list: readonly ScenarioDoc[] = doc.scenarios ?? [{ id: 'nominal', probability: 1 }];
  const scenarios = list.map((s, i): StochasticScenario => {
    const sdoc = scenarioDocument(nominal, s, `scenarios[${i}] (${s.id})`, source);
    // Supply and demand values alone: recompile the listed nodes, share the arcs.
    const instance =
      s.changes && s.changes.length > 0 ? compileNetwork(sdoc, source) : withNodeDocuments(shared, sdoc, source);
    if (instance.bits.length !== base.bits.length || instance.bits.some((b, k) => b.label !== base.bits[k]!.label)) {
      throw new InputError(
        source,
        `scenarios[${i}] (${s.id}).changes`,
        'changes that keep the candidates and their options (the design is shared by every scenario)',
      );
    }
    return { id: s.id, probability: s.probability, instance };
  });
  return Object.freeze({
    kind: 'stochastic-network' as const,
    name: doc.name,
    source,
    base,
    scenarios,
    unmetDemandPenalty: doc.recourse?.unmetDemandPenalty ?? null,
  });
}

function withoutScenarios(doc: NetworkDocument): NetworkDocument {
  const { scenarios: _s, recourse: _r, ...rest } = doc;
  return rest;
}

/**
 * The nominal document with a scenario's values: each listed supply or demand value replaces the
 * node's value for that product (its own, or the one it inherits from `echelonDefaults`), then the
 * scenario's changes are applied by the scenario mechanism.
 */
export function scenarioDocument(
  nominal: NetworkDocument,
  s: ScenarioDoc,
  where: string,
  source: string,
): NetworkDocument {
  const nodes = nominal.nodes.map((n): NodeDoc => {
    const demand = s.demand?.[n.id];
    const supply = s.supply?.[n.id];
    if (!demand && !supply) return n;
    const inherited = nominal.echelonDefaults?.[n.echelon];
    return {
      ...n,
      ...(demand ? { demand: { ...(n.demand ?? inherited?.demand ?? {}), ...demand } } : {}),
      ...(supply ? { supply: { ...(n.supply ?? inherited?.supply ?? {}), ...supply } } : {}),
    };
  });
  const replaced = { ...nominal, nodes };
  if (!s.changes || s.changes.length === 0) return replaced;
  try {
    return applyChanges(replaced, s.changes);
  } catch (err) {
    if (err instanceof ScenarioChangeError) throw new InputError(source, `${where}.changes`, err.message);
    throw err;
  }
}

import type { Problem } from '../core/problem.js';
import type { NetworkFlows } from '../problems/network/flows.js';
import { networkKind } from '../problems/network/kind.js';
import type { NetworkDocumentInput } from '../problems/network/schema.js';
import type { LoadOptions } from '../problems/problem-kind.js';
import { rememberSource } from './problem-sources.js';

/** A network document as written in code: `problem: 'network'` may be left out. */
export type NetworkSpec = Omit<NetworkDocumentInput, 'problem'> & { readonly problem?: 'network' };
/** One node of a {@link NetworkSpec} (docs/network.md, "nodes"). */
export type NetworkNodeSpec = NetworkSpec['nodes'][number];
/** One arc of a {@link NetworkSpec} (docs/network.md, "arcs"). */
export type NetworkArcSpec = NonNullable<NetworkSpec['arcs']>[number];

/**
 * A network problem from a document made in code, validated by the same schema as network files
 * (unknown keys and bad values are one-line errors naming `<name>.json` and the key path) and
 * compiled like one: scenarios or recourse make it two-stage.
 */
export function buildNetwork(spec: NetworkSpec, options: Pick<LoadOptions, 'relax'> = {}): Problem<NetworkFlows> {
  const doc = { ...spec, problem: 'network' as const };
  const file = `${typeof spec.name === 'string' && spec.name ? spec.name : 'network'}.json`;
  const problem = networkKind.fromJson(doc, file, options) as Problem<NetworkFlows>;
  rememberSource(problem, { file, text: JSON.stringify(doc), options });
  return problem;
}

/**
 * Builds a network document step by step (nodes, arcs, then any other document key with
 * `set`), then the problem with {@link buildNetwork}. Nothing is checked until `build()`.
 */
export class NetworkBuilder {
  private readonly nodes: NetworkNodeSpec[] = [];
  private readonly arcs: NetworkArcSpec[] = [];
  private extra: Partial<NetworkSpec> = {};

  constructor(
    readonly name: string,
    readonly products: NetworkSpec['products'] = ['unit'],
  ) {}

  /** Adds a node (source, collection, processor, customer... any echelon name). */
  node(node: NetworkNodeSpec): this {
    this.nodes.push(node);
    return this;
  }

  /** Adds an arc. */
  arc(arc: NetworkArcSpec): this {
    this.arcs.push(arc);
    return this;
  }

  /** Sets other document keys (periods, groups, formulation, scenarios, ...). */
  set(fields: Partial<Omit<NetworkSpec, 'name' | 'products' | 'nodes' | 'arcs'>>): this {
    this.extra = { ...this.extra, ...fields };
    return this;
  }

  /** The document built so far (plain data, as a network file would hold it). */
  document(): NetworkSpec & { problem: 'network' } {
    return {
      ...this.extra,
      problem: 'network',
      name: this.name,
      products: this.products,
      nodes: [...this.nodes],
      ...(this.arcs.length > 0 ? { arcs: [...this.arcs] } : {}),
    };
  }

  /** Validates and compiles the document (see {@link buildNetwork}). */
  build(options: Pick<LoadOptions, 'relax'> = {}): Problem<NetworkFlows> {
    return buildNetwork(this.document(), options);
  }
}

import { InputError } from '../../core/errors.js';
import type { Factors, KindedInstance, LoadOptions, ScenarioHook } from '../problem-kind.js';
import { compileNetwork } from './compile.js';
import type { NetworkInstance } from './instance.js';
import { networkProblem } from './problem.js';
import { parseNetworkDocument, parseNetworkText } from './reader.js';
import type { NetworkDocument } from './schema.js';
import { applyChanges } from './scenario.js';
import { NETWORK_FIELDS } from './field-names.js';
import { groupChange, networkGroupSizes } from './scenario-groups.js';

/** Group sizes per document: the runner asks for them once per scenario, the answer never changes. */
const sizesCache = new WeakMap<NetworkDocument, Readonly<Record<string, number>>>();

function checkOptions(options: LoadOptions): void {
  // Options of other kinds would silently change nothing here: say so instead (as the reader does).
  if (options.variant !== undefined)
    throw new InputError(
      '--variant',
      options.variant,
      'no variant for a network instance (single sourcing is `singleSource` on demand nodes)',
    );
  if (options.capacity !== undefined)
    throw new InputError(
      '--capacity',
      String(options.capacity),
      'no --capacity for a network instance (capacities are in the file)',
    );
}

/**
 * A network scaled by scenario factors: each group (`demand`, `fixedCost@CC`, ...) becomes one
 * change of the document, which is then validated and compiled again, so a scenario instance
 * passes every check a file does.
 */
export function scaleNetwork(inst: NetworkInstance, factors: Factors): NetworkInstance {
  const doc = applyChanges(
    inst.doc,
    Object.entries(factors).map(([group, f]) => groupChange(group, inst.doc, f)),
  );
  return compileNetwork(parseNetworkDocument(doc, inst.source), inst.source);
}

/**
 * Scenario support for every network instance. Its groups are the network's fields, optionally
 * narrowed by echelon, product, origin echelon, cluster or period (docs/experiments.md); `sizes`
 * lists every such group that reaches something in the instance, with its item count.
 */
export const networkScenarioHook: ScenarioHook = {
  groups: NETWORK_FIELDS,
  read(text, file, options) {
    checkOptions(options);
    const doc = parseNetworkDocument(parseNetworkText(text, file), file);
    return compileNetwork(options.relax ? { ...doc, integerFlows: false } : doc, file);
  },
  sizes(inst: KindedInstance) {
    const doc = (inst as NetworkInstance).doc;
    let s = sizesCache.get(doc);
    if (!s) {
      s = networkGroupSizes(doc);
      sizesCache.set(doc, s);
    }
    return s;
  },
  scale: (inst, factors) => scaleNetwork(inst as NetworkInstance, factors),
  toProblem: (inst) => networkProblem(inst as NetworkInstance),
};

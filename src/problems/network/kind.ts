import { InputError } from '../../core/errors.js';
import type { ProblemKind } from '../problem-kind.js';
import { compileNetwork } from './compile.js';
import { readNetworkFolder } from './csv-folder.js';
import { inventoryLocationGenerator } from './generators/inventory-location.js';
import { jakartaRlnGenerator } from './generators/jakarta-rln.js';
import { networkProblem } from './problem.js';
import { parseNetworkDocument } from './reader.js';
import { readNetworkWorkbook } from './workbook.js';
import { networkScenarioHook } from './scenario-hook.js';
import { compileStochastic, isStochasticDocument } from './stochastic/instance.js';
import { stochasticNetworkProblem } from './stochastic/problem.js';

/** Any reverse-logistics network described as data (docs/network.md): JSON, YAML, a CSV folder or an .xlsx workbook. */
export const networkKind: ProblemKind = {
  kind: 'network',
  description: 'any reverse-logistics network as data: echelons, products, conversions, periods, options',
  fromJson(data, file, options) {
    // Options of other kinds would silently change nothing here: say so instead.
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
    const doc = parseNetworkDocument(data, file);
    const relaxed = options.relax ? { ...doc, integerFlows: false } : doc;
    // Scenarios or recourse make it two-stage: the design once, the flows per scenario.
    if (isStochasticDocument(doc)) return stochasticNetworkProblem(compileStochastic(relaxed, file));
    return networkProblem(compileNetwork(relaxed, file));
  },
  readFolder: readNetworkFolder,
  readWorkbook: readNetworkWorkbook,
  scenario: networkScenarioHook,
  generators: [inventoryLocationGenerator, jakartaRlnGenerator],
};

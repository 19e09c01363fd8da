/**
 * rlnd as a library: the public API. Everything exported here is stable within a major version
 * (names are extended, never renamed or removed); every other module of the package is internal.
 * See the README, "Using rlnd as a library", and docs/glossary.md for the terms.
 *
 * @packageDocumentation
 */

// Instances and solving.
export { loadProblem } from './api/load-problem.js';
export { solve, type SolveOptions } from './api/solve.js';
export {
  buildNetwork,
  NetworkBuilder,
  type NetworkSpec,
  type NetworkNodeSpec,
  type NetworkArcSpec,
} from './api/network.js';
export type { LoadOptions } from './problems/problem-kind.js';
export type { NetworkDocument, NetworkDocumentInput } from './problems/network/schema.js';
export type { NetworkInstance } from './problems/network/instance.js';
export type { NetworkFlows, ArcFlow, NodeAmount } from './problems/network/flows.js';
export type { Problem, Evaluation, EvaluateOptions, CostBreakdown } from './core/problem.js';
export type { Design } from './core/design.js';
export { CLAIM_TOLERANCE, type Result, type StatRow, type ScenarioOutcome } from './core/result.js';
export type { SolveStatus } from './exact/status.js';
export { InputError } from './core/errors.js';

// Stopping criteria: small composable objects, or the CLI's string form.
export {
  maxTime,
  maxIterations,
  noImprovement,
  targetGap,
  anyOf,
  parseStopping,
  type StoppingCriterion,
  type SearchProgress as StoppingProgress,
} from './core/stopping.js';

// Methods and plugins.
export { registerMethod, methodNames } from './methods/registry.js';
export { loadPlugins } from './parallel/plugins.js';
export type { Method, MethodContext, MethodOutcome } from './methods/method.js';
export type { HighsHandle } from './exact/highs-handle.js';
export type { BatchRunner } from './core/batch-runner.js';

// Experiments and reports.
export { runExperiment, readRuns, type ExperimentOptions } from './api/experiment.js';
export type { RunSummary } from './experiments/runner.js';
export type { RunRecord } from './experiments/records.js';
export type { MethodEntry } from './experiments/config-types.js';
export { writeReport, type ReportOptions } from './api/report.js';
export type { ReportSummary } from './report/write-report.js';

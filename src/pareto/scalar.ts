import { openLabels, type Design } from '../core/design.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import type { SolveStatus } from '../exact/status.js';
import type { NetworkFlows } from '../problems/network/flows.js';
import type { NetworkInstance } from '../problems/network/instance.js';
import { costAndEmissions, objectiveNetworkProblem, type ObjectiveOptions } from '../problems/network/objectives.js';
import { solve } from '../solve.js';

/** One scalarised problem of a front, as plain data (it may be posted to a worker). */
export interface ScalarTask {
  /** `cost` (at `carbonTax`, default 0) or `emissions`. */
  readonly objective: 'cost' | 'emissions';
  readonly carbonTax?: number;
  readonly emissionCap?: number;
  readonly costCap?: number;
  /** Solve only the flow model of this design (a lexicographic second stage of a heuristic point). */
  readonly fixedDesign?: readonly number[];
  /** Designs to start a heuristic from. */
  readonly warmStart?: readonly (readonly number[])[];
  readonly method: string;
  readonly seed: number;
  /** Seconds for this problem (none: to optimality). */
  readonly timeLimit?: number;
}

/** What a scalarised problem gave: the design, both objectives recomputed, the certificate. */
export interface ScalarOutcome {
  readonly status: SolveStatus;
  /** Empty when there is no solution. */
  readonly design: readonly number[];
  readonly open: readonly string[];
  /** Cost without the carbon tax, and emissions (kg CO2); NaN without a solution. */
  readonly cost: number;
  readonly emissions: number;
  /** The scalarised objective (e.g. cost + t x emissions) and its lower bound and gap. */
  readonly objective: number | null;
  readonly lowerBound: number | null;
  readonly gap: number | null;
  readonly runtimeSeconds: number;
  readonly message?: string;
}

/** Runs scalarised problems, in order of input (in this thread or in a worker pool). */
export interface ScalarRunner {
  readonly threads: number;
  run(tasks: readonly ScalarTask[]): Promise<ScalarOutcome[]>;
}

/** Solves one scalarised problem with the task's method through `solve` (own bounds, own certificate). */
export async function runScalarTask(
  inst: NetworkInstance,
  task: ScalarTask,
  handle: HighsHandle,
): Promise<ScalarOutcome> {
  const t0 = performance.now();
  const options: ObjectiveOptions = {
    objective: task.objective,
    carbonTax: task.carbonTax ?? 0,
    ...(task.emissionCap !== undefined ? { emissionCap: task.emissionCap } : {}),
    ...(task.costCap !== undefined ? { costCap: task.costCap } : {}),
    ...(task.warmStart ? { warmStart: task.warmStart.map((d) => Uint8Array.from(d)) } : {}),
  };
  const problem = objectiveNetworkProblem(inst, options);
  if (task.fixedDesign) {
    const design: Design = Uint8Array.from(task.fixedDesign);
    const ev = await problem.evaluate(handle, design, { fresh: true });
    if (!ev.feasible || ev.flows === null) return none(ev.feasible ? 'error' : 'infeasible', t0, ev.reason);
    const { cost, emissions } = costAndEmissions(inst, design, ev.flows);
    return {
      status: ev.inexact ? 'feasible' : 'optimal',
      design: [...design],
      open: openLabels(problem.space, design),
      cost,
      emissions,
      objective: ev.cost,
      lowerBound: ev.inexact ? null : ev.cost,
      gap: ev.inexact ? null : 0,
      runtimeSeconds: (performance.now() - t0) / 1000,
    };
  }
  const r = await solve(problem, {
    method: task.method,
    seed: task.seed,
    handle,
    ...(task.timeLimit !== undefined ? { timeLimit: task.timeLimit } : {}),
  });
  if (r.flows === null || r.objective === null) return none(r.status, t0, r.message);
  const design = Uint8Array.from(r.design);
  const { cost, emissions } = costAndEmissions(inst, design, r.flows as NetworkFlows);
  return {
    status: r.status,
    design: r.design,
    open: r.open,
    cost,
    emissions,
    objective: r.objective,
    lowerBound: r.lowerBound,
    gap: r.status === 'optimal' ? 0 : r.gap,
    runtimeSeconds: (performance.now() - t0) / 1000,
    ...(r.message ? { message: r.message } : {}),
  };
}

function none(status: SolveStatus, t0: number, message?: string): ScalarOutcome {
  return {
    status,
    design: [],
    open: [],
    cost: NaN,
    emissions: NaN,
    objective: null,
    lowerBound: null,
    gap: null,
    runtimeSeconds: (performance.now() - t0) / 1000,
    ...(message ? { message } : {}),
  };
}

/** A {@link ScalarRunner} on the calling thread, one problem after another. */
export function localScalarRunner(inst: NetworkInstance, handle: HighsHandle): ScalarRunner {
  return {
    threads: 1,
    async run(tasks) {
      const out: ScalarOutcome[] = [];
      for (const t of tasks) out.push(await runScalarTask(inst, t, handle));
      return out;
    },
  };
}

import { designFrom, openLabels, type Design } from '../core/design.js';
import { mean } from '../core/numeric.js';
import type { Problem } from '../core/problem.js';
import { parseStopping } from '../core/stopping.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import { solveModel } from '../exact/solve-model.js';
import type { FacilityLocationInstance } from '../problems/facility-location/instance.js';
import type { KindedInstance } from '../problems/problem-kind.js';
import { scenarioHook } from '../problems/scenario-hooks.js';
import { PeakMemory } from '../core/peak-memory.js';
import { solve } from '../solve.js';
import { materialize, meanFactors, type ScenarioSpec } from './scenarios.js';
import type {
  ReferenceOutcome,
  RunOutcome,
  RunTask,
  ScenarioFigures,
  StochasticOutcome,
  StochasticTask,
  Task,
  TaskSource,
} from './tasks.js';
import { buildTwoStage } from './two-stage.js';
import { buildTwoStageFl } from './two-stage-fl.js';
import { runParetoTask } from './pareto-task.js';
import type { ParetoFront } from '../pareto/epsilon-constraint.js';

const bases = new Map<string, KindedInstance>();

/** The base instance of a source, read once per thread. */
function baseOf(src: TaskSource): KindedInstance {
  let inst = bases.get(src.hash);
  if (!inst) {
    inst = scenarioHook(src.kind).read(src.text, src.file, src.options);
    bases.set(src.hash, inst);
  }
  return inst;
}

/** The instance of a scenario: the base scaled by the scenario's factors (a new object). */
export function scenarioInstance(src: TaskSource, scenario: ScenarioSpec): KindedInstance {
  const base = baseOf(src);
  if (Object.keys(scenario.changes).length === 0) return base;
  const hook = scenarioHook(src.kind);
  return hook.scale(base, materialize(scenario, hook.sizes(base)));
}

function problemOf(src: TaskSource, inst: KindedInstance): Problem {
  return scenarioHook(src.kind).toProblem(inst);
}

async function runOne(handle: HighsHandle, t: RunTask): Promise<RunOutcome> {
  const problem = problemOf(t.source, scenarioInstance(t.source, t.scenario));
  const memory = new PeakMemory();
  const r = await solve(problem, {
    method: t.method,
    seed: t.seed,
    handle,
    params: t.params,
    ...(t.timeLimit !== null ? { timeLimit: t.timeLimit } : {}),
    ...(t.stop !== null ? { stop: parseStopping(t.stop) } : {}),
  });
  return {
    instanceName: r.instance,
    status: r.status,
    objective: r.objective,
    lowerBound: r.lowerBound,
    gap: r.gap,
    open: r.open,
    costParts: r.costParts,
    figures: r.figures,
    runtimeSeconds: r.runtimeSeconds,
    stats: r.stats,
    solver: { version: r.solver.version, options: r.solver.options },
    ...(r.message ? { message: r.message } : {}),
    ...(problem.dimensions ? { dimensions: problem.dimensions } : {}),
    peakRssMB: memory.stop(),
  };
}

async function reference(handle: HighsHandle, problem: Problem, timeLimit: number | null): Promise<ReferenceOutcome> {
  const r = await solve(problem, { method: 'milp', seed: 1, handle, ...(timeLimit !== null ? { timeLimit } : {}) });
  return {
    source: 'milp',
    status: r.status,
    objective: r.objective,
    lowerBound: r.lowerBound,
    design: r.objective !== null ? r.design : null,
    open: r.open,
    runtimeSeconds: r.runtimeSeconds,
  };
}

/** Re-prices a design in a scenario with the problem's exact flow LP; null when infeasible there. */
async function price(handle: HighsHandle, problem: Problem, design: Design): Promise<number | null> {
  const e = await problem.evaluate(handle, design);
  return e.feasible ? e.cost : null;
}

/** The mean over scenarios, or null when a scenario has no value (infeasible there). */
function meanOrNull(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : mean(values as number[]);
}

async function stochastic(handle: HighsHandle, t: StochasticTask): Promise<StochasticOutcome> {
  const start = performance.now();
  const hook = scenarioHook(t.source.kind);
  const base = baseOf(t.source);
  const factors = t.scenarios.map((s) => materialize(s, hook.sizes(base)));
  const insts = factors.map((f) => hook.scale(base, f));
  const problems = insts.map((i) => hook.toProblem(i));
  const size = problems[0]!.space.size;
  const nominal = t.nominalDesign
    ? designFrom(
        size,
        t.nominalDesign.flatMap((b, i) => (b ? [i] : [])),
      )
    : null;
  // Expected-value problem: every per-item multiplier replaced by its mean over the block's scenarios.
  const ev = await reference(handle, hook.toProblem(hook.scale(base, meanFactors(factors))), t.timeLimit);
  const evDesign = ev.design
    ? designFrom(
        size,
        ev.design.flatMap((b, i) => (b ? [i] : [])),
      )
    : null;
  let twoStage: StochasticOutcome['twoStage'] = null;
  let tsDesign: Design | null = null;
  let note: string | undefined;
  // Facility location keeps its own model; any other kind whose MILP names its design columns
  // gets the generic extensive form.
  const t0 = performance.now();
  const ts = !t.twoStage
    ? null
    : t.source.kind === 'facility-location'
      ? buildTwoStageFl(insts as FacilityLocationInstance[])
      : buildTwoStage(
          problems.map((p) => p.buildMilp()),
          problems[0]!.name,
        );
  if (ts) {
    const sol = await solveModel(handle, ts.model, {
      ...(t.timeLimit !== null ? { timeLimit: t.timeLimit } : {}),
      randomSeed: 1,
    });
    tsDesign = sol.values ? ts.decodeDesign(sol.values) : null;
    twoStage = {
      status: sol.status,
      open: tsDesign ? openLabels(problems[0]!.space, tsDesign) : [],
      bound: sol.dualBound,
      runtimeSeconds: (performance.now() - t0) / 1000,
    };
  } else if (t.twoStage)
    note = `no two-stage model for ${t.source.kind} (its MILP does not name its design columns); VSS not computed`;
  const perScenario: ScenarioFigures[] = [];
  for (let s = 0; s < problems.length; s++) {
    const p = problems[s]!;
    const nominalDesignCost = nominal ? await price(handle, p, nominal) : null;
    const optimum = t.optima[s] ?? null;
    perScenario.push({
      scenario: t.scenarios[s]!.id,
      optimum,
      nominalDesignCost,
      regret: nominalDesignCost !== null && optimum !== null ? nominalDesignCost - optimum : null,
      evDesignCost: evDesign ? await price(handle, p, evDesign) : null,
      twoStageDesignCost: tsDesign ? await price(handle, p, tsDesign) : null,
    });
  }
  const ws = meanOrNull(perScenario.map((r) => r.optimum));
  const eev = evDesign ? meanOrNull(perScenario.map((r) => r.evDesignCost)) : null;
  const rp = tsDesign ? meanOrNull(perScenario.map((r) => r.twoStageDesignCost)) : null;
  return {
    perScenario,
    nominalOpen: nominal ? openLabels(problems[0]!.space, nominal) : [],
    evOpen: ev.open,
    twoStage,
    ws,
    eev,
    rp,
    vss: eev !== null && rp !== null ? eev - rp : null,
    evpi: rp !== null && ws !== null ? rp - ws : null,
    runtimeSeconds: (performance.now() - start) / 1000,
    ...(note
      ? { note }
      : evDesign && eev === null
        ? { note: 'the expected-value design is infeasible in some scenario (EEV infinite)' }
        : {}),
  };
}

/** Runs any task with the thread's HiGHS handle; plain data in, plain data out. */
export async function executeTask(
  handle: HighsHandle,
  task: Task,
): Promise<RunOutcome | ReferenceOutcome | StochasticOutcome | ParetoFront> {
  switch (task.type) {
    case 'run':
      return runOne(handle, task);
    case 'reference':
      return reference(handle, problemOf(task.source, scenarioInstance(task.source, task.scenario)), task.timeLimit);
    case 'stochastic':
      return stochastic(handle, task);
    case 'pareto':
      return runParetoTask(handle, task);
  }
}

import { InputError } from '../core/errors.js';
import { openLabels, type Design } from '../core/design.js';
import type { MilpFormulation, Problem } from '../core/problem.js';
import type { HighsHandle } from '../exact/highs-handle.js';
import type { LinearModel } from '../exact/linear-model.js';
import { solveModel, type ExactOptions } from '../exact/solve-model.js';
import type { SolveStatus } from '../exact/status.js';
import { designCount, enumerateDesigns } from '../search/enumerate-designs.js';

/** Options of {@link verifyByEnumeration}. */
export interface VerifyOptions {
  /** Refuse instances with more designs than this (default 4096). */
  maxDesigns?: number;
  exact?: ExactOptions;
}

/** One enumerated design and its exact price. */
export interface DesignCheck {
  readonly design: number[];
  readonly open: string[];
  readonly feasible: boolean;
  readonly cost: number;
  /** Rows of the full MILP the design and its flows satisfy, when the problem can encode them. */
  readonly rowsSatisfied: number | null;
  /** Violations found by the problem's own constraint check (should be none). */
  readonly violations: string[];
  readonly reason?: string;
}

/** What the verifier found: enumeration optimum, MILP optimum, and every constraint checked. */
export interface VerifyReport<F = unknown> {
  readonly instance: string;
  readonly designBits: number;
  /** 2^bits: every bit vector, as the paper's 2^8. */
  readonly bitVectors: number;
  /** Bit vectors that satisfy the group rules (the only ones enumerated). */
  readonly designsEnumerated: number;
  readonly feasibleDesigns: number;
  readonly best: DesignCheck | null;
  readonly milp: {
    readonly status: SolveStatus;
    /** Objective recomputed by the problem from the MILP's design and flows. */
    readonly objective: number | null;
    readonly solverObjective: number | null;
    readonly open: string[];
    readonly design: number[];
    /** The MILP's flows, decoded (null without a solution). */
    readonly flows: F | null;
    readonly rowsSatisfied: number;
    readonly violations: string[];
  };
  readonly rows: number;
  /** MILP optimum = enumeration optimum, both solutions satisfy every constraint, and every feasible alternative does too. */
  readonly agree: boolean;
  /** Feasible designs by cost, best first. */
  readonly ranking: DesignCheck[];
  readonly seconds: { readonly enumeration: number; readonly milp: number };
}

/** A MILP formulation that can also map a design and flows back to its columns. */
interface Encodable<F> extends MilpFormulation<F> {
  encode(design: Design, flows: F): Float64Array;
}

function canEncode<F>(f: MilpFormulation<F>): f is Encodable<F> {
  return typeof (f as Partial<Encodable<F>>).encode === 'function';
}

/** Number of rows of `model` that `x` satisfies, to a tolerance relative to each bound. */
export function countSatisfiedRows(model: LinearModel, x: ArrayLike<number>, tol = 1e-6): number {
  let ok = 0;
  for (let r = 0; r < model.rowNames.length; r++) {
    let a = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) a += model.values[k]! * x[model.indices[k]!]!;
    const lo = model.rowLower[r]!;
    const hi = model.rowUpper[r]!;
    if (a >= lo - tol * Math.max(1, Math.abs(lo)) && a <= hi + tol * Math.max(1, Math.abs(hi))) ok++;
  }
  return ok;
}

/**
 * The paper's Excel check made automatic: price every design exactly with the problem's flow
 * model, solve the full MILP, and confirm that the MILP optimum is the best design's cost and
 * that the MILP solution — and every feasible alternative — satisfies every constraint.
 */
export async function verifyByEnumeration<F>(
  problem: Problem<F>,
  handle: HighsHandle,
  options: VerifyOptions = {},
): Promise<VerifyReport<F>> {
  const max = options.maxDesigns ?? 4096;
  const count = designCount(problem.space);
  if (count > max)
    throw new InputError(
      problem.name,
      'design space',
      `at most ${max} designs to enumerate (--max-designs), this instance has ${count}`,
    );
  const formulation = problem.buildMilp();
  const model = formulation.model;
  const rowsAt = (design: Design, flows: F): number | null =>
    canEncode(formulation) ? countSatisfiedRows(model, formulation.encode(design, flows)) : null;

  const t0 = performance.now();
  const checks: DesignCheck[] = [];
  for (const design of enumerateDesigns(problem.space)) {
    const ev = await problem.evaluate(handle, design, options.exact ?? {});
    const base = { design: [...design], open: openLabels(problem.space, design) };
    if (!ev.feasible || ev.flows === null) {
      checks.push({
        ...base,
        feasible: false,
        cost: Infinity,
        rowsSatisfied: null,
        violations: [],
        ...(ev.reason ? { reason: ev.reason } : {}),
      });
    } else {
      checks.push({
        ...base,
        feasible: true,
        cost: ev.cost,
        rowsSatisfied: rowsAt(design, ev.flows),
        violations: problem.violations(design, ev.flows),
      });
    }
  }
  const tEnum = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  const sol = await solveModel(handle, model, options.exact ?? {});
  const decoded = sol.values ? formulation.decode(sol.values) : null;
  const tMilp = (performance.now() - t1) / 1000;
  const milp = {
    status: sol.status,
    objective: decoded ? problem.cost(decoded.design, decoded.flows).total : null,
    solverObjective: sol.objective,
    open: decoded ? openLabels(problem.space, decoded.design) : [],
    design: decoded ? [...decoded.design] : [],
    flows: decoded ? decoded.flows : null,
    rowsSatisfied: decoded ? (rowsAt(decoded.design, decoded.flows) ?? countSatisfiedRows(model, sol.values!)) : 0,
    violations: decoded ? problem.violations(decoded.design, decoded.flows) : [],
  };

  const ranking = checks.filter((c) => c.feasible).sort((a, b) => a.cost - b.cost);
  const best = ranking[0] ?? null;
  const rows = model.rowNames.length;
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  const agree =
    best === null
      ? milp.status === 'infeasible'
      : milp.status === 'optimal' &&
        milp.objective !== null &&
        close(milp.objective, best.cost) &&
        milp.rowsSatisfied === rows &&
        milp.violations.length === 0 &&
        ranking.every((c) => c.violations.length === 0 && (c.rowsSatisfied === null || c.rowsSatisfied === rows));
  return {
    instance: problem.name,
    designBits: problem.space.size,
    bitVectors: 2 ** problem.space.size,
    designsEnumerated: checks.length,
    feasibleDesigns: ranking.length,
    best,
    milp,
    rows,
    agree,
    ranking,
    seconds: { enumeration: tEnum, milp: tMilp },
  };
}

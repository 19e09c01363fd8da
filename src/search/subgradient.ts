import type { LagrangianRelaxation, RelaxedSolution } from '../core/problem.js';

/**
 * Subgradient optimisation with the Polyak-type step of Held, Wolfe & Crowder (1974) as used by
 * Beasley (1993):  u <- u + t g,  t = λ (UB - L(u)) / ||g||²,  λ starting at 2 and halved after
 * `patience` iterations without improving the best bound. `UB` is the best known feasible cost
 * (from the Lagrangian heuristic), or |L| x 1.05 until one exists.
 */
export class SubgradientStepper {
  lambda: number;
  private sinceImprovement = 0;
  best = -Infinity;
  /** Multipliers that gave the best bound. */
  bestMultipliers: Float64Array;

  constructor(
    private readonly relaxation: LagrangianRelaxation,
    public u: Float64Array,
    private readonly patience = 20,
    lambda = 2,
  ) {
    this.lambda = lambda;
    this.bestMultipliers = Float64Array.from(u);
  }

  /** Solves the relaxation at the current multipliers and takes one step; returns the solution. */
  step(upperBound: number | null): RelaxedSolution {
    const sol = this.relaxation.solve(this.u);
    if (!Number.isFinite(this.best) || sol.bound > this.best + 1e-9 * Math.max(1, Math.abs(this.best))) {
      this.best = sol.bound;
      this.bestMultipliers = Float64Array.from(this.u);
      this.sinceImprovement = 0;
    } else if (++this.sinceImprovement >= this.patience) {
      this.lambda /= 2;
      this.sinceImprovement = 0;
    }
    let norm = 0;
    for (const g of sol.subgradient) norm += g * g;
    if (norm === 0) return sol; // the relaxed solution satisfies the relaxed rows: L(u) is tight
    const ub = upperBound ?? sol.bound + 0.05 * Math.max(1, Math.abs(sol.bound));
    const t = (this.lambda * Math.max(ub - sol.bound, 1e-9 * Math.max(1, Math.abs(ub)))) / norm;
    for (let j = 0; j < this.u.length; j++) {
      this.u[j]! += t * sol.subgradient[j]!;
      if (this.relaxation.sign === 'nonnegative' && this.u[j]! < 0) this.u[j] = 0;
    }
    return sol;
  }

  /** True once the subgradient is zero or the step has become too small to matter. */
  converged(last: RelaxedSolution): boolean {
    return this.lambda < 1e-4 || last.subgradient.every((g) => g === 0);
  }
}

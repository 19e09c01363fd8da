import { designFrom, type Design } from '../core/design.js';
import { expr, LinearModelBuilder, sum, type LinearModel } from '../exact/linear-model.js';
import { allocCost, totalDemand, type FacilityLocationInstance } from '../problems/facility-location/instance.js';

/** A two-stage model: a design shared by all scenarios, and how to read it back. */
export interface TwoStageModel {
  readonly model: LinearModel;
  decodeDesign(values: Float64Array): Design;
}

/**
 * Two-stage stochastic facility location over equally likely scenarios (same sites and
 * customers, scaled data): first stage opens sites y (expected fixed cost), second stage
 * allocates x^s in every scenario s at cost c^s / S under that scenario's demands and
 * capacities. The design must be feasible in every scenario (no recourse beyond allocation).
 */
export function buildTwoStageFl(scenarios: readonly FacilityLocationInstance[]): TwoStageModel {
  const base = scenarios[0]!;
  const m = base.sites.length;
  const n = base.customers.length;
  const S = scenarios.length;
  const p = 1 / S;
  const b = new LinearModelBuilder(`${base.name}-two-stage-${S}`);
  const y = base.sites.map((s, i) =>
    b.addVar(`y_${s.id}`, { type: 'binary', cost: p * scenarios.reduce((t, sc) => t + sc.sites[i]!.fixedCost, 0) }),
  );
  scenarios.forEach((inst, s) => {
    const x: number[][] = [];
    for (let i = 0; i < m; i++) {
      x.push(
        inst.customers.map((c, j) =>
          b.addVar(`x${s}_${inst.sites[i]!.id}_${c.id}`, {
            type: inst.variant === 'sscflp' ? 'binary' : 'continuous',
            upper: 1,
            cost: p * allocCost(inst, i, j),
          }),
        ),
      );
    }
    for (let j = 0; j < n; j++) b.addEq(`serve${s}_${inst.customers[j]!.id}`, sum(x.map((r) => r[j]!)), 1);
    if (inst.variant !== 'uflp') {
      for (let i = 0; i < m; i++) {
        b.addLe(
          `cap${s}_${inst.sites[i]!.id}`,
          expr([...x[i]!, y[i]!], [...inst.customers.map((c) => c.demand), -inst.sites[i]!.capacity]),
          0,
        );
      }
      b.addGe(
        `total_capacity${s}`,
        expr(
          y,
          inst.sites.map((site) => site.capacity),
        ),
        totalDemand(inst),
      );
    }
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) b.addLe(`link${s}_${i}_${j}`, expr([x[i]![j]!, y[i]!], [1, -1]), 0);
  });
  if (base.maxOpen !== undefined) b.addLe('max_open', sum(y), base.maxOpen);
  return {
    model: b.build(),
    decodeDesign: (values) =>
      designFrom(
        m,
        y.flatMap((col, i) => (values[col]! > 0.5 ? [i] : [])),
      ),
  };
}

import { expr, LinearModelBuilder, sum } from '../../exact/linear-model.js';
import type { MilpFormulation } from '../../core/problem.js';
import { designFrom } from '../../core/design.js';
import { ModelTooLargeError } from '../../core/errors.js';
import { allocationFrom, type Allocation } from './allocation.js';
import { allocCost, totalDemand, type FacilityLocationInstance } from './instance.js';

/** Largest full MILP built (100 x 1000 uses 1.2 GB of heap in HiGHS; see docs/highs-notes). */
const MAX_MILP_ARCS = 1_000_000;

/**
 * Full MILP, strong formulation:
 *   min Σ f_i y_i + Σ c_ij x_ij
 *   Σ_i x_ij = 1 (each customer served), Σ_j d_j x_ij <= s_i y_i (capacity; not for UFLP),
 *   x_ij <= y_i (strong linking), Σ s_i y_i >= D (aggregate capacity, a valid cut),
 *   Σ y_i <= p when a cap is set; y binary; x in [0,1], binary for single-source.
 */
export function buildFlMilp(inst: FacilityLocationInstance): MilpFormulation<Allocation> {
  const m = inst.sites.length;
  const n = inst.customers.length;
  if (m * n > MAX_MILP_ARCS) {
    throw new ModelTooLargeError(
      `the full MILP of ${m} sites x ${n} customers has ${m * n} allocation columns and as many linking rows; ` +
        `beyond ${MAX_MILP_ARCS} it does not fit the 2 GiB WebAssembly heap — use --method lagrangian or hybrid`,
    );
  }
  const capacitated = inst.variant !== 'uflp';
  const b = new LinearModelBuilder(`${inst.name}-${inst.variant}`);
  const y = inst.sites.map((s, i) => b.addVar(`y_${s.id}`, { type: 'binary', cost: inst.sites[i]!.fixedCost }));
  const x: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      row.push(
        b.addVar(`x_${inst.sites[i]!.id}_${inst.customers[j]!.id}`, {
          type: inst.variant === 'sscflp' ? 'binary' : 'continuous',
          upper: 1,
          cost: allocCost(inst, i, j),
        }),
      );
    }
    x.push(row);
  }
  for (let j = 0; j < n; j++) b.addEq(`serve_${inst.customers[j]!.id}`, sum(x.map((r) => r[j]!)), 1);
  if (capacitated) {
    for (let i = 0; i < m; i++) {
      const s = inst.sites[i]!;
      b.addLe(`cap_${s.id}`, expr([...x[i]!, y[i]!], [...inst.customers.map((c) => c.demand), -s.capacity]), 0);
    }
    b.addGe(
      'total_capacity',
      expr(
        y,
        inst.sites.map((s) => s.capacity),
      ),
      totalDemand(inst),
    );
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++)
      b.addLe(`link_${inst.sites[i]!.id}_${inst.customers[j]!.id}`, expr([x[i]![j]!, y[i]!], [1, -1]), 0);
  }
  if (inst.maxOpen !== undefined) b.addLe('max_open', sum(y), inst.maxOpen);
  const model = b.build();
  return {
    model,
    designColumns: y,
    decode(values) {
      const site: number[] = [];
      const customer: number[] = [];
      const fraction: number[] = [];
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          site.push(i);
          customer.push(j);
          fraction.push(values[x[i]![j]!]!);
        }
      }
      const flows = allocationFrom(site, customer, fraction);
      // With a zero fixed cost the solver may leave unused sites open at no cost; report them
      // closed, so "opened" means "serves someone" (cost and feasibility are unchanged).
      const used = new Set(flows.site);
      const design = designFrom(
        m,
        y.flatMap((col, i) => (values[col]! > 0.5 && (inst.sites[i]!.fixedCost > 0 || used.has(i)) ? [i] : [])),
      );
      return { design, flows };
    },
  };
}

/**
 * The full MILP with customer j's allocation columns closed except to its `nearest` cheapest
 * sites (bounds set to 0: HiGHS's presolve drops them). Null when `nearest` keeps half of the
 * sites or more (hardly smaller than the full MILP), or more than `maxColumns` columns in all.
 */
export function buildSparseFlMilp(
  inst: FacilityLocationInstance,
  nearest: number,
  maxColumns = Infinity,
): MilpFormulation<Allocation> | null {
  const m = inst.sites.length;
  const n = inst.customers.length;
  if (!(nearest >= 1) || 2 * nearest >= m || nearest * n > maxColumns) return null;
  const full = buildFlMilp(inst);
  const colUpper = [...full.model.colUpper];
  const order = [...Array(m).keys()];
  for (let j = 0; j < n; j++) {
    order.sort((a, b) => allocCost(inst, a, j) - allocCost(inst, b, j) || a - b);
    // Allocation column of (site i, customer j): the design columns come first, then x row by row.
    for (const i of order.slice(nearest)) colUpper[m + i * n + j] = 0;
  }
  return { ...full, model: { ...full.model, colUpper } };
}

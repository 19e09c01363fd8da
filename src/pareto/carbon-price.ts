import type { Objectives } from './hypervolume.js';

/** One range of carbon prices over which one supported point is optimal. */
export interface CarbonPriceInterval {
  /** Carbon price (cost per kg CO2) where the range starts, and where it ends (null: no end). */
  readonly taxFrom: number;
  readonly taxTo: number | null;
  /** The optimal point's cost without the tax, emissions, and open design. */
  readonly cost: number;
  readonly emissions: number;
  readonly open: readonly string[];
  /** Whether the design differs from the previous range's (flows alone may change at a breakpoint). */
  readonly designChanged: boolean;
}

/** The carbon-price analysis: where the optimal solution changes, and the cost-vs-tax curve. */
export interface CarbonPriceAnalysis {
  /** Carbon prices at which the optimum moves to another supported point, increasing. */
  readonly breakpoints: readonly number[];
  readonly intervals: readonly CarbonPriceInterval[];
  /** The instance's own carbon tax and the index of the range it falls in. */
  readonly nominalTax: number;
  readonly nominalInterval: number;
  /** The optimal objective cost + t x emissions at t = 0, each breakpoint, and past the last (a concave, piecewise linear curve). */
  readonly curve: readonly {
    readonly tax: number;
    readonly objective: number;
    readonly cost: number;
    readonly emissions: number;
  }[];
}

/** A supported point with its design, as the analysis needs it. */
export interface SupportedPoint extends Objectives {
  readonly open: readonly string[];
  readonly design: readonly number[];
}

/**
 * The carbon-price analysis from the supported extreme points sorted by cost (emissions
 * decreasing): the price at which the optimum passes from one to the next is the slope between
 * them, (cost_next - cost) / (emissions - emissions_next).
 */
export function carbonPriceAnalysis(vertices: readonly SupportedPoint[], nominalTax: number): CarbonPriceAnalysis {
  const breakpoints: number[] = [];
  for (let i = 1; i < vertices.length; i++) {
    const a = vertices[i - 1]!;
    const b = vertices[i]!;
    breakpoints.push((b.cost - a.cost) / (a.emissions - b.emissions));
  }
  const same = (a: readonly number[], b: readonly number[]): boolean =>
    a.length === b.length && a.every((v, i) => v === b[i]);
  const intervals = vertices.map((v, i) => ({
    taxFrom: i === 0 ? 0 : breakpoints[i - 1]!,
    taxTo: i < breakpoints.length ? breakpoints[i]! : null,
    cost: v.cost,
    emissions: v.emissions,
    open: v.open,
    designChanged: i > 0 && !same(v.design, vertices[i - 1]!.design),
  }));
  const nominalInterval = Math.max(
    0,
    intervals.findIndex((r) => nominalTax >= r.taxFrom && (r.taxTo === null || nominalTax <= r.taxTo)),
  );
  const last = breakpoints.length > 0 ? breakpoints[breakpoints.length - 1]! : Math.max(1, nominalTax);
  const taxes = [0, ...breakpoints, Math.max(last * 1.5, nominalTax * 1.5)];
  const curve = taxes.map((tax) => {
    // The optimum at a tax is the best supported point at that tax (ties: the cheaper one).
    let best = vertices[0]!;
    for (const v of vertices)
      if (v.cost + tax * v.emissions < best.cost + tax * best.emissions - 1e-9 * Math.max(1, Math.abs(best.cost)))
        best = v;
    return { tax, objective: best.cost + tax * best.emissions, cost: best.cost, emissions: best.emissions };
  });
  return { breakpoints, intervals, nominalTax, nominalInterval, curve };
}

import type { Factors } from '../problems/problem-kind.js';
import type { ExperimentConfig, ParameterDraw } from './config-types.js';
import { rngFor, sample } from './distributions.js';

/** How one parameter group changes in a scenario: a fixed multiplier, or a seeded draw. */
export type Change = { readonly value: number } | { readonly draw: ParameterDraw; readonly key: string };

/**
 * A scenario as plain data: a recipe, not the factors themselves, so it is small to post to a
 * worker and to hash. Per-item factors are drawn where the instance (and so the item count) is known.
 */
export interface ScenarioSpec {
  /** Unique within an experiment: `nominal`, `demand-shock#3`, `demand-sweep@demand=0.9`. */
  readonly id: string;
  readonly kind: 'nominal' | 'stochastic' | 'sensitivity';
  /** The scenario block's name (null for nominal). */
  readonly set: string | null;
  readonly index: number;
  readonly changes: Readonly<Record<string, Change>>;
  /** Sensitivity multipliers per group (for curves); empty otherwise. */
  readonly levels: Readonly<Record<string, number>>;
}

/** The unchanged instance. */
export const NOMINAL: ScenarioSpec = { id: 'nominal', kind: 'nominal', set: null, index: 0, changes: {}, levels: {} };

/**
 * The scenarios of each block, in config order. A stochastic draw is keyed by block seed,
 * scenario index and group, so the same seed gives the same scenarios, and adding a group
 * leaves the other groups' draws unchanged.
 */
export function blockScenarios(config: ExperimentConfig): { block: string; scenarios: ScenarioSpec[] }[] {
  const out: { block: string; scenarios: ScenarioSpec[] }[] = [];
  for (const b of config.stochastic) {
    const scenarios = Array.from({ length: b.count }, (_, k): ScenarioSpec => ({
      id: `${b.name}#${k + 1}`,
      kind: 'stochastic',
      set: b.name,
      index: k + 1,
      changes: Object.fromEntries(
        Object.entries(b.parameters).map(([g, draw]) => [g, { draw, key: `${b.seed}/${k + 1}/${g}` }]),
      ),
      levels: {},
    }));
    out.push({ block: b.name, scenarios });
  }
  for (const b of config.sensitivity) {
    const combos: Record<string, number>[] =
      b.axes.length === 1
        ? b.axes[0]!.values.map((v) => ({ [b.axes[0]!.group]: v }))
        : b.axes[0]!.values.flatMap((v0) =>
            b.axes[1]!.values.map((v1) => ({ [b.axes[0]!.group]: v0, [b.axes[1]!.group]: v1 })),
          );
    const scenarios = combos.map((levels, k): ScenarioSpec => ({
      id: `${b.name}@${Object.entries(levels)
        .map(([g, v]) => `${g}=${v}`)
        .join(',')}`,
      kind: 'sensitivity',
      set: b.name,
      index: k + 1,
      changes: Object.fromEntries(Object.entries(levels).map(([g, value]) => [g, { value }])),
      levels,
    }));
    out.push({ block: b.name, scenarios });
  }
  return out;
}

/** Turns a scenario recipe into factors for an instance with these group sizes. */
export function materialize(spec: ScenarioSpec, sizes: Readonly<Record<string, number>>): Factors {
  const out: Record<string, number | number[]> = {};
  for (const [group, change] of Object.entries(spec.changes)) {
    if ('value' in change) out[group] = change.value;
    else {
      const rng = rngFor(change.key);
      out[group] =
        change.draw.per === 'shared'
          ? sample(change.draw.distribution, rng)
          : Array.from({ length: sizes[group] ?? 0 }, () => sample(change.draw.distribution, rng));
    }
  }
  return out;
}

/** Item-wise mean of several scenarios' factors: the expected-value scenario of a block. */
export function meanFactors(all: readonly Factors[]): Factors {
  const out: Record<string, number | number[]> = {};
  if (all.length === 0) return out;
  for (const group of Object.keys(all[0]!)) {
    const vals = all.map((f) => f[group]!);
    const first = vals[0]!;
    if (typeof first === 'number') out[group] = vals.reduce<number>((s, v) => s + (v as number), 0) / vals.length;
    else
      out[group] = first.map(
        (_, k) => vals.reduce<number>((s, v) => s + (v as readonly number[])[k]!, 0) / vals.length,
      );
  }
  return out;
}

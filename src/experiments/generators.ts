import { formatIlJson, generateIlJson, PAPER_SIZES } from '../problems/inventory-location/generator.js';
import { IL_SETS, SET_NAMES, type IlSet } from '../problems/inventory-location/shape.js';
import type { Field } from './config-fields.js';

/** An instance generator usable from a config: validated parameters and seed in, instance text out. */
export interface InstanceGenerator {
  readonly kind: string;
  /** Parameter names and defaults, for errors and docs. */
  readonly defaults: Readonly<Record<string, number>>;
  generate(params: Readonly<Record<string, number>>, seed: number, name: string): string;
}

const ilGenerator: InstanceGenerator = {
  kind: 'inventory-location',
  defaults: Object.fromEntries(IL_SETS.map((s) => [SET_NAMES[s], PAPER_SIZES[s]])),
  generate(params, seed, name) {
    const sizes = Object.fromEntries(IL_SETS.map((s) => [s, params[SET_NAMES[s]] ?? PAPER_SIZES[s]])) as Record<IlSet, number>;
    return formatIlJson(generateIlJson(sizes, seed, name));
  },
};

/** Generators by problem kind; a new generator adds one line here. */
export const GENERATORS: readonly InstanceGenerator[] = [ilGenerator];

/** Reads `{generator, seed, params}` from a config entry and returns the generated text. */
export function generateFromConfig(f: Field, label: string): { kind: string; text: string; seed: number } {
  const kinds = GENERATORS.map((g) => g.kind);
  const kind = f.at('generator').oneOf(kinds);
  const gen = GENERATORS.find((g) => g.kind === kind)!;
  const seed = f.at('seed').present ? f.at('seed').number({ integer: true, min: 0 }) : 1;
  const params: Record<string, number> = {};
  const pf = f.at('params');
  if (pf.present) {
    pf.object(Object.keys(gen.defaults));
    for (const k of pf.keys()) params[k] = pf.at(k).number({ integer: true, positive: true });
  }
  return { kind, text: gen.generate(params, seed, label), seed };
}

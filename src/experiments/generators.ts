import { InputError } from '../core/errors.js';
import { generateFlInstance, type FlLayout } from '../problems/facility-location/generator.js';
import { formatNetworkDocument } from '../problems/network/convert/format.js';
import { generateIlNetwork } from '../problems/network/convert/legacy/inventory-location/generate-network.js';
import { PAPER_SIZES } from '../problems/network/convert/legacy/inventory-location/generator.js';
import { IL_SETS, SET_NAMES, type IlSet } from '../problems/network/convert/legacy/inventory-location/shape.js';
import { generateJakartaScale, type JrlnLayout } from '../studies/jakarta/scale-generator.js';
import type { Field } from '../core/fields.js';
import { formatInstanceJson } from '../io/instance-json.js';

/** An instance generator usable from a config: validated parameters and seed in, instance text out. */
export interface InstanceGenerator {
  readonly kind: string;
  /** Parameter names and defaults, for errors and docs (a string default takes a string). */
  readonly defaults: Readonly<Record<string, number | string>>;
  /** Numeric parameters that may be fractional (all others must be positive integers). */
  readonly realParams?: readonly string[];
  generate(params: Readonly<Record<string, number | string>>, seed: number, name: string): string;
}

const ilGenerator: InstanceGenerator = {
  kind: 'inventory-location',
  defaults: Object.fromEntries(IL_SETS.map((s) => [SET_NAMES[s], PAPER_SIZES[s]])),
  generate(params, seed, name) {
    const sizes = Object.fromEntries(IL_SETS.map((s) => [s, Number(params[SET_NAMES[s]] ?? PAPER_SIZES[s])])) as Record<
      IlSet,
      number
    >;
    return formatNetworkDocument(generateIlNetwork(sizes, seed, name), '.json');
  },
};

const flDefaults = {
  sites: 50,
  customers: 200,
  layout: 'clustered',
  clusters: 10,
  tightness: 3,
  variant: 'cflp',
} as const;

const flGenerator: InstanceGenerator = {
  kind: 'facility-location',
  defaults: flDefaults,
  realParams: ['tightness'],
  generate(params, seed, name) {
    const p = { ...flDefaults, ...params };
    return formatInstanceJson(
      generateFlInstance({
        sites: Number(p.sites),
        customers: Number(p.customers),
        layout: String(p.layout) as FlLayout,
        clusters: Number(p.clusters),
        tightness: Number(p.tightness),
        variant: String(p.variant) as 'cflp' | 'sscflp' | 'uflp',
        seed,
        name,
      }),
    );
  },
};

const jakartaDefaults = { dealers: 1000, clusters: 20, ccPerCluster: 4, rmc: 4, wdc: 2, layout: 'clustered' } as const;

/** Jakarta-style networks (the options of `rlnd generate jakarta-rln`, camelCase). */
const jakartaGenerator: InstanceGenerator = {
  kind: 'jakarta-rln',
  defaults: jakartaDefaults,
  generate(params, seed, name) {
    const p = { ...jakartaDefaults, ...params };
    const doc = generateJakartaScale({
      dealers: Number(p.dealers),
      clusters: Number(p.clusters),
      ccPerCluster: Number(p.ccPerCluster),
      rmc: Number(p.rmc),
      wdc: Number(p.wdc),
      layout: String(p.layout) as JrlnLayout,
      seed,
      name,
    });
    return formatNetworkDocument(doc, '.json');
  },
};

/** Generators by problem kind; a new generator adds one line here. */
export const GENERATORS: readonly InstanceGenerator[] = [ilGenerator, flGenerator, jakartaGenerator];

/** Reads `{generator, seed, params}` from a config entry and returns the generated text. */
export function generateFromConfig(f: Field, label: string): { kind: string; text: string; seed: number } {
  const kinds = GENERATORS.map((g) => g.kind);
  const kind = f.at('generator').oneOf(kinds);
  const gen = GENERATORS.find((g) => g.kind === kind)!;
  const seed = f.at('seed').present ? f.at('seed').number({ integer: true, min: 0 }) : 1;
  const params: Record<string, number | string> = {};
  const pf = f.at('params');
  if (pf.present) {
    pf.object(Object.keys(gen.defaults));
    for (const k of pf.keys()) {
      if (typeof gen.defaults[k] === 'string') params[k] = pf.at(k).string();
      else params[k] = pf.at(k).number({ positive: true, integer: !gen.realParams?.includes(k) });
    }
  }
  try {
    return { kind, text: gen.generate(params, seed, label), seed };
  } catch (err) {
    // The generator names its CLI option; in a config the key path is what the user needs.
    if (err instanceof InputError) pf.fail(`valid ${kind} generator parameters (${err.where}: ${err.expected})`);
    throw err;
  }
}

import { InputError } from '../core/errors.js';
import { instanceGenerators } from '../problems/registry.js';
import type { Field } from '../core/fields.js';

/**
 * Reads `{generator, seed, params}` from a config entry and returns the generated text (always
 * JSON). The generators and their parameters are those of the problem kinds' entries
 * (src/problems/<kind>/kind.ts); `kind` is the generator's name.
 */
export function generateFromConfig(f: Field, label: string): { kind: string; text: string; seed: number } {
  const generators = instanceGenerators();
  const kind = f.at('generator').oneOf(generators.map((g) => g.name));
  const gen = generators.find((g) => g.name === kind)!;
  const seed = f.at('seed').present ? f.at('seed').number({ integer: true, min: 0 }) : 1;
  const params: Record<string, number | string> = Object.fromEntries(gen.params.map((p) => [p.name, p.default]));
  const pf = f.at('params');
  if (pf.present) {
    pf.object(gen.params.map((p) => p.name));
    for (const k of pf.keys()) {
      const p = gen.params.find((q) => q.name === k)!;
      if (typeof p.default === 'string') params[k] = p.choices ? pf.at(k).oneOf(p.choices) : pf.at(k).string();
      else params[k] = pf.at(k).number({ positive: true, integer: !p.real });
    }
  }
  try {
    return { kind, text: gen.generate(params, seed, label, '.json'), seed };
  } catch (err) {
    // The generator names its CLI option; in a config the key path is what the user needs.
    if (err instanceof InputError) pf.fail(`valid ${kind} generator parameters (${err.where}: ${err.expected})`);
    throw err;
  }
}

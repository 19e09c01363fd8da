import seedrandom from 'seedrandom';
import type { Distribution } from './config-types.js';
import type { Field } from '../core/fields.js';

/** Distribution names and their parameters, for config errors and docs. */
export const DISTRIBUTIONS: Readonly<Record<Distribution['type'], readonly string[]>> = {
  normal: ['mean', 'sd'],
  lognormal: ['mu', 'sigma'],
  uniform: ['low', 'high'],
  triangular: ['low', 'mode', 'high'],
};

/** Reads and checks a distribution (`{distribution: normal, mean: 1, sd: 0.1}`); errors name the key. */
export function readDistribution(f: Field, extra: readonly string[]): Distribution {
  const type = f.at('distribution').oneOf(Object.keys(DISTRIBUTIONS) as Distribution['type'][]);
  f.object(['distribution', ...DISTRIBUTIONS[type], ...extra]);
  const num = (k: string, check: { min?: number } = {}): number => f.at(k).number(check);
  switch (type) {
    case 'normal':
      return { type, mean: num('mean'), sd: num('sd', { min: 0 }) };
    case 'lognormal':
      return { type, mu: num('mu'), sigma: num('sigma', { min: 0 }) };
    case 'uniform': {
      const low = num('low');
      const high = num('high');
      if (high < low) f.at('high').fail(`a number >= low (${low})`);
      return { type, low, high };
    }
    case 'triangular': {
      const low = num('low');
      const mode = num('mode');
      const high = num('high');
      if (mode < low) f.at('mode').fail(`a number >= low (${low})`);
      if (high < mode) f.at('high').fail(`a number >= mode (${mode})`);
      return { type, low, mode, high };
    }
  }
}

/** A seeded uniform source in [0, 1). */
export type Rng = () => number;

/** A `seedrandom` stream for a string key (the same key gives the same stream everywhere). */
export function rngFor(key: string): Rng {
  return seedrandom(key);
}

/** One draw; negative multipliers are clamped to 0 (a parameter cannot go below zero). */
export function sample(d: Distribution, rng: Rng): number {
  let v: number;
  switch (d.type) {
    case 'normal':
      v = d.mean + d.sd * standardNormal(rng);
      break;
    case 'lognormal':
      v = Math.exp(d.mu + d.sigma * standardNormal(rng));
      break;
    case 'uniform':
      v = d.low + (d.high - d.low) * rng();
      break;
    case 'triangular': {
      const u = rng();
      const { low, mode, high } = d;
      const cut = high > low ? (mode - low) / (high - low) : 0;
      v =
        u < cut
          ? low + Math.sqrt(u * (high - low) * (mode - low))
          : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
      break;
    }
  }
  return Math.max(0, v);
}

/** Box-Muller with two uniforms per draw (stateless, so streams do not depend on draw parity). */
function standardNormal(rng: Rng): number {
  const u1 = Math.max(rng(), Number.MIN_VALUE);
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

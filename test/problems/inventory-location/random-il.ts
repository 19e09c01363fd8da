import fc from 'fast-check';
import { generateIlJson } from '../../../src/problems/inventory-location/generator.js';
import type { IlInstance } from '../../../src/problems/inventory-location/instance.js';
import { parseIlJson } from '../../../src/problems/inventory-location/json-reader.js';
import type { IlSizes } from '../../../src/problems/inventory-location/shape.js';

/**
 * Small random instances from the seeded generator. With `oneTech` the demand of every
 * technology but the first is zeroed, so designs may leave centres closed or open centres unused.
 */
export function arbIlInstance(max: Partial<IlSizes> = {}, min: Partial<IlSizes> = {}): fc.Arbitrary<IlInstance> {
  const size = (n: number | undefined, dflt: number, lo = 1) => fc.integer({ min: lo, max: Math.max(lo, n ?? dflt) });
  return fc
    .record({
      sizes: fc.record({
        I: size(max.I, 2, min.I),
        R: size(max.R, 2, min.R),
        U: size(max.U, 2, min.U),
        M: size(max.M, 2, min.M),
        K: size(max.K, 2, min.K),
        P: size(max.P, 1, min.P),
        O: size(max.O, 2, min.O),
        T: size(max.T, 2, min.T),
      }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      oneTech: fc.boolean(),
    })
    .map(({ sizes, seed, oneTech }) => {
      const data = generateIlJson(sizes, seed) as { parameters: Record<string, unknown> };
      if (oneTech) {
        // DM is [O][K][M][T]: keep technology 0 only.
        data.parameters.DM = (data.parameters.DM as number[][][][]).map((byK) => byK.map((byM, k) => (k === 0 ? byM : byM.map((byT) => byT.map(() => 0)))));
      }
      return parseIlJson(data, `random seed ${seed}`);
    });
}

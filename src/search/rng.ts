import seedrandom from 'seedrandom';

/** A seeded random stream; every random choice in a search draws from one of these. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** In-place Fisher-Yates shuffle; returns the array. */
  shuffle<T>(items: T[]): T[];
}

/** A seedrandom (ARC4) stream for `seed`; `stream` names independent sub-streams. */
export function makeRng(seed: number, stream = ''): Rng {
  const prng = seedrandom(`${seed}:${stream}`);
  const rng: Rng = {
    next: () => prng.quick(),
    int: (n) => Math.floor(prng.quick() * n),
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
  return rng;
}

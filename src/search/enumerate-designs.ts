import { groupViolation, type Design, type DesignSpace } from '../core/design.js';

/** Every design that satisfies the space's group rules and open cap (one member or none per at-most-one group). */
export function* enumerateDesigns(space: DesignSpace): Generator<Design> {
  const grouped = new Set(space.groups.flatMap((g) => g.members));
  const free = [...Array(space.size).keys()].filter((b) => !grouped.has(b));
  // Choices per group: -1 (none, only for at-most-one) or one member; free bits: 0/1.
  const choices: number[][] = [
    ...space.groups.map((g) => (g.rule === 'at-most-one' ? [-1, ...g.members] : [...g.members])),
    ...free.map((b) => [-1, b]),
  ];
  const pick = new Array<number>(choices.length).fill(0);
  for (;;) {
    const d = new Uint8Array(space.size);
    choices.forEach((c, n) => {
      const bit = c[pick[n]!]!;
      if (bit >= 0) d[bit] = 1;
    });
    if (groupViolation(space, d) === null) yield d;
    let n = 0;
    while (n < choices.length && ++pick[n]! === choices[n]!.length) pick[n++] = 0;
    if (n === choices.length) return;
  }
}

/** How many designs {@link enumerateDesigns} would visit before the open cap filters them. */
export function designCount(space: DesignSpace): number {
  const grouped = new Set(space.groups.flatMap((g) => g.members));
  const free = space.size - grouped.size;
  return space.groups.reduce((n, g) => n * (g.members.length + (g.rule === 'at-most-one' ? 1 : 0)), 2 ** free);
}

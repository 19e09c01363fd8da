/**
 * A design is the binary decision every rlnd problem shares: which sites open (and, through
 * groups, with which option). It is a bit vector over the problem's design variables.
 */
export type Design = Uint8Array;

/** A structural rule over a set of design bits, enforced by the problem's repair step. */
export interface DesignGroup {
  readonly name: string;
  readonly members: readonly number[];
  /** `exactly-one`: one member open (one CC per cluster); `at-most-one`: one option per site. */
  readonly rule: 'exactly-one' | 'at-most-one';
}

/** The shape of a problem's design space. */
export interface DesignSpace {
  readonly size: number;
  /** Human-readable label of each bit (site id, or `site:option`). */
  readonly labels: readonly string[];
  readonly groups: readonly DesignGroup[];
  /** Optional cap on the number of open bits (e.g. "at most p collection points"). */
  readonly maxOpen?: number;
}

/** Stable string key of a design, for caches. */
export function designKey(design: Design): string {
  return Buffer.from(design).toString('base64');
}

/** Labels of the open bits (site ids, or `site:option`): the `open` field of every result. */
export function openLabels(space: DesignSpace, design: Design): string[] {
  return space.labels.filter((_, i) => design[i]);
}

/** A design with the given bits open. */
export function designFrom(size: number, open: Iterable<number>): Design {
  const d = new Uint8Array(size);
  for (const i of open) d[i] = 1;
  return d;
}

/** Checks the group rules and the open cap; returns the first violated rule, or null. */
export function groupViolation(space: DesignSpace, design: Design): string | null {
  for (const g of space.groups) {
    const open = g.members.reduce((n, i) => n + (design[i] ? 1 : 0), 0);
    if (g.rule === 'exactly-one' && open !== 1) return `${g.name}: ${open} open, exactly one required`;
    if (g.rule === 'at-most-one' && open > 1) return `${g.name}: ${open} open, at most one allowed`;
  }
  if (space.maxOpen !== undefined) {
    const open = design.reduce((n, b) => n + b, 0);
    if (open > space.maxOpen) return `${open} sites open, at most ${space.maxOpen} allowed`;
  }
  return null;
}

import type { NetworkInstance } from '../instance.js';

/** Most combinations of the global groups' members the decomposition enumerates. */
export const MAX_GLOBAL_COMBINATIONS = 10_000;

/** A local group: its members, and the sources that ship to them and nowhere else. */
export interface LocalGroup {
  readonly name: string;
  readonly members: readonly number[];
  readonly sources: readonly number[];
}

/** How the count groups of a decomposable network split (node indices throughout). */
export interface GroupStructure {
  /** Groups whose members are enumerated together (e.g. one RMC, one WDC). */
  readonly global: readonly (readonly number[])[];
  /** Groups whose best member is chosen independently once the global choice is fixed. */
  readonly local: readonly LocalGroup[];
  /** Nodes with supply that feed no local group (priced with the global part). */
  readonly globalSources: readonly number[];
  /** Product of the global groups' sizes. */
  readonly combinations: number;
}

/**
 * The group structure of a network the decomposition bound is exact on, or why it is not (a
 * reason). It checks, in this order:
 * - one period and continuous flows;
 * - no capacity on any node or arc, no stock, no technology options, no single sourcing, no price;
 * - every supply exact (`{exactly: v}`, finite) and only at non-candidates; every demand a free
 *   sink (`{atLeast: 0}`: lower bound 0, no upper bound);
 * - every count rule is `exactly 1`, and every candidate is in exactly one of them;
 * - groups are local or global. A group is *local* when every arc into its members comes from an
 *   origin (a non-candidate with supply, no arc in, no conversion and no demand) whose arcs all go
 *   to members of that group: its origins are its cluster. Every other group is *global*, and the
 *   product of the global groups' sizes is at most {@link MAX_GLOBAL_COMBINATIONS};
 * - the graph of (node, product) states, linked by arcs and conversions, has no cycle.
 * Nothing reaches a local member but its own origins, which nothing reaches, so once the global
 * members are chosen what a local member's flows cost depends on that member alone.
 */
export function groupStructure(inst: NetworkInstance): GroupStructure | string {
  if (inst.periods !== 1) return 'more than one period';
  if (inst.integerFlows) return 'integer flows';
  for (const n of inst.nodes) {
    if (n.capacity) return `node ${n.id} has a capacity`;
    if (n.inventory) return `node ${n.id} keeps stock`;
    if (n.options.length > 0) return `node ${n.id} has technology options`;
    if (n.singleSource) return `node ${n.id} is single-sourced`;
    if (n.price !== null) return `node ${n.id} has a selling price`;
    for (const [p, s] of n.supply) {
      if (n.candidate) return `candidate ${n.id} has a supply`;
      if (s.lower[0] !== s.upper[0] || !Number.isFinite(s.upper[0]!))
        return `supply of ${inst.products[p]!.id} at ${n.id} is not exact`;
    }
    for (const d of n.demand)
      if (d.bounds.lower[0]! > 0 || d.bounds.upper[0] !== Infinity)
        return `demand of ${d.key} at ${n.id} is not a free sink ({atLeast: 0})`;
  }
  for (const a of inst.arcs)
    if (a.capacity) return `arc ${inst.nodes[a.from]!.id} -> ${inst.nodes[a.to]!.id} has a capacity`;

  const groupOf = new Int32Array(inst.nodes.length).fill(-1);
  for (const [g, rule] of inst.groups.entries()) {
    if (rule.rule !== 'exactly' || rule.count !== 1) return `count rule ${rule.name} is not "exactly 1"`;
    for (const n of rule.nodes) {
      if (groupOf[n] !== -1) return `candidate ${inst.nodes[n]!.id} is in two count rules`;
      groupOf[n] = g;
    }
  }
  const loose = inst.nodes.find((n) => n.candidate && groupOf[n.index] === -1);
  if (loose) return `candidate ${loose.id} is in no "exactly 1" rule`;

  const into = inst.nodes.map((): number[] => []);
  const outOf = inst.nodes.map((): number[] => []);
  for (const a of inst.arcs) {
    into[a.to]!.push(a.from);
    outOf[a.from]!.push(a.to);
  }
  const origin = (n: number): boolean => {
    const node = inst.nodes[n]!;
    return (
      !node.candidate &&
      node.supply.size > 0 &&
      into[n]!.length === 0 &&
      node.conversions.length === 0 &&
      node.demand.length === 0
    );
  };
  const local: LocalGroup[] = [];
  const global: number[][] = [];
  const fed = new Uint8Array(inst.nodes.length);
  for (const [g, rule] of inst.groups.entries()) {
    const sources = new Set<number>();
    let isLocal = true;
    for (const m of rule.nodes) {
      for (const s of into[m]!) {
        if (origin(s) && outOf[s]!.every((t) => groupOf[t] === g)) sources.add(s);
        else isLocal = false;
      }
    }
    if (isLocal) {
      for (const s of sources) fed[s] = 1;
      local.push({ name: rule.name, members: rule.nodes, sources: [...sources].sort((a, b) => a - b) });
    } else global.push([...rule.nodes]);
  }
  const combinations = global.reduce((c, g) => c * g.length, 1);
  if (combinations > MAX_GLOBAL_COMBINATIONS)
    return `${combinations} combinations of the global groups (more than ${MAX_GLOBAL_COMBINATIONS})`;
  const cycle = stateCycle(inst);
  if (cycle) return cycle;
  const globalSources = inst.nodes.filter((n) => n.supply.size > 0 && !fed[n.index]).map((n) => n.index);
  return { global, local, globalSources, combinations };
}

/** A reason if some (node, product) state reaches itself through arcs and conversions, else null. */
function stateCycle(inst: NetworkInstance): string | null {
  const P = inst.products.length;
  const next = new Map<number, number[]>();
  const link = (from: number, to: number): void => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const a of inst.arcs) for (const p of a.products) link(a.from * P + p, a.to * P + p);
  for (const n of inst.nodes)
    for (const c of n.conversions) for (const o of c.to) link(n.index * P + c.from, n.index * P + o.product);
  // Iterative depth-first search: 0 unseen, 1 on the stack, 2 done.
  const state = new Uint8Array(inst.nodes.length * P);
  for (const startKey of next.keys()) {
    if (state[startKey]) continue;
    const stack: [number, number][] = [[startKey, 0]];
    state[startKey] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const succ = next.get(top[0]) ?? [];
      if (top[1] < succ.length) {
        const k = succ[top[1]++]!;
        if (state[k] === 1)
          return `a cycle of flows and conversions through ${inst.nodes[Math.floor(k / P)]!.id} (${inst.products[k % P]!.id})`;
        if (state[k] === 0) {
          state[k] = 1;
          stack.push([k, 0]);
        }
      } else {
        state[top[0]] = 2;
        stack.pop();
      }
    }
  }
  return null;
}

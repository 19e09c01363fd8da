import type { NetConversion, NetNode, NetworkInstance } from './instance.js';

/**
 * What a product is at a node, decided from the structure alone (arcs, supply, demand, stock,
 * conversions; never from a design), so the MILP and every flow model share one shape. The builder
 * uses it to write the fewest rows and columns: a pure source needs no supply column, a pure sink
 * no absorption column, the input of a conversion done on arrival no balance row.
 */
export interface Roles {
  /** Only ships p out (supplies it, receives, stocks, produces and processes none). */
  pureSource(n: NetNode, p: number): boolean;
  /** Only receives p and absorbs it against a demand. */
  pureSink(n: NetNode, p: number): boolean;
  /** The conversion that processes every unit of p on arrival at n, if p cannot otherwise leave n. */
  inlineConversion(n: NetNode, p: number): NetConversion | null;
  /** Products some demand entry of n covers. */
  demanded(n: NetNode): readonly number[];
  /** Needs a balance row (touches p in any other way). */
  balanced(n: NetNode, p: number): boolean;
}

/** The roles of every node and product of an instance. */
export function roles(inst: NetworkInstance): Roles {
  const P = inst.products.length;
  const N = inst.nodes.length;
  const hasIn = new Uint8Array(N * P);
  const hasOut = new Uint8Array(N * P);
  for (const a of inst.arcs)
    for (const p of a.products) {
      hasIn[a.to * P + p] = 1;
      hasOut[a.from * P + p] = 1;
    }
  const demanded = inst.nodes.map((n) => [...new Set(n.demand.flatMap((d) => d.products))]);
  const produced = inst.nodes.map((n) => new Set(n.conversions.flatMap((c) => c.to.map((o) => o.product))));
  const consumed = inst.nodes.map((n) => new Set(n.conversions.map((c) => c.from)));
  const stocked = inst.nodes.map((n) => new Set(n.inventory?.products ?? []));
  const inline = inst.nodes.map((n) => {
    const m = new Map<number, NetConversion>();
    for (const c of n.conversions) {
      const p = c.from;
      const k = n.index * P + p;
      // An option's conversion of a product that only that option handles is as certain as a node's.
      const sure = c.option === null || n.options[c.option]!.products?.has(p) === true;
      if (
        sure &&
        !hasOut[k] &&
        !stocked[n.index]!.has(p) &&
        !demanded[n.index]!.includes(p) &&
        !n.supply.has(p) &&
        !produced[n.index]!.has(p)
      )
        m.set(p, c);
    }
    return m;
  });
  const other = (n: NetNode, p: number): boolean =>
    produced[n.index]!.has(p) || stocked[n.index]!.has(p) || consumed[n.index]!.has(p);
  const isDemanded = (n: NetNode, p: number): boolean => demanded[n.index]!.includes(p);
  const pureSource = (n: NetNode, p: number): boolean =>
    n.supply.has(p) && !hasIn[n.index * P + p] && !other(n, p) && !isDemanded(n, p);
  const pureSink = (n: NetNode, p: number): boolean =>
    isDemanded(n, p) && !hasOut[n.index * P + p] && !other(n, p) && !n.supply.has(p);
  return {
    pureSource,
    pureSink,
    inlineConversion: (n, p) => inline[n.index]!.get(p) ?? null,
    demanded: (n) => demanded[n.index]!,
    balanced: (n, p) =>
      !inline[n.index]!.has(p) &&
      !pureSource(n, p) &&
      !pureSink(n, p) &&
      (hasIn[n.index * P + p] === 1 ||
        hasOut[n.index * P + p] === 1 ||
        other(n, p) ||
        n.supply.has(p) ||
        isDemanded(n, p)),
  };
}

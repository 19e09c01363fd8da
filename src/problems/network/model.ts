import { InputError } from '../../core/errors.js';
import type { Design } from '../../core/design.js';
import type { MilpFormulation } from '../../core/problem.js';
import { lpName } from '../../exact/lp-format.js';
import { LinearModelBuilder, type VarType } from '../../exact/linear-model.js';
import { flowBounds } from './bounds.js';
import { FLOW_EPS, type ArcFlow, type NetworkFlows, type NodeAmount, type ProcessedAmount } from './flows.js';
import { at, type NetArc, type NetConversion, type NetNode, type NetworkInstance } from './instance.js';
import { roles, type Roles } from './roles.js';

/** Variations of the model for multi-objective work (the instance's own model without them). */
export interface ModelOptions {
  /** Carbon price per kg CO2 in the objective instead of the instance's `carbonTax` (0: pure cost). */
  readonly carbonTax?: number;
  /** Total emissions (kg CO2) at most this (an epsilon-constraint). */
  readonly emissionCap?: number;
  /**
   * Two-stage recourse: each demand row with a positive lower bound gets an `unmet` column
   * (0 <= u <= lower bound, this cost per unit) on its left-hand side, so demand may be left
   * unmet at a price. Unmet amounts are not decoded into the flows: they are the shortfall of
   * what arrives, which the stochastic cost recomputes from the flows.
   */
  readonly unmetDemandPenalty?: number;
}

/** The MILP or flow model with the kg CO2 per unit of each column. */
export interface NetworkFormulation extends MilpFormulation<NetworkFlows> {
  readonly emission: Float64Array;
}

/** Linear terms under construction. */
class Terms {
  readonly vars: number[] = [];
  readonly coefs: number[] = [];
  add(col: number, coef = 1): this {
    if (coef !== 0) {
      this.vars.push(col);
      this.coefs.push(coef);
    }
    return this;
  }
  addAll(cols: readonly number[], coef = 1): this {
    for (const c of cols) this.add(c, coef);
    return this;
  }
  get empty(): boolean {
    return this.vars.length === 0;
  }
}

/** One arc column: the arc, its product position, the period. */
interface ArcCol {
  readonly col: number;
  readonly arc: NetArc;
  readonly k: number;
  readonly t: number;
}

/**
 * The one builder of the network model. Without `design` it is the full MILP: a binary per design
 * bit, linking rows, count rules. With a design it is the exact flow model of that design: the
 * same columns and rows restricted to the open nodes (columns of closed nodes are left out, which
 * is what the linking rows force), fixed costs as a constant. Flows are integer when the instance
 * says so, and single-sourced demand nodes keep their assignment binaries (a MIP).
 *
 * Rows, per period t (docs/network.md has the semantics):
 * - balance of each product at each node that stocks, converts, transships or both supplies and
 *   receives it: in + supplied + produced + stock(t-1) = out + processed + absorbed + stock(t);
 *   a pure source (only ships p) gets a supply row on its outflow, a pure sink a demand row on its
 *   inflow, and the input of a conversion done on arrival no row (processed = inflow);
 * - capacity on throughput, linked to the opening (x <= C y), per node, option or product;
 * - strong linking (optional): each arc column on a candidate's throughput side <= U y;
 * - count rules and at most one option per node; single sourcing.
 */
export function buildNetworkModel(
  inst: NetworkInstance,
  design?: Design,
  options: ModelOptions = {},
): NetworkFormulation {
  const milp = design === undefined;
  const T = inst.periods;
  const P = inst.products.length;
  const { nodes, arcs, bits } = inst;
  const R = roles(inst);
  const bounds = flowBounds(inst);
  const b = new LinearModelBuilder(`${lpName(inst.name)}-${milp ? 'milp' : 'flow'}`);
  const flowType: VarType = inst.integerFlows ? 'integer' : 'continuous';
  const tax = options.carbonTax ?? inst.carbonTax;
  /** kg CO2 per unit of each column (for an emission cap and for cost/emission objectives). */
  const emission: number[] = [];
  const kg = (col: number, value: number): void => {
    if (value !== 0) emission[col] = (emission[col] ?? 0) + value;
  };
  const tags = uniqueTags(
    nodes.map((n) => n.id),
    'n',
  );
  const ptags = uniqueTags(
    inst.products.map((p) => p.id),
    'p',
  );
  const per = (t: number): string => (T > 1 ? `_${t + 1}` : '');

  // Design bits: columns of the MILP, or the given 0/1 values.
  const bitOpen = bits.map((_, i) => (milp ? true : design![i] === 1));
  const y: number[] = milp
    ? bits.map((bit) => b.addVar(`y_${lpName(bit.label)}`, { type: 'binary', cost: bit.fixedCost }))
    : [];
  if (!milp) bits.forEach((bit, i) => bitOpen[i] && b.addOffset(bit.fixedCost));
  b.addOffset(inst.constantCost);
  const nodeBits = nodes.map(() => [] as number[]);
  bits.forEach((bit, i) => nodeBits[bit.node]!.push(i));
  const usable = nodes.map((n) => !n.candidate || nodeBits[n.index]!.some((i) => bitOpen[i]));
  /** Bit of the option owning product p at node n (options with product lists), -1 if none, null if n has none. */
  const ownerBit = (n: NetNode, p: number): number | null => {
    if (n.options.length === 0 || n.options[0]!.products === null) return null;
    const k = n.options.findIndex((o) => o.products!.has(p));
    return k < 0 ? -1 : nodeBits[n.index]![k]!;
  };
  const entersAllowed = (n: NetNode, p: number): boolean => {
    const o = ownerBit(n, p);
    return o === null || (o >= 0 && bitOpen[o]!);
  };
  /** Handling cost and emission per unit of throughput of p at n in t (the owning option's if it has its own). */
  const handling = (n: NetNode, p: number, t: number): { cost: number; kg: number } => {
    const o = ownerBit(n, p);
    const opt = o !== null && o >= 0 ? n.options[bits[o]!.option!]! : null;
    const h = opt?.handlingCost ? at(opt.handlingCost, T, p, t) : at(n.handlingCost, T, p, t);
    const e = opt?.emission ? at(opt.emission, T, p, t) : at(n.emission, T, p, t);
    return { cost: h, kg: e };
  };

  // Arc columns, with every per-unit cost they carry.
  const arcCols: ArcCol[] = [];
  const inCols = new Map<number, number[][]>(); // key n * P + p -> per period
  const outCols = new Map<number, number[][]>();
  const push = (m: Map<number, number[][]>, key: number, t: number, col: number): void => {
    let v = m.get(key);
    if (!v) m.set(key, (v = Array.from({ length: T }, () => [])));
    v[t]!.push(col);
  };
  for (const a of arcs) {
    const from = nodes[a.from]!;
    const to = nodes[a.to]!;
    if (!usable[a.from] || !usable[a.to]) continue;
    a.products.forEach((p, k) => {
      if (!to.throughputIsOutflow && ownerBit(to, p) === -1) return;
      if (from.throughputIsOutflow && ownerBit(from, p) === -1) return;
      if (
        !milp &&
        ((!to.throughputIsOutflow && !entersAllowed(to, p)) || (from.throughputIsOutflow && !entersAllowed(from, p)))
      )
        return;
      for (let t = 0; t < T; t++) {
        let cost = a.cost[k * T + t]!;
        let em = a.emission[k * T + t]!;
        const side = from.throughputIsOutflow ? handling(from, p, t) : null;
        const into = to.throughputIsOutflow ? null : handling(to, p, t);
        cost += (side?.cost ?? 0) + (into?.cost ?? 0);
        em += (side?.kg ?? 0) + (into?.kg ?? 0);
        if (R.pureSource(from, p)) cost += at(from.supplyCost, T, p, t);
        if (R.pureSink(to, p)) cost -= at(to.price, T, p, t);
        const inline = R.inlineConversion(to, p);
        if (inline) {
          cost += inline.cost[t]!;
          em += inline.emission;
        }
        const cap = a.capacity?.perProduct.get(p)?.[t] ?? Infinity;
        const col = b.addVar(`f_${tags[a.from]}_${tags[a.to]}_${ptags[p]}${per(t)}`, {
          type: flowType,
          cost: cost + tax * em,
          ...(inst.formulation.arcCapacityRows ? {} : { upper: cap }),
        });
        kg(col, em);
        arcCols.push({ col, arc: a, k, t });
        push(outCols, a.from * P + p, t, col);
        push(inCols, a.to * P + p, t, col);
      }
    });
  }
  const colsOf = (m: Map<number, number[][]>, n: number, p: number, t: number): readonly number[] =>
    m.get(n * P + p)?.[t] ?? [];

  // Stock, processing, explicit supply and absorption columns.
  const stockCol = new Map<number, number[]>();
  const procCol = new Map<NetConversion, { node: NetNode; cols: number[] }>();
  const supplyCol = new Map<number, number[]>();
  const deliverCol = new Map<number, number[]>();
  for (const n of nodes) {
    if (!usable[n.index]) continue;
    if (n.inventory) {
      for (const p of n.inventory.products) {
        const h = (t: number): number => n.inventory!.holdingCost[p * T + t]!;
        const cols: number[] = [];
        for (let t = 0; t < T; t++) {
          const cost = inst.holding === 'average' ? (h(t) + (t + 1 < T ? h(t + 1) : 0)) / 2 : h(t);
          cols.push(
            b.addVar(`s_${tags[n.index]}_${ptags[p]}${per(t)}`, {
              type: flowType,
              cost,
              upper: n.inventory.max[p * T + t]!,
            }),
          );
        }
        if (inst.holding === 'average') b.addOffset((h(0) * n.inventory.initial[p]!) / 2);
        stockCol.set(n.index * P + p, cols);
      }
    }
    for (const c of n.conversions) {
      if (R.inlineConversion(n, c.from) === c) continue;
      if (c.option !== null && !milp && !bitOpen[nodeBits[n.index]![c.option]!]) continue;
      const opt = c.option === null ? '' : `_${lpName(n.options[c.option]!.id)}`;
      const cols: number[] = [];
      for (let t = 0; t < T; t++) {
        const col = b.addVar(`z_${tags[n.index]}${opt}_${ptags[c.from]}${per(t)}`, {
          type: flowType,
          cost: c.cost[t]! + tax * c.emission,
        });
        kg(col, c.emission);
        cols.push(col);
      }
      procCol.set(c, { node: n, cols });
    }
    for (const [p, s] of n.supply) {
      if (R.pureSource(n, p)) continue;
      const cols: number[] = [];
      for (let t = 0; t < T; t++)
        cols.push(
          b.addVar(`sup_${tags[n.index]}_${ptags[p]}${per(t)}`, {
            type: flowType,
            lower: s.lower[t]!,
            upper: s.upper[t]!,
            cost: at(n.supplyCost, T, p, t),
          }),
        );
      supplyCol.set(n.index * P + p, cols);
    }
    for (const p of R.demanded(n)) {
      if (R.pureSink(n, p)) continue;
      const cols: number[] = [];
      for (let t = 0; t < T; t++)
        cols.push(
          b.addVar(`abs_${tags[n.index]}_${ptags[p]}${per(t)}`, { type: flowType, cost: -at(n.price, T, p, t) }),
        );
      deliverCol.set(n.index * P + p, cols);
    }
  }

  // Conservation, supply and demand rows.
  for (const n of nodes) {
    if (!usable[n.index]) continue;
    const tag = tags[n.index];
    for (let p = 0; p < P; p++) {
      const pt = ptags[p];
      if (R.inlineConversion(n, p)) continue;
      const s = n.supply.get(p);
      if (R.pureSource(n, p)) {
        for (let t = 0; t < T; t++) {
          const out = colsOf(outCols, n.index, p, t);
          const lo = s!.lower[t]!;
          const up = s!.upper[t]!;
          if (lo > 0 || up < Infinity) b.addRow(`supply_${tag}_${pt}${per(t)}`, new Terms().addAll(out), lo, up);
        }
        continue;
      }
      if (R.pureSink(n, p)) continue; // its demand rows below
      if (!R.balanced(n, p)) continue;
      const stock = stockCol.get(n.index * P + p);
      for (let t = 0; t < T; t++) {
        const e = new Terms().addAll(colsOf(inCols, n.index, p, t)).addAll(colsOf(outCols, n.index, p, t), -1);
        produced(e, n, p, t, 1);
        consumed(e, n, p, t, -1);
        const sup = supplyCol.get(n.index * P + p);
        if (sup) e.add(sup[t]!);
        const del = deliverCol.get(n.index * P + p);
        if (del) e.add(del[t]!, -1);
        let rhs = 0;
        if (stock) {
          e.add(stock[t]!, -1);
          if (t > 0) e.add(stock[t - 1]!);
          else rhs = -n.inventory!.initial[p]!;
        }
        b.addEq(`bal_${tag}_${pt}${per(t)}`, e, rhs);
        if (stock && inst.formulation.availabilityRows) {
          // What leaves or is processed <= stock(t-1) + what arrives, is produced or supplied.
          const av = new Terms().addAll(colsOf(outCols, n.index, p, t)).addAll(colsOf(inCols, n.index, p, t), -1);
          consumed(av, n, p, t, 1);
          produced(av, n, p, t, -1);
          if (sup) av.add(sup[t]!, -1);
          if (del) av.add(del[t]!);
          if (t > 0) av.add(stock[t - 1]!, -1);
          b.addLe(`avail_${tag}_${pt}${per(t)}`, av, t > 0 ? 0 : n.inventory!.initial[p]!);
        }
      }
    }
    for (const d of n.demand) {
      for (let t = 0; t < T; t++) {
        const lo = d.bounds.lower[t]!;
        const up = d.bounds.upper[t]!;
        if (lo <= 0 && up === Infinity) continue;
        const e = new Terms();
        for (const p of d.products) {
          if (R.pureSink(n, p)) e.addAll(colsOf(inCols, n.index, p, t));
          else e.add(deliverCol.get(n.index * P + p)![t]!);
        }
        if (options.unmetDemandPenalty !== undefined && lo > 0)
          e.add(
            b.addVar(`unmet_${tag}_${lpName(d.key)}${per(t)}`, {
              type: flowType,
              upper: lo,
              cost: options.unmetDemandPenalty,
            }),
          );
        b.addRow(`demand_${tag}_${lpName(d.key)}${per(t)}`, e, lo, up);
      }
    }
  }

  /** Adds rate x processed amount of every conversion at n that outputs p. */
  function produced(e: Terms, n: NetNode, p: number, t: number, sign: number): void {
    for (const c of n.conversions) {
      for (const o of c.to) {
        if (o.product !== p) continue;
        const rate = o.rate[t]!;
        const pc = procCol.get(c);
        if (pc) e.add(pc.cols[t]!, sign * rate);
        else if (R.inlineConversion(n, c.from) === c) e.addAll(colsOf(inCols, n.index, c.from, t), sign * rate);
      }
    }
  }
  /** Adds the processed amount of every conversion at n whose input is p. */
  function consumed(e: Terms, n: NetNode, p: number, t: number, sign: number): void {
    for (const c of n.conversions)
      if (c.from === p) {
        const pc = procCol.get(c);
        if (pc) e.add(pc.cols[t]!, sign);
      }
  }

  // Capacity and linking rows.
  const bigM = (where: string, value: number): number => {
    if (inst.formulation.bigM !== undefined) return inst.formulation.bigM;
    if (!Number.isFinite(value))
      throw new InputError(
        inst.source,
        `formulation.bigM`,
        `a big-M for ${where} (no capacity and no finite bound on its flow can be derived)`,
      );
    return value;
  };
  const arcBound = new Map<number, number>();
  for (const c of arcCols) arcBound.set(c.col, bounds.arc(c.arc, c.k, c.t));
  for (const n of nodes) {
    if (!usable[n.index]) continue;
    const tag = tags[n.index];
    const side = n.throughputIsOutflow ? outCols : inCols;
    const thr = (p: number, t: number): readonly number[] => colsOf(side, n.index, p, t);
    const thrBound = (ps: Iterable<number>, t: number): number => {
      let s = 0;
      for (const p of ps) for (const col of thr(p, t)) s += arcBound.get(col)!;
      return s;
    };
    const all = [...Array(P).keys()];
    /** Rows `sum_{p in ps} thr <= cap (y)`: the open bits `ys` (MILP) or a constant. */
    const capRow = (
      name: string,
      ps: readonly number[],
      t: number,
      terms: readonly { bit: number | null; cap: number }[],
    ): void => {
      const e = new Terms();
      for (const p of ps) e.addAll(thr(p, t));
      if (e.empty) return;
      let rhs = 0;
      for (const { bit, cap } of terms) {
        if (bit === null) rhs += cap;
        else if (milp) e.add(y[bit]!, -cap);
        else if (bitOpen[bit]) rhs += cap;
      }
      if (rhs === Infinity) return;
      b.addLe(name, e, rhs);
    };
    const nb = nodeBits[n.index]!;
    for (let t = 0; t < T; t++) {
      const tt = per(t);
      // Node-level capacity (linked to the opening when the node has no options).
      const nodeBit = n.candidate && n.options.length === 0 ? nb[0]! : null;
      if (n.capacity?.total) capRow(`cap_${tag}${tt}`, all, t, [{ bit: nodeBit, cap: n.capacity.total[t]! }]);
      for (const [p, c] of n.capacity?.perProduct ?? [])
        capRow(`cap_${tag}_${ptags[p]}${tt}`, [p], t, [{ bit: nodeBit, cap: c[t]! }]);
      if (nodeBit !== null && !inst.formulation.strongLinking) {
        const uncapped = n.capacity?.total ? [] : all.filter((p) => !n.capacity?.perProduct.has(p));
        if (uncapped.length > 0)
          capRow(`link_${tag}${tt}`, uncapped, t, [{ bit: nodeBit, cap: bigM(`node ${n.id}`, thrBound(uncapped, t)) }]);
      }
      if (n.options.length === 0) continue;
      const listed = n.options[0]!.products !== null;
      if (listed) {
        n.options.forEach((o, k) => {
          const ps = [...o.products!];
          const bit = nb[k]!;
          const otag = `${tag}_${lpName(o.id)}${tt}`;
          if (o.capacity?.total) capRow(`cap_${otag}`, ps, t, [{ bit, cap: o.capacity.total[t]! }]);
          for (const [p, c] of o.capacity?.perProduct ?? [])
            capRow(`cap_${otag}_${ptags[p]}`, [p], t, [{ bit, cap: c[t]! }]);
          if (!inst.formulation.strongLinking && milp) {
            const uncapped = o.capacity?.total ? [] : ps.filter((p) => !o.capacity?.perProduct.has(p));
            if (uncapped.length > 0)
              capRow(`link_${otag}`, uncapped, t, [
                { bit, cap: bigM(`node ${n.id} option ${o.id}`, thrBound(uncapped, t)) },
              ]);
          }
        });
      } else {
        // Shared products: the open option's capacity bounds the total.
        const terms = n.options.map((o, k) => ({
          bit: nb[k]!,
          cap: o.capacity?.total?.[t] ?? bigM(`node ${n.id} option ${o.id}`, thrBound(all, t)),
        }));
        capRow(`cap_${tag}_option${tt}`, all, t, terms);
      }
    }
    if (milp && n.options.length > 1) b.addLe(`one_option_${tag}`, new Terms().addAll(nb.map((i) => y[i]!)), 1);
  }
  if (milp && inst.formulation.strongLinking) {
    for (const c of arcCols) {
      const link = (n: NetNode, side: 'in' | 'out'): void => {
        if (!n.candidate) return;
        const p = c.arc.products[c.k]!;
        const o = ownerBit(n, p);
        const ys = o === null ? nodeBits[n.index]! : [o];
        const u = bigM(`arc ${nodes[c.arc.from]!.id} -> ${nodes[c.arc.to]!.id}`, arcBound.get(c.col)!);
        const e = new Terms().add(c.col);
        for (const i of ys) e.add(y[i]!, -u);
        b.addLe(`sl${side}_${tags[c.arc.from]}_${tags[c.arc.to]}_${ptags[p]}${per(c.t)}`, e, 0);
      };
      if (!nodes[c.arc.to]!.throughputIsOutflow) link(nodes[c.arc.to]!, 'in');
      if (nodes[c.arc.from]!.throughputIsOutflow) link(nodes[c.arc.from]!, 'out');
    }
  }
  // Option-level processing happens only under the open option.
  if (milp) {
    for (const [c, { node, cols }] of procCol) {
      if (c.option === null) continue;
      const bit = nodeBits[node.index]![c.option]!;
      cols.forEach((col, t) => {
        let m = 0;
        for (const a of colsOf(inCols, node.index, c.from, t)) m += arcBound.get(a)!;
        if (node.inventory?.products.includes(c.from)) m = Infinity;
        b.addLe(
          `zl_${tags[node.index]}_${lpName(node.options[c.option!]!.id)}_${ptags[c.from]}${per(t)}`,
          new Terms().add(col).add(y[bit]!, -bigM(`processing at ${node.id}`, m)),
          0,
        );
      });
    }
  }
  // Arc capacities: totals always as rows; per product as rows only when the formulation asks.
  const byArcPeriod = new Map<string, number[]>();
  for (const c of arcCols) {
    const key = `${c.arc.index}:${c.t}`;
    byArcPeriod.set(key, [...(byArcPeriod.get(key) ?? []), c.col]);
    const cap = c.arc.capacity?.perProduct.get(c.arc.products[c.k]!)?.[c.t];
    if (inst.formulation.arcCapacityRows && cap !== undefined)
      b.addLe(`acap_${b.numRows}`, new Terms().add(c.col), cap);
  }
  for (const a of arcs) {
    const total = a.capacity?.total;
    if (!total) continue;
    for (let t = 0; t < T; t++) {
      const cols = byArcPeriod.get(`${a.index}:${t}`);
      if (cols) b.addLe(`acap_${tags[a.from]}_${tags[a.to]}${per(t)}`, new Terms().addAll(cols), total[t]!);
    }
  }
  // Single sourcing: one assignment binary per arc into the node.
  for (const n of nodes) {
    if (!n.singleSource || !usable[n.index]) continue;
    const assign: number[] = [];
    const byArc = new Map<NetArc, ArcCol[]>();
    for (const c of arcCols) if (c.arc.to === n.index) byArc.set(c.arc, [...(byArc.get(c.arc) ?? []), c]);
    for (const [a, cols] of byArc) {
      const w = b.addVar(`w_${tags[a.from]}_${tags[n.index]}`, { type: 'binary' });
      assign.push(w);
      for (const c of cols) {
        const p = a.products[c.k]!;
        const d = n.demand.find((x) => x.products.includes(p));
        const cap = d ? d.bounds.upper[c.t]! : 0;
        b.addLe(`ss_${tags[a.from]}_${tags[n.index]}_${ptags[p]}${per(c.t)}`, new Terms().add(c.col).add(w, -cap), 0);
      }
    }
    if (assign.length > 0) b.addEq(`one_source_${tags[n.index]}`, new Terms().addAll(assign), 1);
  }
  // Count rules over nodes (each node counted once, whichever option).
  if (milp) {
    inst.groups.forEach((g, i) => {
      const e = new Terms();
      for (const n of g.nodes) for (const bit of nodeBits[n]!) e.add(y[bit]!);
      const lo = g.rule === 'atMost' ? -Infinity : g.count;
      const up = g.rule === 'atLeast' ? Infinity : g.count;
      b.addRow(`group_${i + 1}_${lpName(g.name)}`, e, lo, up);
    });
  }

  if (options.emissionCap !== undefined) {
    const e = new Terms();
    emission.forEach((v, col) => e.add(col, v));
    b.addLe('emission_cap', e, options.emissionCap);
  }
  const model = b.build();
  return {
    model,
    emission: Float64Array.from({ length: model.colNames.length }, (_, j) => emission[j] ?? 0),
    ...(milp ? { designColumns: y } : {}),
    decode(values) {
      const chosen = milp ? Uint8Array.from(y, (col) => (values[col]! > 0.5 ? 1 : 0)) : Uint8Array.from(design!);
      return {
        design: chosen,
        flows: decodeFlows(inst, R, values, { arcCols, inCols, outCols, stockCol, procCol, supplyCol, deliverCol }),
      };
    },
  };
}

interface Columns {
  readonly arcCols: readonly ArcCol[];
  readonly inCols: ReadonlyMap<number, number[][]>;
  readonly outCols: ReadonlyMap<number, number[][]>;
  readonly stockCol: ReadonlyMap<number, number[]>;
  readonly procCol: ReadonlyMap<NetConversion, { node: NetNode; cols: number[] }>;
  readonly supplyCol: ReadonlyMap<number, number[]>;
  readonly deliverCol: ReadonlyMap<number, number[]>;
}

function decodeFlows(inst: NetworkInstance, R: Roles, values: ArrayLike<number>, c: Columns): NetworkFlows {
  const T = inst.periods;
  const P = inst.products.length;
  const clean = (v: number): number => {
    const x = inst.integerFlows ? Math.round(v) : v;
    return Math.abs(x) < FLOW_EPS ? 0 : x;
  };
  const val = (col: number): number => clean(values[col]!);
  const sumOf = (m: ReadonlyMap<number, number[][]>, n: number, p: number, t: number): number =>
    (m.get(n * P + p)?.[t] ?? []).reduce((s, col) => s + val(col), 0);
  const id = (n: number): string => inst.nodes[n]!.id;
  const pid = (p: number): string => inst.products[p]!.id;
  const arcs: ArcFlow[] = [];
  for (const a of c.arcCols) {
    const amount = val(a.col);
    if (amount !== 0)
      arcs.push({
        from: id(a.arc.from),
        to: id(a.arc.to),
        product: pid(a.arc.products[a.k]!),
        period: a.t + 1,
        amount,
      });
  }
  const fromCols = (m: ReadonlyMap<number, number[]>): NodeAmount[] => {
    const out: NodeAmount[] = [];
    for (const [key, cols] of m)
      cols.forEach((col, t) => {
        const amount = val(col);
        if (amount !== 0) out.push({ node: id(Math.floor(key / P)), product: pid(key % P), period: t + 1, amount });
      });
    return out;
  };
  const processed: ProcessedAmount[] = [];
  const supplied = fromCols(c.supplyCol);
  const delivered = fromCols(c.deliverCol);
  for (const n of inst.nodes) {
    for (const conv of n.conversions) {
      const option = conv.option === null ? null : n.options[conv.option]!.id;
      const pc = c.procCol.get(conv);
      for (let t = 0; t < T; t++) {
        const amount = pc
          ? val(pc.cols[t]!)
          : R.inlineConversion(n, conv.from) === conv
            ? sumOf(c.inCols, n.index, conv.from, t)
            : 0;
        if (amount !== 0) processed.push({ node: n.id, option, product: pid(conv.from), period: t + 1, amount });
      }
    }
    for (let p = 0; p < P; p++) {
      for (let t = 0; t < T; t++) {
        if (R.pureSource(n, p)) {
          const amount = sumOf(c.outCols, n.index, p, t);
          if (amount !== 0) supplied.push({ node: n.id, product: pid(p), period: t + 1, amount });
        }
        if (R.pureSink(n, p)) {
          const amount = sumOf(c.inCols, n.index, p, t);
          if (amount !== 0) delivered.push({ node: n.id, product: pid(p), period: t + 1, amount });
        }
      }
    }
  }
  return { arcs, stock: fromCols(c.stockCol), processed, supplied, delivered };
}

/** Readable, LP-safe tags for ids; falls back to `<prefix><index>` when sanitising makes two equal. */
function uniqueTags(ids: readonly string[], prefix: string): string[] {
  const clean = ids.map((s) => lpName(s));
  return new Set(clean).size === clean.length ? clean : ids.map((_, i) => `${prefix}${i}`);
}

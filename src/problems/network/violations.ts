import type { Design } from '../../core/design.js';
import { openState, totals } from './aggregate.js';
import type { NetworkFlows } from './flows.js';
import type { NetworkInstance } from './instance.js';
import { countRuleViolation } from './design-space.js';

/** Absolute tolerance for a value of size `scale`. */
const tol = (scale: number): number => 1e-6 * Math.max(1, Math.abs(scale));

/**
 * Every constraint of the network that a design and its flows break, checked from the instance
 * semantics (docs/network.md) and the flows alone — independent of the model builder, so the
 * tests that run it on solver output check the builder.
 */
export function networkViolations(inst: NetworkInstance, design: Design, flows: NetworkFlows): string[] {
  const out: string[] = [];
  const T = inst.periods;
  const P = inst.products.length;
  const f = totals(inst, flows);
  out.push(...f.unknown);
  const { open, option } = openState(inst, design);
  const pid = (p: number): string => inst.products[p]!.id;
  const r = countRuleViolation(inst, design);
  if (r) out.push(r);
  const optionsOpen = new Map<number, number>();
  inst.bits.forEach(
    (b, i) => design[i] && b.option !== null && optionsOpen.set(b.node, (optionsOpen.get(b.node) ?? 0) + 1),
  );
  for (const [n, k] of optionsOpen)
    if (k > 1) out.push(`node ${inst.nodes[n]!.id}: ${k} options open, at most one allowed`);

  for (const e of [...flows.arcs, ...flows.stock, ...flows.supplied, ...flows.delivered, ...flows.processed]) {
    if (!(e.amount >= -tol(e.amount))) out.push(`negative amount ${e.amount} in ${JSON.stringify(e)}`);
    if (inst.integerFlows && Math.abs(e.amount - Math.round(e.amount)) > 1e-6)
      out.push(`integer flows: ${JSON.stringify(e)} is fractional`);
  }
  for (const a of inst.arcs) {
    const v = f.arcFlow.get(a.index);
    if (!v) continue;
    const [from, to] = [inst.nodes[a.from]!, inst.nodes[a.to]!];
    for (let t = 0; t < T; t++) {
      let total = 0;
      a.products.forEach((p, k) => {
        const x = v[k * T + t]!;
        total += x;
        if (x <= tol(0)) return;
        for (const n of [from, to])
          if (!open[n.index])
            out.push(`flow of ${pid(p)} on ${from.id} -> ${to.id} in period ${t + 1} touches closed node ${n.id}`);
        const cap = a.capacity?.perProduct.get(p)?.[t];
        if (cap !== undefined && x > cap + tol(cap))
          out.push(`arc ${from.id} -> ${to.id}: ${pid(p)} flow ${x} > capacity ${cap} in period ${t + 1}`);
      });
      const cap = a.capacity?.total?.[t];
      if (cap !== undefined && total > cap + tol(cap))
        out.push(`arc ${from.id} -> ${to.id}: flow ${total} > capacity ${cap} in period ${t + 1}`);
    }
  }

  for (const n of inst.nodes) {
    const stocked = new Set(n.inventory?.products ?? []);
    const demanded = new Set(n.demand.flatMap((d) => d.products));
    const opt = option[n.index]!;
    for (const c of n.conversions) {
      const v = f.processed.get(c);
      if (v && v.some((x) => x > tol(0)) && (!open[n.index] || (c.option !== null && c.option !== opt)))
        out.push(`node ${n.id}: processes ${pid(c.from)} under a closed node or option`);
    }
    for (let t = 0; t < T; t++) {
      let thrTotal = 0;
      for (let p = 0; p < P; p++) {
        const i = f.index(n.index, p, t);
        let produced = 0;
        let processed = 0;
        for (const c of n.conversions) {
          const v = f.processed.get(c)?.[t] ?? 0;
          if (c.from === p) processed += v;
          for (const o of c.to) if (o.product === p) produced += o.rate[t]! * v;
        }
        const prev = stocked.has(p) ? (t === 0 ? n.inventory!.initial[p]! : f.stock[f.index(n.index, p, t - 1)]!) : 0;
        const stock = f.stock[i]!;
        if (!stocked.has(p) && Math.abs(stock) > tol(0)) out.push(`node ${n.id}: stock of ${pid(p)} without inventory`);
        if (stocked.has(p) && stock > n.inventory!.max[p * T + t]! + tol(stock))
          out.push(`node ${n.id}: stock of ${pid(p)} ${stock} > max in period ${t + 1}`);
        const sup = f.supplied[i]!;
        const del = f.delivered[i]!;
        const gain = f.inflow[i]! + sup + produced + prev;
        const loss = f.outflow[i]! + processed + del + stock;
        if (Math.abs(gain - loss) > tol(Math.max(gain, loss)))
          out.push(`node ${n.id}: ${pid(p)} does not balance in period ${t + 1} (in ${gain} vs out ${loss})`);
        const s = n.supply.get(p);
        if (!s && Math.abs(sup) > tol(0)) out.push(`node ${n.id}: supplies ${pid(p)} without supply`);
        if (s && (sup < s.lower[t]! - tol(s.lower[t]!) || sup > s.upper[t]! + tol(s.upper[t]!)))
          out.push(
            `node ${n.id}: supply of ${pid(p)} ${sup} outside [${s.lower[t]}, ${s.upper[t]}] in period ${t + 1}`,
          );
        if (!demanded.has(p) && Math.abs(del) > tol(0)) out.push(`node ${n.id}: absorbs ${pid(p)} without demand`);
        const thr = n.throughputIsOutflow ? f.outflow[i]! : f.inflow[i]!;
        thrTotal += thr;
        if (thr > tol(0)) {
          if (!open[n.index]) out.push(`node ${n.id} is closed but handles ${pid(p)} in period ${t + 1}`);
          const owner =
            n.options.length > 0 && n.options[0]!.products !== null
              ? n.options.findIndex((o) => o.products!.has(p))
              : null;
          if (owner !== null && owner !== opt) out.push(`node ${n.id}: ${pid(p)} handled without its option open`);
        }
        const cap = n.capacity?.perProduct.get(p)?.[t];
        if (cap !== undefined && thr > cap + tol(cap))
          out.push(`node ${n.id}: ${pid(p)} throughput ${thr} > capacity ${cap} in period ${t + 1}`);
        const ocap = opt >= 0 ? n.options[opt]!.capacity?.perProduct.get(p)?.[t] : undefined;
        if (ocap !== undefined && thr > ocap + tol(ocap))
          out.push(`node ${n.id}: ${pid(p)} throughput ${thr} > option capacity ${ocap} in period ${t + 1}`);
      }
      const cap = n.capacity?.total?.[t];
      if (cap !== undefined && thrTotal > cap + tol(cap))
        out.push(`node ${n.id}: throughput ${thrTotal} > capacity ${cap} in period ${t + 1}`);
      if (opt >= 0) {
        const o = n.options[opt]!;
        const own =
          o.products === null
            ? thrTotal
            : [...o.products].reduce(
                (s, p) => s + (n.throughputIsOutflow ? f.outflow : f.inflow)[f.index(n.index, p, t)]!,
                0,
              );
        const oc = o.capacity?.total?.[t];
        if (oc !== undefined && own > oc + tol(oc))
          out.push(`node ${n.id}: option ${o.id} throughput ${own} > capacity ${oc} in period ${t + 1}`);
      }
      for (const d of n.demand) {
        const got = d.products.reduce((s, p) => s + f.delivered[f.index(n.index, p, t)]!, 0);
        const { lower, upper } = d.bounds;
        if (got < lower[t]! - tol(lower[t]!) || got > upper[t]! + tol(upper[t]!))
          out.push(
            `node ${n.id}: demand ${d.key} received ${got}, expected [${lower[t]}, ${upper[t]}] in period ${t + 1}`,
          );
      }
    }
    if (n.singleSource) {
      const sources = new Set(flows.arcs.filter((a) => a.to === n.id && a.amount > tol(0)).map((a) => a.from));
      if (sources.size > 1)
        out.push(`single-source: node ${n.id} receives from ${sources.size} nodes (${[...sources].join(', ')})`);
    }
  }
  return out;
}

import type { Design, DesignGroup, DesignSpace } from '../../core/design.js';
import type { NetworkInstance } from './instance.js';

/**
 * The design space of a network: one bit per candidate (or per option), labelled with the node id
 * (`node:option`). Count rules of one (one CC per cluster, one RMC) and "at most one option per
 * node" become the space's groups, which the generic repair, moves and enumeration understand; the
 * other rules (at least k, exactly 3) are checked by {@link countRuleViolation}. Groups are kept
 * disjoint: a rule overlapping an earlier group is checked only by countRuleViolation.
 */
export function networkSpace(inst: NetworkInstance): DesignSpace {
  const nodeBits = inst.nodes.map(() => [] as number[]);
  inst.bits.forEach((b, i) => nodeBits[b.node]!.push(i));
  const groups: DesignGroup[] = [];
  const used = new Set<number>();
  const tryAdd = (g: DesignGroup): void => {
    if (g.members.some((m) => used.has(m))) return;
    g.members.forEach((m) => used.add(m));
    groups.push(g);
  };
  for (const r of inst.groups) {
    if (r.count !== 1 || r.rule === 'atLeast' || r.name === 'maxOpen') continue;
    tryAdd({
      name: r.name,
      members: r.nodes.flatMap((n) => nodeBits[n]!),
      rule: r.rule === 'exactly' ? 'exactly-one' : 'at-most-one',
    });
  }
  for (const n of inst.nodes)
    if (n.options.length > 1) tryAdd({ name: `options of ${n.id}`, members: nodeBits[n.index]!, rule: 'at-most-one' });
  const maxOpen = inst.groups.find((g) => g.name === 'maxOpen')?.count;
  return {
    size: inst.bits.length,
    labels: inst.bits.map((b) => b.label),
    groups,
    ...(maxOpen !== undefined ? { maxOpen } : {}),
  };
}

/** The first broken count rule or option rule of a design, or null. */
export function countRuleViolation(inst: NetworkInstance, design: Design): string | null {
  const openNode = new Uint8Array(inst.nodes.length);
  const options = new Uint16Array(inst.nodes.length);
  inst.bits.forEach((b, i) => {
    if (!design[i]) return;
    openNode[b.node] = 1;
    if (b.option !== null) options[b.node]!++;
  });
  for (let n = 0; n < options.length; n++)
    if (options[n]! > 1) return `node ${inst.nodes[n]!.id}: ${options[n]} options open, at most one allowed`;
  for (const g of inst.groups) {
    const k = g.nodes.reduce((s, n) => s + openNode[n]!, 0);
    const ok = g.rule === 'exactly' ? k === g.count : g.rule === 'atMost' ? k <= g.count : k >= g.count;
    if (!ok)
      return `${g.name}: ${k} open, ${g.rule === 'exactly' ? 'exactly' : g.rule === 'atMost' ? 'at most' : 'at least'} ${g.count} required`;
  }
  return null;
}

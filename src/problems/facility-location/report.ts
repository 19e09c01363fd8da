import type { Design } from '../../core/design.js';
import { siteLoads, type Allocation } from './allocation.js';
import type { FacilityLocationInstance } from './instance.js';

/** Open sites with load, capacity and utilisation, as a plain-text table. */
export function flReport(inst: FacilityLocationInstance, design: Design, a: Allocation): string {
  const loads = siteLoads(inst, a);
  const customers = new Array<number>(inst.sites.length).fill(0);
  a.site.forEach((i) => customers[i]!++);
  const lines = [
    `open sites (${design.reduce((s, b) => s + b, 0)} of ${inst.sites.length}):`,
    '  site        fixed cost        load    capacity   utilisation  customers',
  ];
  inst.sites.forEach((s, i) => {
    if (!design[i]) return;
    const cap = inst.variant === 'uflp' ? '-' : fmt(s.capacity);
    const util = inst.variant === 'uflp' || s.capacity === 0 ? '-' : `${((100 * loads[i]!) / s.capacity).toFixed(1)}%`;
    lines.push(
      `  ${s.id.padEnd(8)} ${fmt(s.fixedCost).padStart(13)} ${fmt(loads[i]!).padStart(11)} ${cap.padStart(11)} ${util.padStart(13)} ${String(customers[i]).padStart(10)}`,
    );
  });
  return lines.join('\n');
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

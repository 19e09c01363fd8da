import { InputError } from '../../core/errors.js';
import { parseJsonText } from '../../io/json-fields.js';
import { FL_VARIANTS, withChanges, type FacilityLocationInstance, type FlVariant } from './instance.js';
import { parseFlJson } from './json-reader.js';
import { parseOrlib } from './orlib-reader.js';
import { facilityLocationProblem } from './problem.js';
import type { Factors, KindedInstance, LoadOptions, ScenarioHook } from '../problem-kind.js';

const GROUPS = ['demand', 'fixedCost', 'capacity', 'transportCost'] as const;

function variantOf(options: LoadOptions, file: string): FlVariant | undefined {
  if (options.variant === undefined) return undefined;
  if (!FL_VARIANTS.includes(options.variant as FlVariant))
    throw new InputError(file, 'variant', `one of ${FL_VARIANTS.join(', ')}, got ${options.variant}`);
  return options.variant as FlVariant;
}

/** The factor of item k: a shared number, or the k-th entry of a per-item array. */
function factorAt(f: number | readonly number[], k: number): number {
  return typeof f === 'number' ? f : f[k]!;
}

function checkLength(group: string, f: number | readonly number[], n: number): void {
  if (typeof f !== 'number' && f.length !== n)
    throw new Error(`${group}: ${n} per-item factors expected, got ${f.length}`);
}

/**
 * Scales a facility-location instance. OR-Library allocation costs are totals for a customer's
 * whole demand, so scaling demand also scales that customer's cost column (the unit cost stays);
 * `transportCost` scales each site-customer lane (items are lanes, site-major).
 */
export function scaleFl(inst: FacilityLocationInstance, factors: Factors): FacilityLocationInstance {
  const m = inst.sites.length;
  const n = inst.customers.length;
  let sites = inst.sites;
  let customers = inst.customers;
  const cost = Float64Array.from(inst.allocCost);
  for (const [group, f] of Object.entries(factors)) {
    if (group === 'demand') {
      checkLength(group, f, n);
      customers = customers.map((c, j) => ({ ...c, demand: c.demand * factorAt(f, j) }));
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) cost[i * n + j]! *= factorAt(f, j);
    } else if (group === 'fixedCost') {
      checkLength(group, f, m);
      sites = sites.map((s, i) => ({ ...s, fixedCost: s.fixedCost * factorAt(f, i) }));
    } else if (group === 'capacity') {
      checkLength(group, f, m);
      sites = sites.map((s, i) => ({ ...s, capacity: s.capacity * factorAt(f, i) }));
    } else if (group === 'transportCost') {
      checkLength(group, f, m * n);
      for (let k = 0; k < m * n; k++) cost[k]! *= factorAt(f, k);
    } else throw new Error(`facility-location has no parameter group ${group} (groups: ${GROUPS.join(', ')})`);
  }
  return withChanges(inst, { sites, customers, allocCost: cost });
}

interface OptimaEntry {
  capacity?: number;
  capacitated_opt?: number | null;
  uncapacitated_opt?: number | null;
  single_source_opt?: number | null;
  capacitated_opt_by_capacity?: Record<string, number>;
  single_source_opt_by_capacity?: Record<string, number>;
}

/** Published optimum for an OR-Library file from instances/orlib-cap/optima.json. */
export function flKnownOptimum(optima: unknown, file: string, options: LoadOptions): number | null {
  if (file.endsWith('.json') || typeof optima !== 'object' || optima === null) return null;
  const key = file
    .split('/')
    .pop()!
    .replace(/\.[^.]*$/, '');
  const entry = (optima as Record<string, OptimaEntry | undefined>)[key];
  if (!entry) return null;
  const variant = options.variant ?? 'cflp';
  if (variant === 'uflp') return entry.uncapacitated_opt ?? null;
  const cap = options.capacity;
  const sameCap = cap === undefined || cap === entry.capacity;
  const value =
    variant === 'cflp'
      ? sameCap
        ? entry.capacitated_opt
        : entry.capacitated_opt_by_capacity?.[String(cap)]
      : sameCap
        ? entry.single_source_opt
        : entry.single_source_opt_by_capacity?.[String(cap)];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Scenario support for facility location (CFLP, SSCFLP, UFLP). */
export const flScenarioHook: ScenarioHook = {
  groups: GROUPS,
  read(text, file, options) {
    const variant = variantOf(options, file);
    if (file.endsWith('.json')) {
      const inst = parseFlJson(parseJsonText(text, file), file, variant ? { variant } : {});
      const capacity = options.capacity;
      return capacity !== undefined ? withChanges(inst, { sites: inst.sites.map((s) => ({ ...s, capacity })) }) : inst;
    }
    return parseOrlib(text, file, {
      ...(variant ? { variant } : {}),
      ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    });
  },
  sizes(inst: KindedInstance) {
    const fl = inst as FacilityLocationInstance;
    const m = fl.sites.length;
    const n = fl.customers.length;
    return { demand: n, fixedCost: m, capacity: m, transportCost: m * n };
  },
  scale: (inst, factors) => scaleFl(inst as FacilityLocationInstance, factors),
  toProblem: (inst) => facilityLocationProblem(inst as FacilityLocationInstance),
  knownOptimum: flKnownOptimum,
};

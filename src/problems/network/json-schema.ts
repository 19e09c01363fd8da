import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import * as S from './schema.js';

/** Where the published schema lives in the repository (editors point at this file). */
export const NETWORK_SCHEMA_PATH = 'docs/network.schema.json';

/** The named parts of the schema, published as `$defs` so editors show their names and hovers. */
const DEFS: Record<string, [z.ZodType, string]> = {
  PeriodValue: [S.PeriodValue, 'A number for every period, or an array of one number per period.'],
  ProductValue: [
    S.ProductValue,
    'A period value for every product, or an object {product: period value} (a missing product gets 0; on arc unitCost it may not use the arc).',
  ],
  SupplyAmount: [
    S.SupplyAmount,
    'At most that much leaves per period (a number or {upTo}), exactly that much ({exactly}), or "unlimited".',
  ],
  DemandAmount: [
    S.DemandAmount,
    'Exactly that much arrives per period (a number or {exactly}), or bounds {atLeast, atMost}.',
  ],
  Capacity: [
    S.Capacity,
    "A number bounds the node's (or arc's) throughput summed over products; an object bounds each listed product.",
  ],
  Conversion: [
    S.Conversion,
    'Each unit of `from` processed yields to[q] units of q; cost and emission per unit of `from` processed.',
  ],
  Inventory: [
    S.Inventory,
    'Stock of the listed products at the end of each period; initial stock, holding cost per unit per period, maximum.',
  ],
  TechOption: [
    S.TechOption,
    'A technology option of a candidate node; at most one opens, with its own fixed cost, capacity, costs and conversions.',
  ],
  Node: [S.Node, 'A node. With fixedCost or options it is a candidate: it carries flow only if opened.'],
  Arc: [S.Arc, 'An arc listed explicitly; unit cost = unitCost + km x costPerKm.'],
  ArcRule: [
    S.ArcRule,
    "Arcs generated from every node of echelon `from` to every node of echelon `to` (optionally the same cluster only); km from the nodes' coordinates.",
  ],
  Group: [S.Group, 'Exactly / at most / at least `count` of the members open.'],
  Product: [S.Product, 'A product id, or {id, unit, massKg, name}.'],
  Formulation: [
    S.Formulation,
    'How the model is written where papers differ (docs/network.md, "Formulation options").',
  ],
};

/** Hover text for the document's own keys (the rest is in docs/network.md). */
const TOP: Record<string, string> = {
  problem: 'Always "network".',
  objective: '"cost" (default): minimise cost; "profit": maximise revenue (price x amount absorbed) minus cost.',
  periods: 'Number of periods (default 1); a value given as an array has one entry per period.',
  products: 'The products (ids, or objects with unit and mass).',
  productGroups: 'Named sets of products; a demand on a group bounds the sum over its members.',
  integerFlows: 'Every flow, stock and processed amount integer.',
  holding: 'Holding cost on end-of-period stock (default) or on the average of start and end stock.',
  carbonTax: 'Cost per kg CO2 emitted (transport and processing).',
  constantCost: 'A design-independent cost added to the objective once.',
  distance: 'How arc rules measure km: haversine on lat/lon or euclidean on x/y, times the circuity.',
  echelonDefaults: 'Node fields given once per echelon; a node\u2019s own value wins.',
  arcRules: 'Arcs generated between echelons.',
  groups: 'Rules on how many of a set of candidates open.',
  minOpen: 'At least this many candidates open.',
  maxOpen: 'At most this many candidates open.',
};

/**
 * Bounds the schema states as refinements (`finite.refine(v >= 0, 'a number >= 0')`) have no
 * JSON Schema form of their own; read them back from the refinement's message so an editor
 * flags a negative capacity too. Messages without a bound add nothing.
 */
function refinementBounds(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const def = (
    ctx.zodSchema as {
      _zod: { def: { type: string; checks?: { _zod: { def: { check: string; error?: () => unknown } } }[] } };
    }
  )._zod.def;
  if (def.type !== 'number') return;
  for (const check of def.checks ?? []) {
    const raw = check._zod.def.check === 'custom' ? check._zod.def.error?.() : undefined;
    const message =
      typeof raw === 'string'
        ? raw
        : typeof raw === 'object' && raw !== null && 'message' in raw
          ? String(raw.message)
          : '';
    const atLeast = /^a number >= (-?\d+(?:\.\d+)?)$/.exec(message);
    const range = /\[(-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)\]$/.exec(message);
    if (atLeast) ctx.jsonSchema.minimum = Number(atLeast[1]);
    if (range) [ctx.jsonSchema.minimum, ctx.jsonSchema.maximum] = [Number(range[1]), Number(range[2])];
  }
}

/**
 * The JSON Schema (draft 2020-12) of a network document, generated from the zod schema so types,
 * validation and editor autocompletion never disagree. `io: 'input'` describes what a file may
 * hold (ids written as numbers are accepted; the transform to strings happens after validation).
 * The reader stays the authority: it also checks what a JSON Schema cannot (ids exist, one value
 * per period).
 */
export function networkJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string; description: string }>();
  for (const [name, [schema, description]] of Object.entries(DEFS)) registry.add(schema, { id: name, description });
  const schema = z.toJSONSchema(S.NetworkDocumentSchema, {
    io: 'input',
    target: 'draft-2020-12',
    metadata: registry,
    override: (ctx) => refinementBounds(ctx as unknown as { zodSchema: unknown; jsonSchema: Record<string, unknown> }),
  }) as Record<string, unknown> & { properties: Record<string, Record<string, unknown>> };
  for (const [key, text] of Object.entries(TOP)) {
    const prop = schema.properties[key];
    if (prop) prop.description = text;
  }
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'rlnd network instance',
    description:
      'A reverse-logistics network as data (problem: network); semantics in docs/network.md. Generated from src/problems/network/schema.ts: do not edit.',
    ...rest,
  };
}

/** The schema as committed: two-space indentation and a final newline. */
export function networkJsonSchemaText(): string {
  return JSON.stringify(networkJsonSchema(), null, 2) + '\n';
}

// `node dist/problems/network/json-schema.js > docs/network.schema.json` regenerates the file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(networkJsonSchemaText());
}

/**
 * Every numeric field a scenario can change. Most name one schema key; `transportCost`
 * (`unitCost` and `costPerKm`: the whole cost per unit moved) and `emissionFactor` (every
 * emission factor: `emission` on nodes, options, conversions and arcs, and `emissionPerKm`)
 * change several at once and can only be scaled.
 */
export const NETWORK_FIELDS = [
  'supply',
  'demand',
  'capacity',
  'fixedCost',
  'price',
  'supplyCost',
  'handlingCost',
  'holdingCost',
  'conversionRate',
  'conversionCost',
  'emission',
  'emissionPerKm',
  'emissionFactor',
  'unitCost',
  'costPerKm',
  'transportCost',
  'arcCapacity',
  'carbonTax',
] as const;

/** A field a scenario can change. */
export type NetworkField = (typeof NETWORK_FIELDS)[number];

/** Where a field lives: on nodes (and their options and conversions), on arcs, on the document. */
export const FIELD_PLACES: Readonly<
  Record<NetworkField, { node: boolean; arc: boolean; doc: boolean; perProduct: boolean; scaleOnly: boolean }>
> = {
  supply: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  demand: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  capacity: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  fixedCost: { node: true, arc: false, doc: false, perProduct: false, scaleOnly: false },
  price: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  supplyCost: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  handlingCost: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  holdingCost: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  conversionRate: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  conversionCost: { node: true, arc: false, doc: false, perProduct: true, scaleOnly: false },
  emission: { node: true, arc: true, doc: false, perProduct: true, scaleOnly: false },
  emissionPerKm: { node: false, arc: true, doc: false, perProduct: true, scaleOnly: false },
  emissionFactor: { node: true, arc: true, doc: false, perProduct: true, scaleOnly: true },
  unitCost: { node: false, arc: true, doc: false, perProduct: true, scaleOnly: false },
  costPerKm: { node: false, arc: true, doc: false, perProduct: true, scaleOnly: false },
  transportCost: { node: false, arc: true, doc: false, perProduct: true, scaleOnly: true },
  arcCapacity: { node: false, arc: true, doc: false, perProduct: true, scaleOnly: false },
  carbonTax: { node: false, arc: false, doc: true, perProduct: false, scaleOnly: false },
};

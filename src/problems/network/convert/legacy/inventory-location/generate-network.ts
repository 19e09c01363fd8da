import { ilToNetwork } from '../../from-inventory-location.js';
import type { NetworkDocument } from '../../../schema.js';
import { generateIlJson } from './generator.js';
import { parseIlJson } from './json-reader.js';
import type { IlSizes } from './shape.js';

/**
 * A seeded random Phan et al. inventory-location network (`rlnd generate inventory-location`):
 * the paper's parameters drawn by {@link generateIlJson}, written as a network by the converter, so
 * a generated file and the bundled instances/network/inventory-location-paper-shape.json (seed
 * 2025) are read the same way. The generator's rules stay in the provenance block.
 */
export function generateIlNetwork(sizes: IlSizes, seed: number, name?: string): NetworkDocument {
  const data = generateIlJson(sizes, seed, name);
  return ilToNetwork(parseIlJson(data, `${String(data.name)}.json`), { provenance: data.provenance });
}

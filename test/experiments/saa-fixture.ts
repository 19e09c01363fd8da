import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stochasticFacilityLocation } from '../../src/problems/network/stochastic/generate.js';

/** A 5 x 12 facility-location network (unmet demand at 150) without scenarios, written to `dir`. */
export function writeSaaNetwork(dir: string): string {
  const { scenarios: _s, ...doc } = stochasticFacilityLocation({
    sites: 5,
    customers: 12,
    scenarios: 1,
    seed: 4,
    penalty: 150,
  });
  const file = join(dir, 'fl-5x12.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** The SAA block's parameters as YAML: one shared demand factor, and one factor per customer on top. */
export const SAA_PARAMETERS_YAML = `
      parameters:
        demand@customer: {distribution: uniform, low: 0.6, high: 1.4}
        demand@node:C1: {distribution: triangular, low: 0.8, mode: 1, high: 1.3, per: node}`;

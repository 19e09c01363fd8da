import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../../../src/core/errors.js';
import { parseJavaJson } from '../../../../../../src/problems/network/convert/legacy/java-recycling/json-reader.js';
import { ROOT } from '../../../../../helpers/fixtures.js';

const path = `${ROOT}instances/java-recycling/java-option2.json`;
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

describe('old java-recycling JSON reader (what rlnd convert reads)', () => {
  it("reads the bundled file: 8 centres, candidates RF2 and RF3 (RF2 at Jakarta's coordinates), 4 periods", () => {
    const inst = parseJavaJson(raw(), path);
    expect(inst.centres).toHaveLength(8);
    expect(inst.facilities.map((f) => f.id)).toEqual(['RF2', 'RF3']);
    expect(inst.facilities[0]).toMatchObject({
      lat: inst.centres[0]!.lat,
      lon: inst.centres[0]!.lon,
      capacity: [365_000, 365_000, 365_000, 365_000],
    });
    expect(inst.periods).toBe(4);
  });

  it('names the file, field and expectation on bad input', () => {
    const bad =
      (edit: (d: Record<string, unknown>) => void): (() => unknown) =>
      () => {
        const d = raw();
        edit(d);
        return parseJavaJson(d, 'x.json');
      };
    const centres = (d: Record<string, unknown>) => d.collectionCentres as Record<string, unknown>[];
    expect(bad((d) => (centres(d)[0]!.supply = [1, 2, 3]))).toThrow(
      /x\.json: collectionCentres\[0\]\.supply: 4 values/,
    );
    expect(bad((d) => ((d.manufacturers as Record<string, unknown>[])[0]!.demand = { Li: [1, 1, 1, 1] }))).toThrow(
      /demand\.Li: a metal id/,
    );
    expect(bad((d) => ((d.fixedCost as Record<string, unknown>).basis = 'yearly'))).toThrow(
      /fixedCost\.basis: one of network-period/,
    );
    expect(bad((d) => ((d.facilities as Record<string, unknown>[])[0] = { id: 'RF9', city: 'Atlantis' }))).toThrow(
      /facilities\[0\]\.city/,
    );
    expect(bad((d) => ((d.metals as Record<string, unknown>[])[0]!.conversion = 0.6))).toThrow(/mass cannot grow/);
    expect(bad((d) => (centres(d)[1]!.id = 'Jakarta'))).toThrow(InputError);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designFrom } from '../../../src/core/design.js';
import { InputError } from '../../../src/core/errors.js';
import { loadProblem } from '../../../src/io/load-problem.js';
import { scaleDemand, withChanges } from '../../../src/problems/java-recycling/instance.js';
import { parseJavaJson } from '../../../src/problems/java-recycling/json-reader.js';
import { loadDistance } from '../../../src/problems/java-recycling/load-distance.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const path = `${ROOT}instances/java-recycling/java-option2.json`;
const raw = (): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

describe('java-recycling JSON reader', () => {
  it('loads through the problem registry and solves from the file', async () => {
    const problem = await loadProblem(path);
    expect(problem.kind).toBe('java-recycling');
    expect(problem.space.labels).toEqual(['RF2', 'RF3']);
  });

  it('names the file, field and expectation on bad input', () => {
    const bad = (edit: (d: Record<string, unknown>) => void): (() => unknown) => () => {
      const d = raw();
      edit(d);
      return parseJavaJson(d, 'x.json');
    };
    const centres = (d: Record<string, unknown>) => d.collectionCentres as Record<string, unknown>[];
    expect(bad((d) => (centres(d)[0]!.supply = [1, 2, 3]))).toThrow(/x\.json: collectionCentres\[0\]\.supply: 4 values/);
    expect(bad((d) => ((d.manufacturers as Record<string, unknown>[])[0]!.demand = { Li: [1, 1, 1, 1] }))).toThrow(/demand\.Li: a metal id/);
    expect(bad((d) => ((d.fixedCost as Record<string, unknown>).basis = 'yearly'))).toThrow(/fixedCost\.basis: one of network-period/);
    expect(bad((d) => ((d.facilities as Record<string, unknown>[])[0] = { id: 'RF9', city: 'Atlantis' }))).toThrow(/facilities\[0\]\.city/);
    expect(bad((d) => ((d.metals as Record<string, unknown>[])[0]!.conversion = 0.6))).toThrow(/mass cannot grow/);
    expect(bad((d) => (centres(d)[1]!.id = 'Jakarta'))).toThrow(InputError);
  });

  it('withChanges and scaleDemand make new instances and leave the original untouched', () => {
    const inst = parseJavaJson(raw(), path);
    const more = scaleDemand(inst, 1.2);
    expect(more.manufacturers[0]!.demand[0]![3]).toBeCloseTo(103_300 * 1.2, 6);
    expect(inst.manufacturers[0]!.demand[0]![3]).toBe(103_300);
    const far = withChanges(inst, { circuity: 2 });
    expect(far.dCR[0]![1]).toBeCloseTo(2 * inst.dCR[0]![1]!, 9);
    expect(() => withChanges(inst, { periods: 3 })).toThrow(InputError);
  });

  it('a single facility cannot serve the period-4 demand: evaluate says why', async () => {
    const problem = await loadProblem(path);
    const ev = await problem.evaluate(await testHandle(), designFrom(2, [0]));
    expect(ev.feasible).toBe(false);
    expect(ev.reason).toMatch(/supply and open capacity/);
    expect(problem.quickInfeasibility(designFrom(2, []))).toMatch(/no recycling facility/);
  });
});

describe('load-distance method', () => {
  const inst = parseJavaJson(raw(), path);
  const best = (rows: ReturnType<typeof loadDistance>, area: string) => rows.find((r) => r.area === area && r.rank === 1)!.candidate;

  it('scores Σ load x distance and picks Jakarta island-wide, Jakarta in the West and Surabaya in the East (paper Tables 3-4)', () => {
    const whole = loadDistance(inst, false);
    const jakarta = whole.find((r) => r.candidate === 'Jakarta')!;
    const byHand = inst.centres.reduce((s, c, j) => s + c.supply.reduce((a, v) => a + v, 0) * inst.dCR[j]![0]!, 0);
    expect(jakarta.loadDistance).toBeCloseTo(byHand, 3); // facility 0 (RF2) sits in Jakarta
    expect(best(whole, 'all')).toBe('Jakarta');
    const split = loadDistance(inst, true);
    expect(best(split, 'West')).toBe('Jakarta');
    expect(best(split, 'East')).toBe('Surabaya');
    const east = split.filter((r) => r.area === 'East').sort((a, b) => a.rank - b.rank);
    expect(east.map((r) => r.candidate)).toEqual(['Surabaya', 'Semarang', 'Yogyakarta']);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { km } from '../../../src/problems/java-recycling/instance.js';
import { parseJavaJson } from '../../../src/problems/java-recycling/json-reader.js';
import { ROOT } from '../../helpers/fixtures.js';

/** Table 5 allocations (RF columns summed) and Table 4 Area-1 load-distance values, as printed. */
const TABLE5: Record<string, number[]> = {
  Jakarta: [18_449, 80_514, 182_870, 258_480], Bekasi: [5_230, 22_856, 51_950, 59_165], Bandung: [0, 0, 0, 17_908],
  Surabaya: [4_115, 17_998, 40_854, 57_737], Tangerang: [3_371, 14_759, 33_501, 47_358], Bogor: [264, 1_174, 2_381, 0],
  Semarang: [1_699, 7_380, 16_750, 23_652], Yogyakarta: [372, 1_619, 3_690, 5_203],
};
const TABLE4_WEST: Record<string, number> = {
  Jakarta: 7_078_178_477.85, Bekasi: 10_696_528_515.84, Bandung: 25_048_240_500.06, Tangerang: 10_695_851_766.62, Bogor: 14_402_619_183.36,
};

/** Solves a small dense system by Gaussian elimination with partial pivoting. */
function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const p = m.slice(c).reduce((best, row, k) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + k : best), c);
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) x[r] = (m[r]![n]! - m[r]!.slice(r + 1, n).reduce((s, v, k) => s + v * x[r + 1 + k]!, 0)) / m[r]![r]!;
  return x;
}

describe('reconstructed supply of java-option2.json follows its provenance block', () => {
  const path = `${ROOT}instances/java-recycling/java-option2.json`;
  const inst = parseJavaJson(JSON.parse(readFileSync(path, 'utf8')), path);
  const supply = (id: string): readonly number[] => inst.centres.find((c) => c.id === id)!.supply;

  it('every supply is at least its Table 5 allocation; fully used cities equal it', () => {
    for (const [id, alloc] of Object.entries(TABLE5)) alloc.forEach((v, t) => expect(supply(id)[t]).toBeGreaterThanOrEqual(v));
    for (const id of ['Jakarta', 'Tangerang', 'Surabaya', 'Semarang', 'Yogyakarta']) expect(supply(id)).toEqual(TABLE5[id]);
    const share = [0, 1, 2].reduce((s, t) => s + TABLE5.Bekasi![t]! / TABLE5.Jakarta![t]!, 0) / 3;
    expect(supply('Bekasi')[3]).toBe(Math.round(share * TABLE5.Jakarta![3]!));
  });

  it('Bogor and Bandung supply = their Table 4 load share (haversine back-solution) x Jakarta allocation', () => {
    const ids = Object.keys(TABLE4_WEST);
    const at = ids.map((id) => inst.centres.find((c) => c.id === id)!);
    const d = at.map((i) => at.map((j) => km('haversine', 1, i, j)));
    const load = solveLinear(d, ids.map((id) => TABLE4_WEST[id]!));
    expect(load.every((v) => v > 0)).toBe(true);
    for (const id of ['Bogor', 'Bandung']) {
      const share = load[ids.indexOf(id)]! / load[0]!;
      TABLE5.Jakarta!.forEach((j, t) => expect(supply(id)[t]).toBe(Math.round(share * j)));
    }
  });
});

import fc from 'fast-check';
import {
  clusterDistances,
  makeJakartaInstance,
  type JakartaInstance,
} from '../../../src/problems/network/convert/legacy/jakarta/instance.js';

const int = (min: number, max: number) => fc.integer({ min, max });
const ints = (n: number, min: number, max: number) => fc.array(int(min, max), { minLength: n, maxLength: n });
const pt = fc.record({ lat: int(0, 20), lon: int(0, 20) });
const pts = (n: number) => fc.array(pt, { minLength: n, maxLength: n });
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number =>
  Math.hypot(a.lat - b.lat, a.lon - b.lon);

/**
 * Random small Jakarta-style instances: 1-2 clusters with 1-3 CC candidates and 0-3 dealers each,
 * 1-3 RMCs, 1-2 WDCs, 1-2 battery types, integer coordinates (planar km) and integer rates, quality
 * shares from random integer weights. At most 3 x 3 x 3 x 2 = 54 designs, so enumeration is cheap.
 */
export function arbJakarta(): fc.Arbitrary<JakartaInstance> {
  return fc
    .record({ K: int(1, 2), nT: int(1, 2), nR: int(1, 3), nW: int(1, 2), ccPer: ints(2, 1, 3), dPer: ints(2, 0, 3) })
    .chain((s) => {
      const nCc = s.ccPer.slice(0, s.K).reduce((a, b) => a + b, 0);
      const nD = s.dPer.slice(0, s.K).reduce((a, b) => a + b, 0);
      const perType = () => ints(s.nT, 0, 9);
      return fc.record({
        s: fc.constant(s),
        ccPts: pts(nCc),
        rPts: pts(s.nR),
        wPts: pts(s.nW),
        dPts: pts(nD),
        packs: fc.array(ints(s.nT, 0, 6), { minLength: nD, maxLength: nD }),
        fixed: ints(nCc + s.nR + s.nW, 0, 200),
        cells: ints(s.nT, 1, 5),
        mass: ints(s.nT, 1, 30),
        shares: fc.array(
          fc.array(
            ints(3, 0, 9).filter((w) => w.some((v) => v > 0)),
            { minLength: s.nT, maxLength: s.nT },
          ),
          { minLength: s.K, maxLength: s.K },
        ),
        waste: int(0, 5),
        tax: int(0, 3),
        acq: fc.array(ints(3, 0, 9), { minLength: s.nT, maxLength: s.nT }),
        proc: fc.array(perType(), { minLength: 8, maxLength: 8 }),
        trans: fc.array(perType(), { minLength: 6, maxLength: 6 }),
      });
    })
    .map((r) => {
      const { s } = r;
      const clusterOfCc = s.ccPer.slice(0, s.K).flatMap((n, k) => new Array<number>(n).fill(k));
      const clusterOfDealer = s.dPer.slice(0, s.K).flatMap((n, k) => new Array<number>(n).fill(k));
      const ccs = r.ccPts.map((p, i) => ({ id: `C${i + 1}`, cluster: clusterOfCc[i]!, fixedCost: r.fixed[i]!, ...p }));
      const rmcs = r.rPts.map((p, j) => ({ id: `R${j + 1}`, fixedCost: r.fixed[ccs.length + j]!, ...p }));
      const wdcs = r.wPts.map((p, w) => ({ id: `W${w + 1}`, fixedCost: r.fixed[ccs.length + rmcs.length + w]!, ...p }));
      const dealers = r.dPts.map((p, d) => ({
        id: `D${d + 1}`,
        cluster: clusterOfDealer[d]!,
        packs: r.packs[d]!,
        ...p,
      }));
      const per = (xs: number[], scale = 1) => xs.map((v) => v * scale);
      return makeJakartaInstance({
        name: 'random',
        source: 'fast-check',
        clusters: Array.from({ length: s.K }, (_, k) => ({ id: String(k + 1) })),
        dealers,
        ccs,
        rmcs,
        wdcs,
        types: r.cells.map((c, b) => ({ id: `T${b + 1}`, cellsPerPack: c, cellMassKg: r.mass[b]! / 10 })),
        alpha: r.shares.map((perT) => perT.map((w) => w.map((v) => v / w.reduce((a, c) => a + c, 0)))),
        wasteRatio: r.waste / 10,
        carbonTax: r.tax,
        acquisition: r.acq,
        processingCost: {
          ccPerPack: r.proc[0]!,
          rmcL1PerCell: r.proc[1]!,
          rmcL2PerCell: r.proc[2]!,
          wdcL3PerCell: r.proc[3]!,
        },
        processingEmission: {
          ccPerPack: r.proc[4]!,
          rmcL1PerCell: r.proc[5]!,
          rmcL2PerCell: r.proc[6]!,
          wdcL3PerCell: r.proc[7]!,
        },
        transportCost: { perPackKm: r.trans[0]!, perCellKm: per(r.trans[1]!, 0.1), wastePerKgKm: r.trans[2]! },
        transportEmission: { perPackKm: r.trans[3]!, perCellKm: per(r.trans[4]!, 0.1), wastePerKgKm: r.trans[5]! },
        distances: {
          dealerCc: clusterDistances(s.K, dealers, ccs, km),
          ccRmc: Float64Array.from(ccs.flatMap((c) => rmcs.map((x) => km(c, x)))),
          ccWdc: Float64Array.from(ccs.flatMap((c) => wdcs.map((x) => km(c, x)))),
          rmcWdc: Float64Array.from(rmcs.flatMap((x) => wdcs.map((w) => km(x, w)))),
        },
      });
    });
}

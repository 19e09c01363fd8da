import { pathToFileURL } from 'node:url';
import seedrandom from 'seedrandom';
import { mean } from '../../../../core/numeric.js';
import { haversineKm } from '../../../../io/geo.js';
import { PAPER } from './paper-data.js';
import { largestRemainder } from './rounding.js';
import { formatInstanceJson } from '../../../../io/instance-json.js';

/**
 * Assumptions of the reconstruction. Each is a stated guess, not a fit: none is chosen to make the
 * model pick the paper's sites. With uniform fixed and processing costs per facility type (the
 * paper: "the processing cost is uniform"), the site choice depends only on distances, the pack
 * mass overhead and the waste transport premium; the levels below only scale the cost parts.
 */
export const ASSUMPTIONS = {
  seed: 1,
  /** Road km = circuity x great-circle km (a common urban road-network factor, 1.2-1.4). */
  circuity: 1.3,
  /** Dealer scatter: sigma_k = this x distance from centroid k to the nearest other centroid. */
  sigmaFraction: 0.3,
  /** Relative dealer size: uniform in [lo, hi]; a dealer's packs of each type follow its size. */
  dealerSize: [0.5, 1.5] as const,
  /** Pack mass = cell mass x this (casing, modules, BMS: cells ~80 % of pack mass). */
  packMassFactor: 1.25,
  /** Hazardous solid waste costs this many times the goods rate per kg-km; emissions do not differ. */
  wastePremium: 2,
  /** Acquisition value per kg of cells by quality (L1 reusable, L2 recyclable, L3 scrap). */
  acquisitionWeights: { L1: 1, L2: 0.5, L3: 0.1 },
  /** Processing cost and emission per kg of cells: CC disassembly, RMC L1 reman, RMC L2 recycling, WDC L3 disposal. */
  processingWeights: { cc: 1, rmcL1: 2, rmcL2: 4, wdcL3: 1.5 },
  /** Relative facility sizes (floor area) CC : RMC : WDC, which scale the annual fixed cost. */
  fixedCostRatio: { cc: 1, rmc: 6, wdc: 4 },
  /** Indonesian carbon tax, Law 7/2021 (UU HPP) art. 13: at least IDR 30 per kg CO2e. */
  carbonTaxPerKg: 30,
} as const;

type TypeId = 'LFP' | 'NiMH';
const TYPES: readonly TypeId[] = ['LFP', 'NiMH'];
const KM_PER_DEG = 111.32;

/** Six significant digits: enough for the model, short in the file. */
const sig = (v: number): number => Number(v.toPrecision(6));
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number =>
  ASSUMPTIONS.circuity * haversineKm(a.lon, a.lat, b.lon, b.lat);

interface Dealer {
  id: string;
  cluster: string;
  lat: number;
  lon: number;
  packs: Record<TypeId, number>;
}

/** Dealers placed around the published centroids (mean exactly the centroid), volumes split by size. */
function makeDealers(rng: () => number): Dealer[] {
  const cents = PAPER.centroids;
  const clusterTotal = cents.map((c) => PAPER.packs[c.id]!.LFP + PAPER.packs[c.id]!.NiMH);
  const counts = largestRemainder(PAPER.dealers, clusterTotal);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const out: Dealer[] = [];
  cents.forEach((c, k) => {
    const nearest = Math.min(...cents.filter((o) => o !== c).map((o) => haversineKm(c.lon, c.lat, o.lon, o.lat)));
    const sigma = ASSUMPTIONS.sigmaFraction * nearest;
    const raw = Array.from({ length: counts[k]! }, () => ({ dy: sigma * gauss(), dx: sigma * gauss() }));
    const my = mean(raw.map((p) => p.dy)) ?? NaN;
    const mx = mean(raw.map((p) => p.dx)) ?? NaN;
    const size = raw.map(
      () => ASSUMPTIONS.dealerSize[0] + (ASSUMPTIONS.dealerSize[1] - ASSUMPTIONS.dealerSize[0]) * rng(),
    );
    const split = TYPES.map((t) => largestRemainder(PAPER.packs[c.id]![t], size));
    raw.forEach((p, n) => {
      out.push({
        id: `D${String(out.length + 1).padStart(3, '0')}`,
        cluster: c.id,
        lat: round6(c.lat + (p.dy - my) / KM_PER_DEG),
        lon: round6(c.lon + (p.dx - mx) / (KM_PER_DEG * Math.cos((c.lat * Math.PI) / 180))),
        packs: { LFP: split[0]![n]!, NiMH: split[1]![n]! },
      });
    });
  });
  return out;
}

/**
 * The reconstructed Jakarta instance as plain JSON (what instances/jakarta-rln/jakarta.json holds).
 * Published inputs come from {@link PAPER}; everything else from {@link ASSUMPTIONS} and the seed.
 */
export function generateJakartaInstance(seed: number = ASSUMPTIONS.seed): Record<string, unknown> {
  const A = ASSUMPTIONS;
  const rng = seedrandom(String(seed));
  const dealers = makeDealers(rng);
  const type = (t: TypeId) => PAPER.types.find((x) => x.id === t)!;
  const cellKg = (t: TypeId): number => type(t).cellMassKg;
  const packCellKg = (t: TypeId): number => type(t).cellsPerPack * cellKg(t);
  const alpha = PAPER.shares;
  const totalPacks = (t: TypeId): number => Object.values(PAPER.packs).reduce((s, p) => s + p[t], 0);
  const massKg = (t: TypeId): number => totalPacks(t) * packCellKg(t);

  // Acquisition: C_ac[b][u] = kA x weight_u x cell kg per pack; kA sets Table 8's total at the published volumes.
  const wA = A.acquisitionWeights;
  const kA =
    PAPER.table8.acquisition /
    TYPES.reduce((s, t) => s + massKg(t) * (alpha.L1 * wA.L1 + alpha.L2 * wA.L2 + alpha.L3 * wA.L3), 0);
  // Processing cost and emission: per kg of cells by step; one level each, from Table 8 and section 4.1.
  const wP = A.processingWeights;
  const perKgAll = TYPES.reduce(
    (s, t) => s + massKg(t) * (wP.cc + alpha.L1 * wP.rmcL1 + alpha.L2 * wP.rmcL2 + alpha.L3 * wP.wdcL3),
    0,
  );
  const kP = PAPER.table8.processing / perKgAll;
  const kE = (PAPER.processingEmissionShare * PAPER.emissionsKg) / perKgAll;
  const processing = (k: number) => ({
    ccPerPack: Object.fromEntries(TYPES.map((t) => [t, sig(k * wP.cc * packCellKg(t))])),
    rmcL1PerCell: Object.fromEntries(TYPES.map((t) => [t, sig(k * wP.rmcL1 * cellKg(t))])),
    rmcL2PerCell: Object.fromEntries(TYPES.map((t) => [t, sig(k * wP.rmcL2 * cellKg(t))])),
    wdcL3PerCell: Object.fromEntries(TYPES.map((t) => [t, sig(k * wP.wdcL3 * cellKg(t))])),
  });

  // Transport: one rate per kg-km, level set so that the *average* over all candidate networks (every
  // group's choice uniform at random) costs Table 8's transport: a level that uses no site choice.
  const ccs = PAPER.ccCandidates;
  const ref = { goods: 0, waste: 0 };
  for (const d of dealers) {
    const avg = mean(ccs.filter((c) => c.cluster === d.cluster).map((c) => km(d, c))) ?? NaN;
    for (const t of TYPES) ref.goods += d.packs[t] * A.packMassFactor * packCellKg(t) * avg;
  }
  for (const cl of PAPER.centroids) {
    const mine = ccs.filter((c) => c.cluster === cl.id);
    const toRmc = mean(mine.flatMap((c) => PAPER.rmcCandidates.map((r) => km(c, r)))) ?? NaN;
    const toWdc = mean(mine.flatMap((c) => PAPER.wdcCandidates.map((w) => km(c, w)))) ?? NaN;
    for (const t of TYPES)
      ref.goods += PAPER.packs[cl.id]![t] * packCellKg(t) * ((alpha.L1 + alpha.L2) * toRmc + alpha.L3 * toWdc);
  }
  const rmcWdc = mean(PAPER.rmcCandidates.flatMap((r) => PAPER.wdcCandidates.map((w) => km(r, w)))) ?? NaN;
  for (const t of TYPES) ref.waste += PAPER.wasteRatio * (alpha.L1 + alpha.L2) * massKg(t) * rmcWdc;
  const rT = PAPER.table8.transport / (ref.goods + A.wastePremium * ref.waste);
  const eT = ((1 - PAPER.processingEmissionShare) * PAPER.emissionsKg) / (ref.goods + ref.waste);
  const transport = (rate: number, premium: number) => ({
    perPackKm: Object.fromEntries(TYPES.map((t) => [t, sig(rate * A.packMassFactor * packCellKg(t))])),
    perCellKm: Object.fromEntries(TYPES.map((t) => [t, sig(rate * cellKg(t))])),
    wastePerKgKm: Object.fromEntries(TYPES.map((t) => [t, sig(rate * premium)])),
  });

  // Fixed: one annual cost per facility type (no per-site rent data); level from Table 8 for 5 CC + RMC + WDC.
  const fr = A.fixedCostRatio;
  const fUnit = PAPER.table8.fixed / (PAPER.centroids.length * fr.cc + fr.rmc + fr.wdc);
  const fixed = { cc: Math.round(fUnit * fr.cc), rmc: Math.round(fUnit * fr.rmc), wdc: Math.round(fUnit * fr.wdc) };

  return {
    problem: 'jakarta-rln',
    name: 'jakarta',
    provenance: provenance(seed, { kA, kP, kE, rT, eT, fUnit }),
    batteryTypes: PAPER.types,
    qualityShares: Object.fromEntries(TYPES.map((t) => [t, alpha])),
    wasteRatio: PAPER.wasteRatio,
    carbonTaxPerKg: A.carbonTaxPerKg,
    distance: { metric: 'haversine', circuity: A.circuity },
    clusters: PAPER.centroids.map((c) => ({ id: c.id, centroid: { lat: c.lat, lon: c.lon } })),
    ccCandidates: ccs.map((c) => ({ ...c, fixedCost: fixed.cc })),
    rmcCandidates: PAPER.rmcCandidates.map((r) => ({ ...r, fixedCost: fixed.rmc })),
    wdcCandidates: PAPER.wdcCandidates.map((w) => ({ ...w, fixedCost: fixed.wdc })),
    costs: {
      acquisitionPerPack: Object.fromEntries(
        TYPES.map((t) => [
          t,
          {
            L1: sig(kA * wA.L1 * packCellKg(t)),
            L2: sig(kA * wA.L2 * packCellKg(t)),
            L3: sig(kA * wA.L3 * packCellKg(t)),
          },
        ]),
      ),
      processing: processing(kP),
      transport: transport(rT, A.wastePremium),
    },
    emissions: { processing: processing(kE), transport: transport(eT, 1) },
    dealers,
  };
}

function provenance(seed: number, level: Record<string, number>): Record<string, unknown> {
  const A = ASSUMPTIONS;
  return {
    source: 'Bafadal, Ardi, Salsabila (2025), World Electr. Veh. J. 16(8), 476, doi:10.3390/wevj16080476',
    generator: `src/problems/jakarta-rln/generate-instance.ts, seed ${seed} (npm run build && node dist/problems/jakarta-rln/generate-instance.js > instances/jakarta-rln/jakarta.json)`,
    published: [
      'clusters[].centroid: section 2.2; ccCandidates: Table 2; rmcCandidates, wdcCandidates: Table 3 (coordinates).',
      'packs per cluster and type: Table 10 individual cells / S_b (exact integers); 254 dealers: section 2.2.',
      'batteryTypes: S_b 172 (LFP, BYD Seal) and 205 (NiMH, Innova Zenix), section 2.5; cell mass 2.63 kg and 0.195 kg from Table 11 waste = 0.2 x omega_b x (L1+L2 cells).',
      'qualityShares L1 0.154, L2 0.613, L3 0.233 for every cluster and type (section 3); wasteRatio 0.2 (section 2.3).',
      `carbonTaxPerKg ${A.carbonTaxPerKg}: Indonesian Law 7/2021 (UU HPP) minimum rate; Table 8 carbon tax / total emissions = 633,394,603 / 21,113,153.46 = 30.00.`,
    ],
    reconstructed: {
      dealers: `Not published. Dealers per cluster: 254 split in proportion to the cluster's packs (largest remainder). Positions: isotropic normal around the published centroid with sigma_k = ${A.sigmaFraction} x km to the nearest other centroid, then shifted so the dealers' mean is exactly the centroid (as K-means centroids are). Volumes: each dealer draws a size uniform in [${A.dealerSize.join(', ')}]; the cluster's LFP and NiMH packs are split in proportion to size (largest remainder, integers).`,
      distances: `Not published (the paper used Google Maps road routes). Road km = ${A.circuity} x haversine km.`,
      levels:
        'Unit rates are not published. Each is a stated per-kg structure (below) times one level; the level reproduces a published aggregate at the published volumes, never the published site choice. Acquisition, processing and fixed totals do not depend on the sites chosen (uniform rates, always 5 CC + 1 RMC + 1 WDC), so they equal Table 8 by construction, up to rounding of the rates to 6 significant digits.',
      acquisitionPerPack: `C_ac[b][u] = ${level.kA!.toFixed(4)} IDR/kg x weight_u x (S_b x omega_b) kg of cells per pack; weights ${JSON.stringify(A.acquisitionWeights)}; the level gives Table 8's acquisition (119,427,999,565 IDR). Read per pack, as objective (6) charges Q_i^k,b (packs); section 2.5 speaks of cost per cell.`,
      processing: `cost per kg of cells ${level.kP!.toFixed(4)} IDR x step weight ${JSON.stringify(A.processingWeights)}: ccPerPack = weight x S_b x omega_b, the others per cell = weight x omega_b; the level gives Table 8's processing (700,851,103,697 IDR). Uniform over sites, as the paper states.`,
      processingEmissions: `same per-kg structure, ${level.kE!.toFixed(6)} kg CO2 per weighted kg; the level gives ${PAPER.processingEmissionShare * 100} % of the 21,113,153.46 kg CO2 total (section 4.1).`,
      transport: `one goods rate ${level.rT!.toFixed(4)} IDR per kg-km (section 2.5: cost per unit derived from weight and a cost per kg-km): perPackKm = rate x ${A.packMassFactor} x S_b x omega_b (pack mass = ${A.packMassFactor} x cell mass), perCellKm = rate x omega_b; hazardous waste ${A.wastePremium} x rate per kg-km. The level makes the mean over all 4^5 x 4 x 2 candidate networks (reference: each group's site uniform at random) cost Table 8's transport (362,259,225,112 IDR), so the optimum's transport is a model output, below that mean.`,
      transportEmissions: `one factor ${level.eT!.toFixed(8)} kg CO2 per kg-km for packs (x ${A.packMassFactor} mass), cells and waste alike; the level gives ${((1 - PAPER.processingEmissionShare) * 100).toFixed(1)} % of 21,113,153.46 kg CO2 on the same reference mean network.`,
      fixedCost: `No per-site rent data: one annual cost per facility type, in the ratio CC:RMC:WDC = ${A.fixedCostRatio.cc}:${A.fixedCostRatio.rmc}:${A.fixedCostRatio.wdc} (floor area), the level ${Math.round(level.fUnit!)} IDR per ratio unit gives Table 8's fixed cost for 5 CC + 1 RMC + 1 WDC (53,263,277,199 IDR). Uniform fixed costs make site choice depend on distances only.`,
    },
  };
}

export { formatInstanceJson } from '../../../../io/instance-json.js';

// Run as a script: print the instance JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(formatInstanceJson(generateJakartaInstance(Number(process.argv[2] ?? ASSUMPTIONS.seed))));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../src/problems/network/compile.js';
import type { NetworkInstance } from '../../src/problems/network/instance.js';
import { objectiveNetworkProblem, withCarbonTax } from '../../src/problems/network/objectives.js';
import { networkProblem } from '../../src/problems/network/problem.js';
import { parseNetworkDocument } from '../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../src/problems/network/schema.js';
import { dominates } from '../../src/pareto/front.js';
import { paretoFront, type ParetoFront } from '../../src/pareto/epsilon-constraint.js';
import { hullBound } from '../../src/pareto/hull-bound.js';
import { localScalarRunner } from '../../src/pareto/scalar.js';
import { solve } from '../../src/solve.js';
import { testHandle } from '../helpers/fixtures.js';
import { arbNetwork } from '../problems/network/random-network.js';

/** The random networks of the network tests with emission factors on every arc (mostly against cost) and middle node. */
const arbEmissionNetwork = (): fc.Arbitrary<NetworkDocumentInput> =>
  fc
    .tuple(arbNetwork(), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }))
    .map(([doc, kg]) => {
      let i = 0;
      const next = (): number => kg[i++ % kg.length]!;
      return {
        ...doc,
        // Emissions mostly against cost (cheap lanes dirty), so fronts have several points.
        arcs: doc.arcs!.map((a) => {
          const c = typeof a.unitCost === 'number' ? a.unitCost : (Object.values(a.unitCost ?? {})[0] ?? 0);
          return { ...a, emission: Math.round((31 - (typeof c === 'number' ? c : 0)) / 3) };
        }),
        nodes: doc.nodes!.map((n) => (n.echelon === 'mid' ? { ...n, emission: next() } : n)),
      };
    });

const compile = (doc: NetworkDocumentInput): NetworkInstance =>
  compileNetwork(parseNetworkDocument(doc, 'random.json'), 'random.json');
/** HiGHS's feasibility tolerances (1e-7 on rows, scaled) leave ~1e-6 relative between two answers. */
const tol = (v: number): number => 1e-5 * Math.max(1, Math.abs(v));

/** Every design of the space. */
function designs(inst: NetworkInstance): Uint8Array[] {
  const n = inst.bits.length;
  return Array.from({ length: 2 ** n }, (_, mask) => Uint8Array.from({ length: n }, (_, i) => (mask >> i) & 1));
}

/** Brute force: least cost (no tax) over every design's flow LP with emissions <= cap (Infinity: none). */
async function bruteCost(inst: NetworkInstance, cap: number | undefined): Promise<number> {
  const handle = await testHandle();
  const p = objectiveNetworkProblem(inst, {
    carbonTax: 0,
    ...(cap !== undefined ? { emissionCap: cap } : {}),
    ...(cap === undefined ? { costCap: Infinity } : {}),
  });
  let best = Infinity;
  for (const d of designs(inst)) {
    const ev = await p.evaluate(handle, d);
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

/** Brute force: least emissions over every design (with cost, without the tax, at most `costCap`). */
async function bruteEmissions(inst: NetworkInstance, costCap?: number): Promise<number> {
  const handle = await testHandle();
  const p = objectiveNetworkProblem(inst, {
    objective: 'emissions',
    carbonTax: 0,
    ...(costCap !== undefined ? { costCap } : {}),
  });
  let best = Infinity;
  for (const d of designs(inst)) {
    const ev = await p.evaluate(handle, d);
    if (ev.feasible) best = Math.min(best, ev.cost);
  }
  return best;
}

/** The front's least cost with emissions <= e: points and the exact segments between them. */
function frontCost(f: ParetoFront, e: number): number {
  let best = Infinity;
  for (const p of f.points) if (p.emissions <= e + tol(e)) best = Math.min(best, p.cost);
  for (const s of f.segments) {
    const a = f.points[s.from]!;
    const b = f.points[s.to]!;
    if (e < b.emissions || e > a.emissions) continue;
    best = Math.min(best, a.cost + ((a.emissions - e) / (a.emissions - b.emissions)) * (b.cost - a.cost));
  }
  return best;
}

const RES = 0.1;

describe('exact cost/emission fronts on small random networks (real HiGHS, brute force)', () => {
  it('extremes are the single-objective optima, points are non-dominated and optimal at their emissions, the front is within resolution of the brute-force front on a fine grid, and a carbon-tax optimum lies on it', async () => {
    const handle = await testHandle();
    let fronts = 0;
    let multi = 0;
    await fc.assert(
      fc.asyncProperty(arbEmissionNetwork(), fc.constantFrom(0.3, 2), async (doc, tax) => {
        const inst = compile(doc);
        const minCost = await bruteCost(inst, undefined);
        if (minCost === Infinity) return;
        fronts++;
        const f = await paretoFront(inst, localScalarRunner(inst, handle), {
          method: 'milp',
          seed: 1,
          resolution: RES,
        });
        const pts = f.points;
        if (pts.length > 1) multi++;
        expect(f.certified).toBe(true);
        // Extremes.
        expect(Math.abs(pts[0]!.cost - minCost)).toBeLessThanOrEqual(tol(minCost));
        const minEm = await bruteEmissions(inst);
        expect(Math.abs(pts[pts.length - 1]!.emissions - minEm)).toBeLessThanOrEqual(tol(minEm));
        // Sorted by cost, non-dominated.
        for (let i = 1; i < pts.length; i++) expect(pts[i]!.cost).toBeGreaterThan(pts[i - 1]!.cost);
        for (const p of pts) for (const q of pts) expect(dominates(p, q)).toBe(false);
        const rangeE = f.nadir.emissions - f.ideal.emissions;
        const rangeC = f.nadir.cost - f.ideal.cost;
        for (const p of pts) {
          // Optimal at its own emissions, and no solution as cheap emits clearly less (lexicographic).
          expect(Math.abs((await bruteCost(inst, p.emissions * (1 + 1e-9) + 1e-9)) - p.cost)).toBeLessThanOrEqual(
            tol(p.cost),
          );
          expect(Math.abs((await bruteEmissions(inst, p.cost * (1 + 1e-9) + 1e-9)) - p.emissions)).toBeLessThanOrEqual(
            tol(p.emissions),
          );
        }
        // A fine grid of caps: the front is no better than brute force, and within resolution of it.
        if (rangeE > 0) {
          for (let k = 0; k <= 12; k++) {
            const eps = f.ideal.emissions + (k / 12) * rangeE;
            const truth = await bruteCost(inst, eps);
            expect(frontCost(f, eps)).toBeGreaterThanOrEqual(truth - tol(truth));
            expect(Math.min(frontCost(f, eps + RES * rangeE), frontCost(f, eps) - RES * rangeC)).toBeLessThanOrEqual(
              truth + tol(truth),
            );
          }
        }
        // With a carbon tax t, the optimum of cost + t x emissions lies on the front.
        const taxed = await solve(networkProblem(withCarbonTax(inst, tax)), { handle });
        const onFront = Math.min(...pts.map((p) => p.cost + tax * p.emissions));
        expect(Math.abs(taxed.objective! - onFront)).toBeLessThanOrEqual(tol(onFront));
      }),
      { numRuns: 20, seed: 19 },
    );
    expect(fronts).toBeGreaterThan(5);
    expect(multi).toBeGreaterThan(3);
  }, 300_000);
});

describe('hull bound of epsilon problems on small random networks (real HiGHS, brute force)', () => {
  it('never exceeds the brute-force least cost under a cap, meets the cost at supported points (milp), and bounds every hybrid point', async () => {
    const handle = await testHandle();
    let checked = 0;
    let hybridPoints = 0;
    let multi = 0;
    let bounded = 0;
    await fc.assert(
      fc.asyncProperty(arbEmissionNetwork(), async (doc) => {
        const inst = compile(doc);
        if ((await bruteCost(inst, undefined)) === Infinity) return;
        checked++;
        const runner = localScalarRunner(inst, handle);
        const exact = await paretoFront(inst, runner, { method: 'milp', seed: 1, points: 4 });
        if (exact.points.length > 1) multi++;
        const lo = exact.ideal.emissions;
        const range = exact.nadir.emissions - lo;
        for (let k = 0; k <= 8; k++) {
          const eps = lo + (k / 8) * range;
          const truth = await bruteCost(inst, eps);
          expect(hullBound(exact.taxBounds, eps)).toBeLessThanOrEqual(truth + tol(truth));
        }
        // A supported point is optimal at the slopes of its hull edges (or tax 0): the hull bound is tight there.
        for (const p of exact.points.filter((q) => q.supported))
          expect(Math.abs(p.hullBound! - p.cost)).toBeLessThanOrEqual(tol(p.cost));
        const hybrid = await paretoFront(inst, runner, { method: 'hybrid', seed: 1, points: 4, timeLimit: 1 });
        for (const p of hybrid.points) {
          hybridPoints++;
          const truth = await bruteCost(inst, p.emissions * (1 + 1e-9) + 1e-9);
          // No bound is allowed (a method's wrong bound is dropped), a wrong one is not.
          if (p.lowerBound === null) continue;
          bounded++;
          expect(p.lowerBound).toBeLessThanOrEqual(truth + tol(truth));
          expect(p.gap!).toBeGreaterThanOrEqual((p.cost - truth) / Math.max(1, Math.abs(p.cost)) - 1e-5);
        }
      }),
      { numRuns: 16, seed: 23 },
    );
    expect(checked).toBeGreaterThan(4);
    expect(multi).toBeGreaterThan(1);
    expect(hybridPoints).toBeGreaterThan(checked);
    expect(bounded).toBeGreaterThan(checked);
  }, 400_000);
});

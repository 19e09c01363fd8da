import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designKey } from '../../../src/core/design.js';
import { accelerate } from '../../../src/problems/network/accelerators/registry.js';
import { groupDecomposition } from '../../../src/problems/network/accelerators/group-decomposition.js';
import {
  groupStructure,
  MAX_GLOBAL_COMBINATIONS,
  type GroupStructure,
} from '../../../src/problems/network/accelerators/group-structure.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import type { NetworkInstance } from '../../../src/problems/network/instance.js';
import { genericNetworkProblem, networkProblem } from '../../../src/problems/network/problem.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { parseNetworkDocument } from '../../../src/problems/network/reader.js';
import type { NetworkDocumentInput } from '../../../src/problems/network/schema.js';
import { solve } from '../../../src/solve.js';
import { enumerateDesigns } from '../../../src/search/enumerate-designs.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { designInfeasibility } from '../../../src/core/problem.js';

const relDiff = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
const compile = (doc: NetworkDocumentInput): NetworkInstance =>
  compileNetwork(parseNetworkDocument(doc, 'grouped.json'), 'grouped.json');
const structureOf = (inst: NetworkInstance): GroupStructure => {
  const s = groupStructure(inst);
  if (typeof s === 'string') throw new Error(`expected a decomposable network, got: ${s}`);
  return s;
};

/**
 * Random Jakarta-shaped networks: origins (exact supply of 1-2 pack types, one sometimes with no
 * lane to a member) -> one local group of collectors per cluster (packs split into goods and scrap
 * on arrival, or by a processing step chosen against sending packs whole to disposal) -> global
 * groups: recyclers that turn goods into waste, and disposal sinks (free demand) for scrap and
 * waste, sometimes through a non-candidate hub (which may also absorb scrap, or supply some). Costs, handling, emissions, fixed costs random;
 * carbon tax 0-3.
 */
function arbGrouped(): fc.Arbitrary<NetworkDocumentInput> {
  return fc
    .record({
      types: fc.integer({ min: 1, max: 2 }),
      clusters: fc.array(
        fc.record({
          members: fc.integer({ min: 1, max: 3 }),
          origins: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      recyclers: fc.integer({ min: 1, max: 3 }),
      sinks: fc.integer({ min: 1, max: 2 }),
      hub: fc.constantFrom('none', 'forwards', 'absorbs', 'supplies'),
      stranded: fc.boolean(),
      processing: fc.boolean(),
      tax: fc.integer({ min: 0, max: 3 }),
      share: fc.integer({ min: 1, max: 9 }),
      numbers: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 64, maxLength: 64 }),
    })
    .map((r) => {
      let c = 0;
      const num = (): number => r.numbers[c++ % r.numbers.length]!;
      const types = Array.from({ length: r.types }, (_, b) => `t${b}`);
      const pack = (t: string): string => `pack-${t}`;
      const good = (t: string): string => `good-${t}`;
      const scrap = (t: string): string => `scrap-${t}`;
      const waste = (t: string): string => `waste-${t}`;
      const share = r.share / 10;
      const nodes: NonNullable<NetworkDocumentInput['nodes']> = [];
      const arcs: NonNullable<NetworkDocumentInput['arcs']> = [];
      const groups: NonNullable<NetworkDocumentInput['groups']> = [];
      const recyclers = Array.from({ length: r.recyclers }, (_, j) => `R${j}`);
      const sinks = Array.from({ length: r.sinks }, (_, w) => `W${w}`);
      for (const id of recyclers) {
        nodes.push({
          id,
          echelon: 'recycler',
          fixedCost: 50 + num() * 10,
          handlingCost: Object.fromEntries(types.map((t) => [good(t), num() / 4])),
          conversions: types.map((t) => ({ from: good(t), to: { [waste(t)]: 0.2 + num() / 100 } })),
        });
      }
      for (const id of sinks)
        nodes.push({
          id,
          echelon: 'sink',
          fixedCost: 30 + num() * 10,
          handlingCost: num() / 5,
          demand: Object.fromEntries(
            types.flatMap((t) =>
              [scrap(t), waste(t), ...(r.processing ? [pack(t)] : [])].map((p) => [p, { atLeast: 0 }]),
            ),
          ),
        });
      // A hub forwards scrap to the sinks, may also absorb some (a demand node that ships on), or adds scrap of its own
      // (a supply beside what arrives: a global source that is not a pure source).
      const hub = r.hub !== 'none';
      const hubRole =
        r.hub === 'absorbs'
          ? { demand: Object.fromEntries(types.map((t) => [scrap(t), { atLeast: 0 }])) }
          : r.hub === 'supplies'
            ? { supply: { [scrap(types[0]!)]: { exactly: 4 } }, supplyCost: 2 }
            : {};
      if (hub) nodes.push({ id: 'H', echelon: 'hub', handlingCost: num() / 10, ...hubRole });
      r.clusters.forEach((cl, k) => {
        const members = Array.from({ length: cl.members }, (_, i) => `C${k}-${i}`);
        for (const id of members) {
          // A collector splits every pack on arrival, or (processing) chooses to split packs or send them whole to disposal.
          const split = types.map((t) => ({
            from: pack(t),
            to: { [good(t)]: 3 * share, [scrap(t)]: 3 * (1 - share) },
            cost: num() / 2,
            emission: num() / 10,
          }));
          nodes.push({ id, echelon: 'collector', cluster: String(k), fixedCost: 20 + num() * 5, conversions: split });
          const perType = (product: (t: string) => string, value: () => number) =>
            Object.fromEntries(types.map((t) => [product(t), value()]));
          for (const rc of recyclers)
            arcs.push({
              from: id,
              to: rc,
              unitCost: perType(good, () => 1 + num() / 4),
              emission: perType(good, () => num() / 20),
            });
          for (const w of hub ? ['H'] : sinks)
            arcs.push({
              from: id,
              to: w,
              unitCost: {
                ...perType(scrap, () => 1 + num() / 4),
                ...(r.processing ? perType(pack, () => 5 + num()) : {}),
              },
            });
        }
        cl.origins.forEach((amount, o) => {
          const id = `O${k}-${o}`;
          nodes.push({
            id,
            echelon: 'origin',
            cluster: String(k),
            supply: Object.fromEntries(types.map((t, b) => [pack(t), { exactly: amount + b }])),
            supplyCost: num() / 3,
          });
          members.forEach((m, i) => {
            // One origin of the first cluster may have no lane to the last member: opening it strands the supply.
            if (r.stranded && k === 0 && o === 0 && i === members.length - 1 && members.length > 1) return;
            arcs.push({
              from: id,
              to: m,
              unitCost: Object.fromEntries(types.map((t) => [pack(t), 1 + num() / 2])),
              emission: Object.fromEntries(types.map((t) => [pack(t), num() / 10])),
            });
          });
        });
        groups.push({ name: `one collector in ${k}`, members, rule: 'exactly', count: 1 });
      });
      if (hub)
        for (const w of sinks)
          arcs.push({
            from: 'H',
            to: w,
            unitCost: Object.fromEntries(
              types.flatMap((t) => [scrap(t), ...(r.processing ? [pack(t)] : [])].map((p) => [p, num() / 4])),
            ),
          });
      for (const rc of recyclers)
        for (const w of sinks)
          arcs.push({ from: rc, to: w, unitCost: Object.fromEntries(types.map((t) => [waste(t), 1 + num() / 3])) });
      groups.push(
        { name: 'one recycler', members: recyclers, rule: 'exactly', count: 1 },
        { name: 'one sink', members: sinks, rule: 'exactly', count: 1 },
      );
      const doc: NetworkDocumentInput = {
        problem: 'network',
        name: 'grouped',
        products: types.flatMap((t) => [pack(t), good(t), scrap(t), waste(t)]),
        carbonTax: r.tax,
        nodes,
        arcs,
        groups,
      };
      return doc;
    });
}

describe('group-decomposition accelerator (real HiGHS)', () => {
  it('on random Jakarta-shaped networks the bound equals the MILP optimum and the best design priced by the flow LP; the routed pricer equals the flow LP on every design', async () => {
    const handle = await testHandle();
    await fc.assert(
      fc.asyncProperty(arbGrouped(), async (doc) => {
        const inst = compile(doc);
        expect(accelerate(inst, genericNetworkProblem(inst)).accelerator).toBe('group-decomposition');
        const problem = networkProblem(inst);
        const out = await problem.bound!(handle, Infinity);
        expect(out).not.toBeNull();
        const milp = await solve(genericNetworkProblem(inst), { handle });
        expect(milp.status).toBe('optimal');
        expect(relDiff(out!.lowerBound, milp.objective!)).toBeLessThanOrEqual(1e-9);
        // Independent of the MILP: every design priced by the generic flow LP; none beats the bound.
        // The accelerated pricer (routed flows, no LP) agrees on each design, and its flows pass the checker.
        const generic = genericNetworkProblem(inst);
        let best = Infinity;
        for (const d of enumerateDesigns(generic.space)) {
          if (designInfeasibility(generic, d) !== null) continue;
          const ev = await generic.evaluate(handle, d);
          const fast = await problem.evaluate(handle, d);
          expect(fast.feasible).toBe(ev.feasible);
          if (!ev.feasible) continue;
          best = Math.min(best, ev.cost);
          expect(relDiff(fast.cost, ev.cost)).toBeLessThanOrEqual(1e-9);
          expect(generic.violations(d, fast.flows!)).toEqual([]);
        }
        expect(relDiff(out!.lowerBound, best)).toBeLessThanOrEqual(1e-9);
        // The bound and the pricer share unit values: asked again after pricing, the bound is the same.
        expect((await problem.bound!(handle, Infinity))!.lowerBound).toBe(out!.lowerBound);
        // The first design attains the bound; the others are distinct valid designs, each priced at its global choice's optimum.
        const dec = groupDecomposition(inst, structureOf(inst))!;
        expect(new Set(out!.designs.map(designKey)).size).toBe(out!.designs.length);
        for (const [n, d] of out!.designs.entries()) {
          expect(designInfeasibility(generic, d)).toBeNull();
          const ev = await generic.evaluate(handle, d);
          expect(ev.feasible).toBe(true);
          expect(relDiff(ev.cost, dec.choices[n]!.cost)).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 30, seed: 23 },
    );
  }, 120_000);

  it('instances/network/jakarta-rln.json: chosen by structure, and the hybrid certifies 1,165,562,862,493.75 (gap <= 1e-9)', async () => {
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const inst = networkFromText(readFileSync(file, 'utf8'), file);
    const s = structureOf(inst);
    expect([s.global.map((g) => g.length), s.local.length, s.combinations]).toEqual([[4, 2], 5, 8]);
    const hybrid = await solve(networkProblem(inst), {
      method: 'hybrid',
      seed: 1,
      handle: await testHandle(),
      timeLimit: 60,
    });
    expect(hybrid.status).toBe('optimal');
    expect(hybrid.gap).toBeLessThanOrEqual(1e-9);
    expect(hybrid.solver.options.bound).toBe('problem');
    expect(Math.abs(hybrid.objective! - 1_165_562_862_493.75)).toBeLessThanOrEqual(1e-9 * 1_165_562_862_493.75);
    expect(hybrid.open).toEqual(['CCA-1', 'CCH-2', 'CCK-3', 'CCM-4', 'CCR-5', 'RMC-1', 'WDC-1']);
  });

  it('returns null once the deadline has passed, rather than an unproven bound', async () => {
    const file = `${ROOT}instances/network/jakarta-rln.json`;
    const problem = networkProblem(networkFromText(readFileSync(file, 'utf8'), file));
    expect(await problem.bound!(await testHandle(), performance.now() - 1)).toBeNull();
  });

  describe('supports: a network breaking one condition gets the reason', () => {
    const base = fc.sample(arbGrouped(), { numRuns: 1, seed: 5 })[0]!;
    const edit = (f: (d: NetworkDocumentInput) => void): NetworkDocumentInput => {
      const d = structuredClone(base);
      f(d);
      return d;
    };
    const node = (d: NetworkDocumentInput, echelon: string) => d.nodes.find((n) => n.echelon === echelon)!;
    const cases: [string, NetworkDocumentInput, RegExp][] = [
      ['two periods', edit((d) => (d.periods = 2)), /more than one period/],
      ['integer flows', edit((d) => (d.integerFlows = true)), /integer flows/],
      ['a node capacity', edit((d) => (node(d, 'collector').capacity = 100)), /node C0-0 has a capacity/],
      ['an arc capacity', edit((d) => (d.arcs![0]!.capacity = 100)), /arc C0-0 -> R0 has a capacity/],
      ['stock', edit((d) => (node(d, 'recycler').inventory = { products: ['good-t0'] })), /node R0 keeps stock/],
      [
        'options',
        edit((d) => {
          const r = node(d, 'recycler');
          delete r.fixedCost;
          r.options = [{ id: 'a', fixedCost: 1 }];
        }),
        /node R0 has technology options/,
      ],
      [
        'single sourcing',
        edit((d) => d.nodes.push({ id: 'Z', echelon: 'extra', demand: { 'scrap-t0': 0 }, singleSource: true })),
        /node Z is single-sourced/,
      ],
      ['a price', edit((d) => (node(d, 'sink').price = 1)), /node W0 has a selling price/],
      [
        'supply up to',
        edit((d) => (node(d, 'origin').supply = { 'pack-t0': 5 })),
        /supply of pack-t0 at O0-0 is not exact/,
      ],
      [
        'a bounded demand',
        edit((d) => (node(d, 'sink').demand = { 'scrap-t0': { atLeast: 0, atMost: 5 } })),
        /demand of scrap-t0 at W0 is not a free sink/,
      ],
      [
        'an at-most rule',
        edit((d) => (d.groups![d.groups!.length - 1]!.rule = 'atMost')),
        /count rule one sink is not "exactly 1"/,
      ],
      ['a candidate in no rule', edit((d) => d.groups!.pop()), /candidate W0 is in no "exactly 1" rule/],
      [
        'a cycle',
        edit((d) => d.arcs!.push({ from: 'W0', to: 'R0', unitCost: 1, products: ['waste-t0'] })),
        /a cycle of flows and conversions/,
      ],
    ];
    it.each(cases)('%s', (_, doc, reason) => {
      const inst = compile(doc);
      expect(groupStructure(inst)).toMatch(reason);
      expect(accelerate(inst, genericNetworkProblem(inst)).accelerator).toBeNull();
    });
    it('the base network is supported', () => expect(typeof groupStructure(compile(base))).toBe('object'));

    it("a group fed by another cluster's origin is global, and too many global choices is a reason", () => {
      const doc = edit((d) => d.arcs!.push({ from: 'O0-0', to: 'R0', unitCost: { 'pack-t0': 1 } }));
      const s = structureOf(compile(doc));
      expect(s.local.length).toBe(structureOf(compile(base)).local.length - 1);
      // Five more global groups of 10 candidates each: at least 10^5 choices.
      const wide = edit((d) => {
        for (let g = 0; g < 5; g++) {
          const ids = Array.from({ length: 10 }, (_, i) => `X${g}-${i}`);
          for (const id of ids) d.nodes.push({ id, echelon: 'extra', fixedCost: 1 });
          for (const id of ids) d.arcs!.push({ from: 'R0', to: id, unitCost: 1, products: ['waste-t0'] });
          d.groups!.push({ name: `extra ${g}`, members: ids, rule: 'exactly', count: 1 });
        }
      });
      expect(groupStructure(compile(wide))).toMatch(
        new RegExp(`combinations of the global groups \\(more than ${MAX_GLOBAL_COMBINATIONS}\\)`),
      );
    });
  });
});

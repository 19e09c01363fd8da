import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/problem.js';
import { toLpText } from '../../../src/exact/lp-format.js';
import { generateIlNetwork } from '../../../src/problems/network/convert/legacy/inventory-location/generate-network.js';
import { PAPER_SIZES } from '../../../src/problems/network/convert/legacy/inventory-location/generator.js';
import { parseIlJson } from '../../../src/problems/network/convert/legacy/inventory-location/json-reader.js';
import { ilToNetwork } from '../../../src/problems/network/convert/from-inventory-location.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { verifyByEnumeration, type VerifyReport } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';
import { phanConstraints, phanCost, phanVariables } from './il-paper.js';

/*
 * Phan et al. (2025) on the network instance converted from instances/inventory-location/: the
 * paper's published counts (Table 5) on the network MILP, and the MILP checked against the paper's
 * constraints and cost formulas written out in its own variables (il-paper.ts) on the network's
 * flows (O, I, F, V, E mapped onto the network's parts by: fixed = F, holding = I, carbonTax = E,
 * transport = O + V; see the provenance of the file).
 */

const FILE = `${ROOT}instances/network/inventory-location-paper-shape.json`;
const SRC = `${ROOT}instances/inventory-location/paper-shape.json`;
const NET = networkFromText(readFileSync(FILE, 'utf8'), FILE);
const IL = parseIlJson(JSON.parse(readFileSync(SRC, 'utf8')), SRC);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Table 5 of the paper: the model's size on this shape. */
const PAPER = { variables: 248, binary: 8, integer: 240, constraints: 232, nonZeros: 920 };
/** The optimum the bespoke inventory-location model had on this instance (issue 14). */
const BESPOKE_OPTIMUM = 29_441.25;

/** Names listed in one section of an LP file (Generals, Binaries). */
function lpSection(text: string, name: string): string[] {
  const m = new RegExp(`\\n${name}\\n([\\s\\S]*?)\\n(?:Generals|Binaries|End)\\b`).exec(text);
  return m ? m[1]!.split(/\s+/).filter(Boolean) : [];
}

describe('Phan et al. (2025) paper-shaped instance as a network (|I|=|R|=|U|=|M|=|O|=|P|=|K|=2, |T|=3)', () => {
  it("the network MILP (as --export-lp writes it) has the paper's 248 variables (8 binary, 240 integer), 232 constraints, 920 non-zeros", () => {
    const { model } = networkProblem(NET).buildMilp();
    expect(model.colNames.length).toBe(PAPER.variables);
    expect(model.colType.filter((t) => t === 'binary').length).toBe(PAPER.binary);
    expect(model.colType.filter((t) => t === 'integer').length).toBe(PAPER.integer);
    expect(model.rowNames.length).toBe(PAPER.constraints);
    expect(model.values.length).toBe(PAPER.nonZeros);
    const lp = toLpText(model);
    expect(lp.split('\n')[0]).toContain(`${PAPER.variables} columns, ${PAPER.constraints} rows`);
    expect(lpSection(lp, 'Binaries')).toHaveLength(PAPER.binary);
    expect(lpSection(lp, 'Generals')).toHaveLength(PAPER.integer);
    // Per family: availability (1)-(3) 72, balances (7), (9), (11) 72, links (4)-(5) 24,
    // one technology per centre (12)-(13) 4, plant demand (14) 12, supply on arcs (15) 48.
    const families: Record<string, number> = {};
    for (const n of model.rowNames) families[n.split('_')[0]!] = (families[n.split('_')[0]!] ?? 0) + 1;
    expect(families).toEqual({ avail: 72, bal: 72, link: 24, one: 4, demand: 12, acap: 48 });
  });

  it("the bundled file is the generator's output for seed 2025 (provenance command), written as a network", () => {
    const { converted: _c, ...provenance } = NET.doc.provenance as Record<string, unknown>;
    expect(provenance.command).toMatch(/--seed 2025$/);
    expect(generateIlNetwork(PAPER_SIZES, 2025, 'paper-shape')).toEqual({ ...NET.doc, provenance });
  });

  it('relaxed flows keep the counts and leave only the 8 binaries integer', () => {
    const relaxed = parseIlJson(JSON.parse(readFileSync(SRC, 'utf8')), SRC, { relax: true });
    const { model } = networkProblem(compileNetwork(ilToNetwork(relaxed), SRC)).buildMilp();
    expect(model.colNames.length).toBe(PAPER.variables);
    expect(model.rowNames.length).toBe(PAPER.constraints);
    expect(model.colType.filter((t) => t === 'binary').length).toBe(PAPER.binary);
    expect(model.colType.filter((t) => t === 'integer').length).toBe(0);
  });

  describe('solved', () => {
    let problem: Problem<NetworkFlows>;
    let report: VerifyReport<NetworkFlows>;
    beforeAll(async () => {
      problem = networkProblem(NET);
      report = await verifyByEnumeration(problem, await testHandle());
    }, 300_000);

    it("MILP optimum = the best of every design priced exactly = the bespoke optimum, with the paper's 81 designs", () => {
      expect(report.bitVectors).toBe(256);
      expect(report.designsEnumerated).toBe(81); // (K + 1)^(R + U): none or one technology per centre
      expect(report.milp.status).toBe('optimal');
      expect(report.agree).toBe(true);
      expect(close(report.milp.objective!, report.best!.cost)).toBe(true);
      expect(close(report.milp.objective!, BESPOKE_OPTIMUM)).toBe(true);
      for (const c of report.ranking) expect(c.cost).toBeGreaterThanOrEqual(report.milp.objective! - 1e-6);
    });

    it("the solution satisfies 232/232 rows of the network MILP and 232/232 of the paper's constraints (written out from the paper)", () => {
      expect(report.milp.rowsSatisfied).toBe(PAPER.constraints);
      expect(report.milp.violations).toEqual([]);
      const q = phanVariables(IL, report.milp.open, report.milp.flows!);
      expect(phanConstraints(IL, q)).toEqual({
        total: PAPER.constraints,
        satisfied: PAPER.constraints,
        violations: [],
      });
      // Integer flows (17): every amount is a whole number.
      for (const a of report.milp.flows!.arcs) expect(Math.abs(a.amount - Math.round(a.amount))).toBeLessThan(1e-6);
      // Every feasible alternative design's flows pass the independent network checker too; as on
      // the bespoke model, 4 of the 81 designs are feasible (both technologies have demand).
      expect(report.feasibleDesigns).toBe(4);
      for (const c of report.ranking) expect(c.violations).toEqual([]);
    });

    it('MinC = O + I + F + V + E: fixed = F, holding = I, carbonTax = E, transport = O + V, nothing else', () => {
      const design = Uint8Array.from(report.milp.design);
      const parts = problem.cost(design, report.milp.flows!).parts;
      const p = phanCost(IL, phanVariables(IL, report.milp.open, report.milp.flows!));
      expect(close(parts.fixed!, p.F)).toBe(true);
      expect(close(parts.holding!, p.I)).toBe(true);
      expect(close(parts.carbonTax!, p.E)).toBe(true);
      expect(close(parts.transport!, p.O + p.V)).toBe(true);
      for (const k of ['acquisition', 'processing', 'revenue', 'constant']) expect(Math.abs(parts[k] ?? 0)).toBe(0);
      expect(close(p.O + p.I + p.F + p.V + p.E, report.milp.objective!)).toBe(true);
    });

    it("each of the 4 feasible designs, priced by the network: the paper's MinC of its flows is its price, and they satisfy the paper", async () => {
      const handle = await testHandle();
      for (const c of report.ranking) {
        const ev = await problem.evaluate(handle, Uint8Array.from(c.design));
        const q = phanVariables(IL, c.open, ev.flows!);
        const m = phanCost(IL, q);
        expect(close(m.O + m.I + m.F + m.V + m.E, c.cost)).toBe(true);
        expect(phanConstraints(IL, q).violations).toEqual([]);
      }
    }, 120_000);

    it('the report names each open centre with its technology', () => {
      const text = problem.report!(Uint8Array.from(report.milp.design), report.milp.flows!);
      for (const label of report.milp.open) expect(text).toContain(label);
    });
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/problem.js';
import { objectiveAt } from '../../../src/exact/linear-model.js';
import { problemFromText } from '../../../src/io/load-problem.js';
import { generateIlJson, PAPER_SIZES } from '../../../src/problems/inventory-location/generator.js';
import { parseIlJson } from '../../../src/problems/inventory-location/json-reader.js';
import { buildIlMilp } from '../../../src/problems/inventory-location/problem.js';
import type { IlFlows } from '../../../src/problems/inventory-location/flows.js';
import { checkIlConstraints } from '../../../src/problems/inventory-location/violations.js';
import { verifyByEnumeration, type VerifyReport } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const FILE = `${ROOT}instances/inventory-location/paper-shape.json`;
const TEXT = readFileSync(FILE, 'utf8');
const inst = parseIlJson(JSON.parse(TEXT), FILE);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('paper-shaped instance (|I|=|R|=|U|=|M|=|O|=|P|=|K|=2, |T|=3)', () => {
  it('builds the paper\'s 248 variables (8 binary, 240 integer) and 232 constraints', () => {
    const { model } = buildIlMilp(inst);
    expect(model.colNames.length).toBe(248);
    expect(model.colType.filter((t) => t === 'binary').length).toBe(8);
    expect(model.colType.filter((t) => t === 'integer').length).toBe(240);
    expect(model.rowNames.length).toBe(232);
    // Per constraint: (1)-(3), (7), (9), (11) are 24 each, (4), (5), (14) 12, (12), (13) 2, (15) 48.
    const perFamily: Record<string, number> = {};
    for (const n of model.rowNames) perFamily[n.split('_')[0]!] = (perFamily[n.split('_')[0]!] ?? 0) + 1;
    expect(perFamily).toEqual({ c1: 24, c2: 24, c3: 24, c4: 12, c5: 12, c7: 24, c9: 24, c11: 24, c12: 2, c13: 2, c14: 12, c15: 48 });
    // Table 5 of the paper also gives 920 non-zeros; with no zero parameter the count matches.
    expect(model.values.length).toBe(920);
  });

  it('relaxing flows keeps the counts and leaves only x, y integer', () => {
    const { model } = buildIlMilp(parseIlJson(JSON.parse(TEXT), FILE, { relax: true }));
    expect(model.colNames.length).toBe(248);
    expect(model.rowNames.length).toBe(232);
    expect(model.colType.filter((t) => t === 'binary').length).toBe(8);
    expect(model.colType.filter((t) => t === 'integer').length).toBe(0);
  });

  it('the committed file is what the generator gives for its seed', () => {
    const data = JSON.parse(TEXT) as { parameters: unknown; provenance: { command: string } };
    expect(data.provenance.command).toMatch(/--seed 2025$/);
    expect((generateIlJson(PAPER_SIZES, 2025, 'paper-shape') as { parameters: unknown }).parameters).toEqual(data.parameters);
  });

  describe('solved', () => {
    let problem: Problem<IlFlows>;
    let report: VerifyReport<IlFlows>;
    beforeAll(async () => {
      problem = problemFromText(TEXT, FILE) as Problem<IlFlows>;
      report = await verifyByEnumeration(problem, await testHandle());
    });

    it('MILP optimum equals the optimum of enumerating every design', () => {
      expect(report.bitVectors).toBe(256);
      expect(report.designsEnumerated).toBe(81); // (K + 1)^(R + U): none or one technology per centre
      expect(report.milp.status).toBe('optimal');
      expect(report.best).not.toBeNull();
      expect(close(report.milp.objective!, report.best!.cost)).toBe(true);
      expect(close(report.milp.solverObjective!, report.milp.objective!)).toBe(true);
      expect(report.agree).toBe(true);
      // Every enumerated design is dearer than or equal to the MILP optimum.
      for (const c of report.ranking) expect(c.cost).toBeGreaterThanOrEqual(report.milp.objective! - 1e-6);
    });

    it('the MILP solution satisfies 232/232 constraints, counted on the model rows and by the paper-side check', () => {
      expect(report.milp.rowsSatisfied).toBe(232);
      expect(report.milp.violations).toEqual([]);
      const f = buildIlMilp(inst);
      const design = Uint8Array.from(report.milp.design);
      const flows = report.milp.flows!;
      const check = checkIlConstraints(inst, design, flows);
      expect(check).toEqual({ total: 232, satisfied: 232, violations: [] });
      // Each centre runs at most one technology and the objective is the sum of its five parts.
      const cost = problem.cost(design, flows);
      expect(Object.keys(cost.parts)).toEqual(['ordering', 'inventory', 'opening', 'transport', 'emission']);
      expect(close(Object.values(cost.parts).reduce((a, b) => a + b, 0), cost.total)).toBe(true);
      expect(close(objectiveAt(f.model, f.encode(design, flows)), cost.total)).toBe(true);
      // Every feasible alternative design also satisfies all 232 (the paper's Excel check).
      for (const c of report.ranking) expect(c.rowsSatisfied).toBe(232);
    });

    it('the report names the open centres with their technology and the cost parts', () => {
      const text = problem.report!(Uint8Array.from(report.milp.design), report.milp.flows!);
      for (const label of report.milp.open) {
        const [centre, tech] = label.split(':');
        expect(text).toMatch(new RegExp(`${centre}\\s+(repair|recycling)\\s+${tech}`));
      }
      for (const part of ['O  ordering', 'I  inventory', 'F  opening', 'V  transport', 'E  emission']) expect(text).toContain(part);
    });
  });
});

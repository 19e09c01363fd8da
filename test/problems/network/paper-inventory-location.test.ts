import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/core/problem.js';
import { toLpText } from '../../../src/exact/lp-format.js';
import { ilCost } from '../../../src/problems/inventory-location/cost.js';
import { xBit, yBit } from '../../../src/problems/inventory-location/design-bits.js';
import { FLOW_NAMES, flowShapes, type FlowName, type IlFlows } from '../../../src/problems/inventory-location/flows.js';
import type { IlInstance } from '../../../src/problems/inventory-location/instance.js';
import { parseIlJson } from '../../../src/problems/inventory-location/json-reader.js';
import { checkIlConstraints } from '../../../src/problems/inventory-location/violations.js';
import { ilProduct, ilToNetwork } from '../../../src/problems/network/convert/from-inventory-location.js';
import type { NetworkFlows } from '../../../src/problems/network/flows.js';
import { networkProblem } from '../../../src/problems/network/problem.js';
import { compileNetwork } from '../../../src/problems/network/compile.js';
import { networkFromText } from '../../../src/problems/network/reader.js';
import { verifyByEnumeration, type VerifyReport } from '../../../src/verify/enumeration.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

/*
 * Phan et al. (2025) on the network instance converted from instances/inventory-location/: the
 * paper's published counts (Table 5) on the network MILP, and the MILP checked against the paper's
 * constraints and cost formulas, recomputed by the bespoke checker and cost on the network's flows
 * (O, I, F, V, E mapped onto the network's parts by: fixed = F, holding = I, carbonTax = E,
 * transport = O + V; see the provenance of the file).
 */

const FILE = `${ROOT}instances/network/inventory-location-paper-shape.json`;
const SRC = `${ROOT}instances/inventory-location/paper-shape.json`;
const NET = networkFromText(readFileSync(FILE, 'utf8'), FILE);
const IL = parseIlJson(JSON.parse(readFileSync(SRC, 'utf8')), SRC);
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Table 5 of the paper: the model's size on this shape. */
const PAPER = { variables: 248, binary: 8, integer: 240, constraints: 232, nonZeros: 920 };
/** rlnd's optimum of the bespoke inventory-location model on this instance. */
const BESPOKE_OPTIMUM = 29_441.25;

/** Names listed in one section of an LP file (Generals, Binaries). */
function lpSection(text: string, name: string): string[] {
  const m = new RegExp(`\\n${name}\\n([\\s\\S]*?)\\n(?:Generals|Binaries|End)\\b`).exec(text);
  return m ? m[1]!.split(/\s+/).filter(Boolean) : [];
}

/** The network's flows written as the paper's variables (QI, QR, QU, CU, IR, IpU, IoU). */
function toIlFlows(inst: IlInstance, f: NetworkFlows): IlFlows {
  const { K, P, O } = inst.sizes;
  const shapes = flowShapes(inst.sizes);
  const out = Object.fromEntries(FLOW_NAMES.map((n) => [n, new Array<number>(shapes[n].size).fill(0)])) as Record<FlowName, number[]>;
  const idx = (ids: readonly string[], id: string): number => ids.indexOf(id);
  const pk = new Map<string, [number, number]>();
  const okey = new Map<string, [number, number]>();
  for (let k = 0; k < K; k++) {
    for (let p = 0; p < P; p++) {
      pk.set(ilProduct.battery(inst, p, k), [p, k]);
      pk.set(ilProduct.unrepaired(inst, p, k), [p, k]);
    }
    for (let o = 0; o < O; o++) okey.set(ilProduct.component(inst, o, k), [o, k]);
  }
  const set = (n: FlowName, v: number, ...i: number[]): void => {
    out[n][shapes[n].index(...i)]! += v;
  };
  const { I: cs, R: rs, U: us, M: ms } = inst.ids;
  for (const a of f.arcs) {
    const t = a.period - 1;
    if (cs.includes(a.from)) set('QI', a.amount, ...pk.get(a.product)!, idx(cs, a.from), idx(rs, a.to), t);
    else if (rs.includes(a.from)) set('QR', a.amount, ...pk.get(a.product)!, idx(rs, a.from), idx(us, a.to), t);
    else set('QU', a.amount, ...okey.get(a.product)!, idx(us, a.from), idx(ms, a.to), t);
  }
  for (const z of f.processed) if (us.includes(z.node)) set('CU', z.amount, ...pk.get(z.product)!, idx(us, z.node), z.period - 1);
  for (const s of f.stock) {
    const t = s.period - 1;
    if (rs.includes(s.node)) set('IR', s.amount, ...pk.get(s.product)!, idx(rs, s.node), t);
    else if (okey.has(s.product)) set('IoU', s.amount, ...okey.get(s.product)!, idx(us, s.node), t);
    else set('IpU', s.amount, ...pk.get(s.product)!, idx(us, s.node), t);
  }
  return out;
}

/** The paper's design bits (x_rk, y_uk) from the network's open labels (`R1:high`). */
function toIlDesign(inst: IlInstance, open: readonly string[]): Uint8Array {
  const d = new Uint8Array((inst.sizes.R + inst.sizes.U) * inst.sizes.K);
  for (const label of open) {
    const [node, tech] = label.split(':') as [string, string];
    const k = inst.ids.K.indexOf(tech);
    const r = inst.ids.R.indexOf(node);
    d[r >= 0 ? xBit(inst, r, k) : yBit(inst, inst.ids.U.indexOf(node), k)] = 1;
  }
  return d;
}

describe('Phan et al. (2025) paper-shaped instance as a network (|I|=|R|=|U|=|M|=|O|=|P|=|K|=2, |T|=3)', () => {
  it('the network MILP (as --export-lp writes it) has the paper\'s 248 variables (8 binary, 240 integer), 232 constraints, 920 non-zeros', () => {
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

    it('MILP optimum = the best of every design priced exactly = the bespoke optimum, with the paper\'s 81 designs', () => {
      expect(report.bitVectors).toBe(256);
      expect(report.designsEnumerated).toBe(81); // (K + 1)^(R + U): none or one technology per centre
      expect(report.milp.status).toBe('optimal');
      expect(report.agree).toBe(true);
      expect(close(report.milp.objective!, report.best!.cost)).toBe(true);
      expect(close(report.milp.objective!, BESPOKE_OPTIMUM)).toBe(true);
      for (const c of report.ranking) expect(c.cost).toBeGreaterThanOrEqual(report.milp.objective! - 1e-6);
    });

    it('the solution satisfies 232/232 rows of the network MILP and 232/232 of the paper\'s constraints (bespoke checker)', () => {
      expect(report.milp.rowsSatisfied).toBe(PAPER.constraints);
      expect(report.milp.violations).toEqual([]);
      const flows = toIlFlows(IL, report.milp.flows!);
      const design = toIlDesign(IL, report.milp.open);
      expect(checkIlConstraints(IL, design, flows)).toEqual({ total: PAPER.constraints, satisfied: PAPER.constraints, violations: [] });
      // Every feasible alternative design's flows pass the independent network checker too; as on
      // the bespoke model, 4 of the 81 designs are feasible (both technologies have demand).
      expect(report.feasibleDesigns).toBe(4);
      for (const c of report.ranking) expect(c.violations).toEqual([]);
    });

    it('MinC = O + I + F + V + E: fixed = F, holding = I, carbonTax = E, transport = O + V, nothing else', () => {
      const design = Uint8Array.from(report.milp.design);
      const parts = problem.cost(design, report.milp.flows!).parts;
      const paper = ilCost(IL, toIlDesign(IL, report.milp.open), toIlFlows(IL, report.milp.flows!));
      const p = paper.parts as Record<'ordering' | 'inventory' | 'opening' | 'transport' | 'emission', number>;
      expect(close(parts.fixed!, p.opening)).toBe(true);
      expect(close(parts.holding!, p.inventory)).toBe(true);
      expect(close(parts.carbonTax!, p.emission)).toBe(true);
      expect(close(parts.transport!, p.ordering + p.transport)).toBe(true);
      for (const k of ['acquisition', 'processing', 'revenue', 'constant']) expect(Math.abs(parts[k] ?? 0)).toBe(0);
      expect(close(paper.total, report.milp.objective!)).toBe(true);
    });
  });
});

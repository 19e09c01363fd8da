import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../../src/core/errors.js';
import { loadProblem } from '../../../src/problems/load-problem.js';
import { readNetworkFolder } from '../../../src/problems/network/csv-folder.js';
import { readNetworkWorkbook, writeNetworkWorkbook } from '../../../src/problems/network/workbook.js';
import { solve } from '../../../src/solve.js';
import { ROOT, testHandle } from '../../helpers/fixtures.js';

const EXAMPLES = `${ROOT}docs/examples/network/`;
const tmp = (name: string): string => join(mkdtempSync(join(tmpdir(), 'rlnd-xlsx-')), name);

/** A workbook of `doc` (written by rlnd), then `edit` applied to it with exceljs, as a user would in Excel. */
async function edited(doc: Record<string, unknown>, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = tmp('net.xlsx');
  await writeNetworkWorkbook(doc, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

async function workbookError(file: string): Promise<string> {
  try {
    await readNetworkWorkbook(file);
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
  throw new Error('expected an InputError');
}

const CONTRACT = JSON.parse(readFileSync(`${EXAMPLES}contract.json`, 'utf8')) as Record<string, unknown>;

describe('network workbook (.xlsx)', () => {
  it('the shipped Jakarta workbook holds the JSON document and solves to the same optimum', async () => {
    const json = JSON.parse(readFileSync(`${ROOT}instances/network/jakarta-rln.json`, 'utf8')) as Record<
      string,
      unknown
    >;
    const file = `${ROOT}instances/network/jakarta.xlsx`;
    const doc = (await readNetworkWorkbook(file)) as Record<string, unknown>;
    const { workbook, ...provenance } = doc.provenance as Record<string, unknown>;
    expect(workbook).toBe(
      'written by `rlnd convert instances/network/jakarta-rln.json --out instances/network/jakarta.xlsx`',
    );
    expect({ ...doc, provenance }).toEqual(json);
    const res = await solve(await loadProblem(file), { handle: await testHandle() });
    expect(res.status).toBe('optimal');
    expect(Math.abs(res.objective! - 1_165_562_862_493.75) / 1_165_562_862_493.75).toBeLessThanOrEqual(1e-9);
    expect(res.open).toEqual(['CCA-1', 'CCH-2', 'CCK-3', 'CCM-4', 'CCR-5', 'RMC-1', 'WDC-1']);
  }, 120_000);

  it.each([
    'contract.json',
    'conversions.yaml',
    'metals-profit.yaml',
    'groups.yaml',
    'arc-rules.yaml',
    'single-source.yaml',
  ])('%s round-trips through a workbook unchanged', async (name) => {
    const text = readFileSync(`${EXAMPLES}${name}`, 'utf8');
    const doc = (name.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Record<string, unknown>;
    const file = tmp('x.xlsx');
    await writeNetworkWorkbook(doc, file);
    expect(await readNetworkWorkbook(file)).toEqual(doc);
  });

  it('reads the same document as the CSV folder of the same tables', async () => {
    const doc = (await readNetworkFolder(`${EXAMPLES}csv-demo`)) as Record<string, unknown>;
    const file = tmp('demo.xlsx');
    await writeNetworkWorkbook(doc, file);
    expect(await readNetworkWorkbook(file)).toEqual(doc);
  });

  it('refuses what the tables cannot hold instead of dropping it', async () => {
    const doc = parseYaml(readFileSync(`${EXAMPLES}options.yaml`, 'utf8')) as Record<string, unknown>;
    await expect(writeNetworkWorkbook(doc, tmp('o.xlsx'))).rejects.toThrow(/nodes\.\d+\.options cannot be written/);
  });

  it('errors name the sheet, the row and the column', async () => {
    const bad = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('nodes')!.getRow(3).getCell(4).value = 'abc'; // D1's fixedCost
    });
    const nodesHeader = (await readHeader(bad, 'nodes')).indexOf('fixedCost');
    expect(nodesHeader).toBe(3);
    expect(await workbookError(bad)).toBe(`${bad}, sheet nodes: row 3, column fixedCost: a number >= 0, got "abc"`);

    const typo = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('nodes')!.getRow(1).getCell(4).value = 'fixdCost';
    });
    expect(await workbookError(typo)).toMatch(
      /, sheet nodes: row 1, column fixdCost: a known column \(did you mean fixedCost\?\)/,
    );

    const arc = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('arcs')!.getRow(3).getCell(2).value = 'C3';
    });
    expect(await workbookError(arc)).toMatch(
      /, sheet arcs: row 3, column to: a node id, got "C3" \(did you mean C1\?\)/,
    );

    const sheet = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('nodes')!.name = 'node';
    });
    expect(await workbookError(sheet)).toBe(
      `${sheet}: sheet node: a known sheet name (did you mean nodes?) (sheets: network, products, nodes, echelons, options, conversions, inventory, arcs, arc-rules, groups)`,
    );

    const formula = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('nodes')!.getRow(2).getCell(5).value = { formula: '100*3' } as ExcelJS.CellFormulaValue;
    });
    expect(await workbookError(formula)).toMatch(/, sheet nodes: row 2, column 5: a formula with a saved result/);

    const manifest = await edited(CONTRACT, (wb) => {
      wb.getWorksheet('network')!.getRow(3).getCell(2).value = '["u",';
    });
    expect(await workbookError(manifest)).toMatch(/, sheet network: row 3, column value: JSON/);
  });

  it('a formula with a saved result reads as its value; comment rows and empty rows are skipped', async () => {
    const file = await edited(CONTRACT, (wb) => {
      const ws = wb.getWorksheet('nodes')!;
      ws.getRow(2).getCell(5).value = { formula: '100*3', result: 300 } as ExcelJS.CellFormulaValue;
      ws.addRow([]);
      ws.addRow(['# a note the planner left']);
    });
    expect(await readNetworkWorkbook(file)).toEqual(CONTRACT);
  });
});

async function readHeader(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return (wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).slice(1).map(String);
}

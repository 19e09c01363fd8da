import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors.js';
import { TABLE_FILES } from './csv-folder.js';
import { documentFromTablesChecked, type NetworkTables, type TableKey } from './csv-document.js';
import { cellError, didYouMean, tableFromRecords, type CsvRow } from './csv-table.js';
import { documentTables } from './document-tables.js';

/** The sheet holding the manifest's fields: columns `field` and `value`, one row per field. */
export const MANIFEST_SHEET = 'network';

/** Sheet names by table: the CSV folder's file names without `.csv` (nodes, arc-rules, ...). */
export const TABLE_SHEETS = Object.fromEntries(
  Object.entries(TABLE_FILES).map(([k, f]) => [k, f.replace(/\.csv$/, '')]),
) as Record<TableKey, string>;

/** Whether a path names a workbook rlnd reads. */
export const isWorkbookFile = (file: string): boolean => /\.xlsx$/i.test(file);

/** The name messages use for a sheet: `file, sheet nodes` (then row and column follow). */
const sheetLabel = (file: string, sheet: string): string => `${file}, sheet ${sheet}`;

/** The text of a cell as a CSV reader would see it; formulas give their cached result. */
function cellText(value: ExcelJS.CellValue, label: string, row: number, col: number): string {
  const at = { file: label, row, column: `${col}` };
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) throw cellError(at, `a number or text, got a date (${value.toISOString().slice(0, 10)})`);
  if ('error' in value) throw cellError(at, `a value, got the spreadsheet error ${value.error}`);
  if ('richText' in value)
    return value.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (result === undefined)
      throw cellError(at, 'a formula with a saved result (open and save the workbook in a spreadsheet program)');
    return cellText(result, label, row, col);
  }
  if ('text' in value) return String(value.text).trim();
  throw cellError(at, 'a number or text');
}

/** A sheet's non-empty rows as cell texts, comment rows (`#` first) skipped, rows numbered as shown. */
function sheetRows(ws: ExcelJS.Worksheet, label: string): CsvRow[] {
  const out: CsvRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value, label, r, c));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0 || cells[0]!.startsWith('#')) return;
    out.push({ row: r, cells });
  });
  return out;
}

/** The manifest sheet's fields: a number cell is a number, text starting with `{` or `[` is JSON, other text is text. */
function manifestFields(ws: ExcelJS.Worksheet, label: string): Record<string, unknown> {
  const table = tableFromRecords(sheetRows(ws, label), label);
  const [f, v] = [table.header.indexOf('field'), table.header.indexOf('value')];
  if (f < 0 || v < 0 || table.header.length !== 2)
    throw new InputError(label, 'row 1', `the two columns field and value, got ${table.header.join(', ')}`);
  const out: Record<string, unknown> = {};
  for (const row of table.rows) {
    const key = row.cells[f] ?? '';
    if (key === '') throw cellError({ file: label, row: row.row, column: 'field' }, 'a field name');
    if (Object.hasOwn(out, key))
      throw cellError({ file: label, row: row.row, column: 'field' }, `one row per field (${key} is given twice)`);
    const raw = ws.getRow(row.row).getCell(v + 1).value;
    const text = row.cells[v] ?? '';
    if (typeof raw === 'number' || typeof raw === 'boolean') out[key] = raw;
    else if (/^[[{]/.test(text)) {
      try {
        out[key] = JSON.parse(text) as unknown;
      } catch (err) {
        throw cellError({ file: label, row: row.row, column: 'value' }, `JSON (${(err as Error).message})`);
      }
    } else out[key] = text;
  }
  return out;
}

/**
 * Reads a network workbook (.xlsx): a `network` sheet with the manifest's fields and one sheet per
 * table, named as the CSV folder's files without `.csv` (docs/network.md "Workbook"), into the
 * document a `.json` file holds, through the same table code as a CSV folder. Errors name the
 * sheet, row and column.
 */
export async function readNetworkWorkbook(file: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      'file',
      code ? `a readable workbook (${code})` : `an .xlsx workbook (${(err as Error).message})`,
    );
  }
  const names = wb.worksheets.map((ws) => ws.name);
  const sheetNames = [MANIFEST_SHEET, ...Object.values(TABLE_SHEETS)];
  for (const name of names)
    if (!sheetNames.includes(name))
      throw new InputError(
        file,
        `sheet ${name}`,
        `a known sheet name${didYouMean(name, sheetNames)} (sheets: ${sheetNames.join(', ')})`,
      );
  const manifestWs = wb.getWorksheet(MANIFEST_SHEET);
  if (!manifestWs)
    throw new InputError(file, `sheet ${MANIFEST_SHEET}`, 'a sheet named network with the fields (problem, name, ...)');
  const manifest = manifestFields(manifestWs, sheetLabel(file, MANIFEST_SHEET));
  const read: NetworkTables = {};
  for (const [key, sheet] of Object.entries(TABLE_SHEETS) as [TableKey, string][]) {
    const ws = wb.getWorksheet(sheet);
    if (ws) read[key] = tableFromRecords(sheetRows(ws, sheetLabel(file, sheet)), sheetLabel(file, sheet));
  }
  return documentFromTablesChecked(manifest, read, sheetLabel(file, MANIFEST_SHEET));
}

/**
 * Writes a network document as a workbook readNetworkWorkbook reads back to the same document:
 * the manifest's fields on the `network` sheet (objects and arrays as JSON text), the tables on
 * their sheets, numbers as number cells.
 */
export async function writeNetworkWorkbook(doc: Readonly<Record<string, unknown>>, file: string): Promise<void> {
  const { manifest, tables } = documentTables(doc);
  const wb = new ExcelJS.Workbook();
  // Fixed dates, so writing the same document twice gives the same workbook contents.
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  wb.creator = 'rlnd';
  const m = wb.addWorksheet(MANIFEST_SHEET);
  m.addRow(['field', 'value']);
  for (const [k, v] of Object.entries(manifest))
    m.addRow([
      k,
      typeof v === 'number' || typeof v === 'boolean'
        ? v
        : typeof v === 'string' && !/^[[{]/.test(v)
          ? v
          : JSON.stringify(v),
    ]);
  for (const [key, sheet] of Object.entries(TABLE_SHEETS) as [TableKey, string][]) {
    const t = tables[key];
    if (!t) continue;
    const ws = wb.addWorksheet(sheet);
    ws.addRow([...t.header]);
    for (const r of t.rows) ws.addRow(r.map((c) => (c === '' ? null : c)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  await wb.xlsx.writeFile(file);
}

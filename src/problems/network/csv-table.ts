import { parse } from 'csv-parse/sync';
import { InputError } from '../../core/errors.js';
import { nearestName } from '../../core/validation.js';

/** One data row of a CSV table: its spreadsheet row number (header = row 1) and its cells. */
export interface CsvRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A parsed CSV table: the file name used in messages, the header and the data rows. */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Parses the text of one CSV table (comma-separated, UTF-8, BOM accepted, cells trimmed; lines
 * starting with `#` and rows with only empty cells are skipped). Rows are numbered as a
 * spreadsheet shows them, so a message's "row 7" is the row the user sees.
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new InputError(file, e.lines ? `row ${e.lines}` : 'CSV syntax', e.message);
  }
  return tableFromRecords(
    records.map(({ record, info }) => ({ cells: record, row: info.lines })),
    file,
  );
}

/**
 * A table from its non-empty rows (cells trimmed, comment rows dropped), the first being the
 * header: the checks every table source shares (CSV file, workbook sheet), so both report alike.
 */
export function tableFromRecords(records: readonly CsvRow[], file: string): CsvTable {
  if (records.length === 0) throw new InputError(file, 'row 1', 'a header row naming the columns');
  const [head, ...body] = records;
  const header = head!.cells;
  const seen = new Map<string, number>();
  header.forEach((name, j) => {
    if (name === '')
      throw new InputError(file, `row ${head!.row}, column ${j + 1}`, 'a column name (the header cell is empty)');
    if (seen.has(name))
      throw new InputError(
        file,
        `row ${head!.row}, column ${name}`,
        `a column named once (also column ${seen.get(name)! + 1})`,
      );
    seen.set(name, j);
  });
  const rows = body.map(({ cells, row }) => {
    for (let j = header.length; j < cells.length; j++) {
      if (cells[j] !== '')
        throw new InputError(
          file,
          `row ${row}`,
          `at most ${header.length} cells (one per header column), got "${cells[j]}" in cell ${j + 1}`,
        );
    }
    return { row, cells: cells.slice(0, header.length) };
  });
  return { file, header, rows };
}

/** Where a value came from: a file, a row, a column (column absent: the whole row). */
export interface CellRef {
  readonly file: string;
  readonly row: number;
  readonly column?: string;
}

/** An InputError naming the file, row and column of a cell. */
export function cellError(ref: CellRef, expected: string): InputError {
  return new InputError(
    ref.file,
    ref.column === undefined ? `row ${ref.row}` : `row ${ref.row}, column ${ref.column}`,
    expected,
  );
}

/** " (did you mean X?)" for the known name nearest to `name`, or "" when none is close. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const near = nearestName(name, known);
  return near === null ? '' : ` (did you mean ${near}?)`;
}

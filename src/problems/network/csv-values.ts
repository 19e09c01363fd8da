import { strictNumber } from '../../core/validation.js';
import { cellError, type CellRef } from './csv-table.js';

/** What a number cell may hold; the ranges are the schema's (schema.ts), checked per cell here. */
export type NumberKind = 'nonNeg' | 'finite' | 'positive' | 'count' | 'lat' | 'lon';

const EXPECTED: Record<NumberKind, string> = {
  nonNeg: 'a number >= 0',
  finite: 'a number',
  positive: 'a number > 0',
  count: 'an integer >= 0',
  lat: 'a latitude in [-90, 90]',
  lon: 'a longitude in [-180, 180]',
};

function inRange(v: number, kind: NumberKind): boolean {
  switch (kind) {
    case 'nonNeg':
      return v >= 0;
    case 'finite':
      return true;
    case 'positive':
      return v > 0;
    case 'count':
      return v >= 0 && Number.isInteger(v);
    case 'lat':
      return Math.abs(v) <= 90;
    case 'lon':
      return Math.abs(v) <= 180;
  }
}

/** A number cell (non-empty), range-checked; the error names the cell and quotes what it holds. */
export function numberCell(text: string, kind: NumberKind, ref: CellRef): number {
  // Plain decimal or scientific notation only: "27,022", "1e", "0x1F" or "12 kg" are errors, not guesses.
  const v = strictNumber(text);
  if (!Number.isFinite(v) || !inRange(v, kind)) throw cellError(ref, `${EXPECTED[kind]}, got "${text}"`);
  return v;
}

/** A yes/no cell: true/false, yes/no or 1/0 (any case). */
export function booleanCell(text: string, ref: CellRef): boolean {
  const t = text.toLowerCase();
  if (t === 'true' || t === 'yes' || t === '1') return true;
  if (t === 'false' || t === 'no' || t === '0') return false;
  throw cellError(ref, `true or false, got "${text}"`);
}

/** A list cell: ids separated by `;` (commas separate cells, so they cannot separate a list). */
export function listCell(text: string, ref: CellRef): string[] {
  const items = text.split(';').map((s) => s.trim());
  if (items.some((s) => s === '')) throw cellError(ref, `ids separated by ";" (no empty item), got "${text}"`);
  return items;
}

/** A cell that must be one of a few words. */
export function enumCell<T extends string>(text: string, options: readonly T[], ref: CellRef): T {
  if (!options.includes(text as T)) throw cellError(ref, `one of ${options.join(', ')}, got "${text}"`);
  return text as T;
}

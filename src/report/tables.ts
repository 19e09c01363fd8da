import type { Row } from '../experiments/summaries.js';

/** Formats a cell: rounded numbers, blanks for null. */
export function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) return String(v);
    return Math.abs(v) >= 1000 ? v.toFixed(2) : String(Number(v.toPrecision(4)));
  }
  return v.replace(/\|/g, '\\|');
}

/** A GitHub-flavoured markdown table of rows (columns from the union of keys). */
export function markdownTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '_(none)_\n';
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const lines = [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map((k) => (typeof rows[0]![k] === 'number' ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const r of rows) lines.push(`| ${keys.map((k) => cell(r[k])).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

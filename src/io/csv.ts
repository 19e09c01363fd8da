/** Quotes a CSV field when needed (RFC 4180). */
function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Flat rows to CSV with a header from the union of keys (first-seen order). */
export function toCsv(rows: readonly Readonly<Record<string, unknown>>[]): string {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return [keys.join(','), ...rows.map((r) => keys.map((k) => field(r[k])).join(','))].join('\n') + '\n';
}

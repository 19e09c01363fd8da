import { appendFile, mkdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A line of a JSON-lines file that is not a JSON object (1-based line number, raw text). */
export interface CorruptLine {
  readonly line: number;
  readonly text: string;
  readonly error: string;
}

/** Records of a JSON-lines file and the lines that were not JSON objects. */
export interface JsonlContents<T> {
  readonly records: T[];
  readonly corrupt: CorruptLine[];
}

/**
 * Reads a JSON-lines file written by {@link appendLine}. A trailing line without its newline is
 * what a killed process leaves; it is dropped, and with `repair` cut off the file so the next
 * append starts on a fresh line. Any other line that is not a JSON object (with `key`, when
 * given, as a string) is returned in `corrupt` with its line number: never skipped silently.
 */
export async function readJsonlChecked<T>(
  file: string,
  options: { repair?: boolean; key?: string } = {},
): Promise<JsonlContents<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], corrupt: [] };
    throw err;
  }
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length && options.repair) await truncate(file, Buffer.byteLength(text.slice(0, end)));
  const records: T[] = [];
  const corrupt: CorruptLine[] = [];
  text
    .slice(0, end)
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        corrupt.push({ line: i + 1, text: line, error: (err as Error).message });
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        corrupt.push({ line: i + 1, text: line, error: 'not a JSON object' });
      else if (options.key !== undefined && typeof (value as Record<string, unknown>)[options.key] !== 'string')
        corrupt.push({ line: i + 1, text: line, error: `no string '${options.key}'` });
      else records.push(value as T);
    });
  return { records, corrupt };
}

/** The records of a JSON-lines file (see {@link readJsonlChecked}; corrupt lines are left out). */
export async function readJsonl<T>(file: string, options: { repair?: boolean } = {}): Promise<T[]> {
  return (await readJsonlChecked<T>(file, options)).records;
}

/** One warning line per corrupt line, and a count. */
export function corruptWarnings(file: string, corrupt: readonly CorruptLine[]): string[] {
  return corrupt.map((c) => `${file}: line ${c.line}: not a valid record (${c.error}); skipped`);
}

/**
 * Moves the corrupt lines of a JSON-lines file to `<name>.corrupt.jsonl` (appended, with their
 * line numbers) and rewrites the file without them, so pandas and rlnd can read it again.
 */
export async function moveCorruptLines(file: string, corrupt: readonly CorruptLine[]): Promise<string> {
  const aside = file.replace(/\.jsonl$/, '') + '.corrupt.jsonl';
  if (corrupt.length === 0) return aside;
  const bad = new Set(corrupt.map((c) => c.line));
  const text = await readFile(file, 'utf8');
  const kept = text
    .split('\n')
    .filter((_, i) => !bad.has(i + 1))
    .join('\n');
  await appendFile(
    aside,
    corrupt
      .map(
        (c) =>
          `${JSON.stringify({ file, line: c.line, text: c.text, error: c.error, movedAt: new Date().toISOString() })}\n`,
      )
      .join(''),
  );
  await writeAtomic(file, kept);
  return aside;
}

/** Appends one complete line with a single write, so a kill leaves either the whole line or none of it. */
export async function appendLine(file: string, value: unknown): Promise<void> {
  await appendFile(file, `${JSON.stringify(value)}\n`);
}

/** Writes a file atomically (temp file + rename), creating folders as needed. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

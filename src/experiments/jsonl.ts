import { appendFile, mkdir, readFile, rename, truncate, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Reads a JSON-lines file written by {@link appendLine}. A trailing line without its newline is
 * what a killed process leaves; it is dropped, and with `repair` cut off the file so the next
 * append starts on a fresh line.
 */
export async function readJsonl<T>(file: string, options: { repair?: boolean } = {}): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length && options.repair) await truncate(file, Buffer.byteLength(text.slice(0, end)));
  const out: T[] = [];
  for (const line of text.slice(0, end).split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // A damaged middle line (never written by rlnd) is skipped rather than failing the resume.
    }
  }
  return out;
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

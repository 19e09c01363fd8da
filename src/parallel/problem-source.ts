import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readNetworkFolder } from '../problems/network/csv-folder.js';
import { isWorkbookFile, readNetworkWorkbook } from '../problems/network/workbook.js';
import type { LoadOptions } from '../problems/problem-kind.js';

/**
 * How a worker rebuilds a problem: the instance file's text, its name (for the reader's choice
 * and messages) and the load options. Plain data, so it can be posted to a worker thread.
 */
export interface ProblemSource {
  readonly file: string;
  readonly text: string;
  readonly options: LoadOptions;
}

/** Cache key of a source. */
export function sourceKey(s: ProblemSource): string {
  return `${s.file}\u0000${JSON.stringify(s.options)}\u0000${s.text.length}\u0000${s.text.slice(0, 64)}`;
}

/**
 * The source of an instance path: a file's text, or for a CSV folder its document as JSON (named
 * `<folder>/network.json`, so workers read it with the JSON reader); a workbook likewise (`<file>.xlsx.json`).
 */
export async function readProblemSource(file: string, options: LoadOptions): Promise<ProblemSource> {
  if ((await stat(file).catch(() => null))?.isDirectory())
    return { file: join(file, 'network.json'), text: JSON.stringify(await readNetworkFolder(file)), options };
  if (isWorkbookFile(file))
    return { file: `${file}.json`, text: JSON.stringify(await readNetworkWorkbook(file)), options };
  return { file, text: await readFile(file, 'utf8'), options };
}

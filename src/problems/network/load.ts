import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import { readNetworkFolder } from './csv-folder.js';
import type { NetworkInstance } from './instance.js';
import { networkFromData, networkFromText } from './reader.js';
import { isWorkbookFile, readNetworkWorkbook } from './workbook.js';

/** Reads a network from a JSON or YAML file, a CSV folder with its manifest, or an .xlsx workbook. */
export async function loadNetwork(file: string): Promise<NetworkInstance> {
  if ((await stat(file).catch(() => null))?.isDirectory()) return networkFromData(await readNetworkFolder(file), file);
  if (isWorkbookFile(file)) return networkFromData(await readNetworkWorkbook(file), file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      file,
      'file',
      `a readable network file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  return networkFromText(text, file);
}

/** Whether a file or folder holds a network (a folder, a workbook, YAML, or JSON with "problem": "network"). */
export async function isNetworkSource(file: string): Promise<boolean> {
  if ((await stat(file).catch(() => null))?.isDirectory() || isWorkbookFile(file)) return true;
  if (/\.ya?ml$/i.test(file)) return true;
  if (!file.endsWith('.json')) return false;
  const text = await readFile(file, 'utf8').catch(() => '');
  return /"problem"\s*:\s*"network"/.test(text.slice(0, 2000));
}

import { readFile } from 'node:fs/promises';
import { InputError } from '../../core/errors.js';
import type { NetworkInstance } from '../../problems/network/instance.js';
import { networkFromData, parseNetworkText } from '../../problems/network/reader.js';
import { getProblemKind } from '../../problems/registry.js';

/**
 * Reads the network instance a study works on (JSON or YAML). A file of another kind fails as
 * `rlnd solve` fails on it (a retired kind names the `rlnd convert` command), or says that the
 * study needs a network.
 */
export async function readStudyNetwork(file: string): Promise<NetworkInstance> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      file,
      'file',
      `a readable instance file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  const data = parseNetworkText(text, file);
  const kind =
    typeof data === 'object' && data !== null && 'problem' in data
      ? String((data as { problem: unknown }).problem)
      : 'facility-location';
  if (kind !== 'network') {
    getProblemKind(kind, file);
    throw new InputError(
      file,
      'problem',
      `"network" (this study reads network instances), got ${JSON.stringify(kind)}`,
    );
  }
  return networkFromData(data, file);
}

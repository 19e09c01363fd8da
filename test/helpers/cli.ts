import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './fixtures.js';

const run = promisify(execFile);

/** What one CLI call printed, and its exit code. */
export interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs the built CLI (npm test builds first) from the repository root; never throws on exit codes. */
export async function rlnd(...args: string[]): Promise<CliOutput> {
  try {
    const { stdout, stderr } = await run('node', [`${ROOT}bin/rlnd.js`, ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 2 ** 20,
    });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

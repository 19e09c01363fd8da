import yargs, { type Argv } from 'yargs';
import { InfeasibleInstanceError, InputError, ModelTooLargeError } from '../core/errors.js';
import { COMMANDS } from './commands.js';
import { EXIT } from './exit-codes.js';

// File-system errors are the user's (a path, a permission, a full disk), not rlnd's: one line.
const USER_FS_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOSPC',
  'EROFS',
  'EMFILE',
  'ENAMETOOLONG',
  'ELOOP',
]);

/** The one line printed for an error, and the exit code; null for an unexpected error (a bug). */
export function userErrorLine(err: unknown): string | null {
  if (err instanceof InputError || err instanceof InfeasibleInstanceError || err instanceof ModelTooLargeError)
    return err.message;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (err instanceof Error && typeof code === 'string' && USER_FS_CODES.has(code)) {
    const e = err as NodeJS.ErrnoException;
    return `${e.path ?? 'file'}: ${e.syscall ?? 'access'}: ${code}`;
  }
  return null;
}

/**
 * rlnd's command line. User errors print one line and exit 1; an unexpected error prints one
 * line and exits 3; `--debug` adds the stack trace to either.
 */
export async function main(args: string[]): Promise<void> {
  const debug = args.includes('--debug');
  let cli: Argv = yargs(args)
    .scriptName('rlnd')
    .strict()
    .demandCommand(1)
    .help()
    .version(false)
    .option('debug', { type: 'boolean', global: true, describe: 'print the stack trace of an error' });
  for (const command of COMMANDS) cli = command(cli);
  try {
    await cli
      .fail((msg, err) => {
        // yargs words some messages over several lines ("Invalid values:\n  Argument: ..."): keep one.
        throw err ?? new InputError('command line', 'arguments', msg.replace(/\s*\n\s*/g, ' '));
      })
      .parseAsync();
  } catch (err) {
    const line = userErrorLine(err);
    console.error(
      `rlnd: ${line ?? `internal error: ${firstLine(err)}${debug ? '' : ' (run with --debug for the stack trace)'}`}`,
    );
    if (debug && err instanceof Error && err.stack) console.error(err.stack);
    process.exitCode = line !== null ? EXIT.input : EXIT.internal;
  }
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return text.split('\n')[0]!;
}

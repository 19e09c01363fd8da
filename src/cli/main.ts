import yargs from 'yargs';
import { InfeasibleInstanceError, InputError } from '../core/errors.js';
import { COMMANDS } from './commands.js';

/** rlnd's command line. User errors print one line and exit 1; no stack trace. */
export async function main(args: string[]): Promise<void> {
  let cli = yargs(args).scriptName('rlnd').strict().demandCommand(1).help().version(false);
  for (const command of COMMANDS) cli = command(cli);
  try {
    await cli.fail((msg, err) => {
      throw err ?? new InputError('command line', 'arguments', msg);
    }).parseAsync();
  } catch (err) {
    if (err instanceof InputError || err instanceof InfeasibleInstanceError) {
      console.error(`rlnd: ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

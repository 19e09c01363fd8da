import type { Argv } from 'yargs';
import { solveCommand } from './solve-command.js';

/** Every CLI command; a new command adds one line here. */
export const COMMANDS: ReadonlyArray<(y: Argv) => Argv> = [
  solveCommand,
];

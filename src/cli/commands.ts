import type { Argv } from 'yargs';
import { mergeCommand } from './merge-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { solveCommand } from './solve-command.js';

/** Every CLI command; a new command adds one line here. */
export const COMMANDS: ReadonlyArray<(y: Argv) => Argv> = [
  solveCommand,
  runCommand,
  mergeCommand,
  reportCommand,
];

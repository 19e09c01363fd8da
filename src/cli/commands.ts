import type { Argv } from 'yargs';
import { clusterCommand } from './cluster-command.js';
import { convertCommand } from './convert-command.js';
import { generateCommand } from './generate-command.js';
import { loadDistanceCommand } from './load-distance-command.js';
import { mapCommand } from './map-command.js';
import { mergeCommand } from './merge-command.js';
import { paretoCommand } from './pareto-command.js';
import { reportCommand } from './report-command.js';
import { runCommand } from './run-command.js';
import { saaCommand } from './saa-command.js';
import { solveCommand } from './solve-command.js';
import { technoEconomicsCommand } from './techno-economics-command.js';
import { verifyCommand } from './verify-command.js';

/** Every CLI command; a new command adds one line here. */
export const COMMANDS: ReadonlyArray<(y: Argv) => Argv> = [
  solveCommand,
  clusterCommand,
  generateCommand,
  verifyCommand,
  runCommand,
  mergeCommand,
  reportCommand,
  loadDistanceCommand,
  technoEconomicsCommand,
  mapCommand,
  convertCommand,
  paretoCommand,
  saaCommand,
];

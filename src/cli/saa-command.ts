import { readFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../core/errors.js';
import { Field } from '../core/fields.js';
import { readSaaBlock } from '../experiments/saa-block.js';
import { saaOnFile } from '../experiments/saa-local.js';
import { formatSaa } from './format-saa.js';
import { numberOption, stringOption, threadsOption } from './options.js';

/**
 * `rlnd saa <network> --factors <file>`: sample average approximation with statistical bounds on
 * one network. The factors file holds an experiment SAA block's keys (`parameters`, and
 * optionally n, replications, evaluation, seed, solver, timeLimit, params, values); flags override them.
 */
export function saaCommand(y: Argv): Argv {
  return y.command(
    'saa <file>',
    'SAA bounds and the optimality-gap interval of a two-stage network design',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'network instance (.json/.yaml)' })
        .option('factors', {
          type: 'string',
          demandOption: true,
          describe: 'YAML/JSON file: parameters (group -> distribution, per), and optionally the SAA block keys',
        })
        .option('n', { type: 'string', describe: 'scenarios per SAA problem, or a list: 5,10,20 (default 10)' })
        .option('replications', { type: 'string', describe: 'SAA replications M (default 10)' })
        .option('evaluation', { type: 'string', describe: "evaluation sample N' (default 1000)" })
        .option('seed', { type: 'string', describe: 'sampling seed (default 1)' })
        .option('solver', { type: 'string', choices: ['milp', 'lshaped', 'hybrid'], describe: 'SAA problem solver' })
        .option('time-limit', { type: 'string', describe: 'seconds per SAA problem' })
        .option('mip-rel-gap', { type: 'string', describe: 'milp: relative gap tolerance of each SAA problem' })
        .option('values', { type: 'boolean', describe: 'also WS / EEV / VSS / EVPI on the candidate sample' })
        .option('threads', { type: 'string', describe: 'worker threads (default: available cores)' })
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object' }),
    async (argv) => {
      const factorsFile = stringOption('--factors', argv.factors)!;
      const data = await readFactors(factorsFile);
      const n = stringOption('--n', argv.n);
      const flag = (name: string, raw: unknown) =>
        numberOption(name, raw as string | undefined, { integer: true, min: name === '--seed' ? 0 : 2 });
      const nList = n?.split(',').map((x) => numberOption('--n', x, { integer: true, min: 1 })!);
      const replications = flag('--replications', argv.replications);
      const evaluation = flag('--evaluation', argv.evaluation);
      const seed = flag('--seed', argv.seed);
      const timeLimit = numberOption('--time-limit', argv['time-limit'], { above: 0 });
      const gap = numberOption('--mip-rel-gap', argv['mip-rel-gap'], { min: 0 });
      // The solver in its object form, the flags over the file's keys.
      const { timeLimit: fileTime, params: fileParams, solver: fileSolver, ...rest } = data;
      const base: Record<string, unknown> =
        typeof fileSolver === 'object' && fileSolver !== null
          ? { ...(fileSolver as object) }
          : { name: fileSolver ?? 'milp', timeLimit: fileTime, params: fileParams };
      if (argv.solver !== undefined) base.name = argv.solver;
      if (timeLimit !== undefined) base.timeLimit = timeLimit;
      if (gap !== undefined) base.params = { ...((base.params as object | undefined) ?? {}), mipRelGap: gap };
      const merged = {
        n: 10,
        replications: 10,
        evaluation: 1000,
        values: false,
        ...rest,
        solver: Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)),
        ...(nList ? { n: nList } : {}),
        ...(replications !== undefined ? { replications } : {}),
        ...(evaluation !== undefined ? { evaluation } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(argv.values !== undefined ? { values: argv.values } : {}),
        name: 'cli',
        method: 'saa',
      };
      const block = readSaaBlock(new Field(factorsFile, '', merged), []);
      const threads = threadsOption(argv.threads, (m) => console.error(m));
      const outcomes = await saaOnFile(argv.file, block, threads, factorsFile);
      console.log(
        argv.json
          ? JSON.stringify({ instance: argv.file, analyses: outcomes }, null, 2)
          : formatSaa(argv.file, outcomes),
      );
    },
  );
}

/** The factors file as an object (YAML or JSON). */
async function readFactors(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      file,
      'file',
      `a readable factors file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new InputError(file, 'syntax', `valid YAML/JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InputError(file, '(top level)', 'an object with parameters: {group: distribution}');
  for (const k of ['name', 'method', 'instances'])
    if (k in data) throw new InputError(file, k, `no ${k} in a factors file (that is an experiment block's)`);
  return data as Record<string, unknown>;
}

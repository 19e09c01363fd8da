import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import type { InstanceGenerator } from '../problems/problem-kind.js';
import { instanceGenerators } from '../problems/registry.js';

/** `ccPerCluster` -> `cc-per-cluster`: a generator parameter's CLI option. */
const optionName = (param: string): string => param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `rlnd generate <name> --<param> ... --seed S --out file`: one sub-command built from a generator's plain data. */
function generatorCommand(y: Argv, g: InstanceGenerator): Argv {
  return y.command(
    g.name,
    g.description,
    (a) => {
      let b = a;
      for (const p of g.params)
        b = b.option(optionName(p.name), {
          type: typeof p.default === 'number' ? 'number' : 'string',
          default: p.default,
          describe: p.describe,
          ...(p.choices ? { choices: p.choices } : {}),
        });
      return b
        .option('seed', { type: 'number', default: 1 })
        .option('name', { type: 'string', describe: 'instance name (default from the parameters)' })
        .option('out', { type: 'string', describe: 'output file (default: JSON on stdout)' });
    },
    async (argv) => {
      const params = Object.fromEntries(g.params.map((p) => [p.name, argv[optionName(p.name)] as number | string]));
      const text = g.generate(params, argv.seed, argv.name || undefined, argv.out ?? 'stdout.json');
      if (argv.out) await writeFile(argv.out, text);
      else process.stdout.write(text);
    },
  );
}

/** `rlnd generate <name> ...`: write a seeded random instance; one sub-command per generator of the problem kinds. */
export function generateCommand(y: Argv): Argv {
  const generators = instanceGenerators();
  return y.command('generate', 'write a seeded random instance (rlnd generate <name> --help)', (a) => {
    let b = a;
    for (const g of generators) b = generatorCommand(b, g);
    return b.demandCommand(1, `name a generator: ${generators.map((g) => g.name).join(', ')}`);
  });
}

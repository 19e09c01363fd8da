import type { Argv } from 'yargs';
import { mergeResults } from '../experiments/merge.js';
import { checkOutputFolder, stringOption } from './options.js';

/** `rlnd merge <dirs...> --out dir`: combine shard outputs into one result folder. */
export function mergeCommand(y: Argv): Argv {
  return y.command(
    'merge <dirs..>',
    'merge result folders (e.g. shards) into one',
    (a) =>
      a
        .positional('dirs', {
          type: 'string',
          array: true,
          demandOption: true,
          describe: 'result folders, e.g. results/x/shards/*',
        })
        .option('out', { type: 'string', demandOption: true, describe: 'merged result folder' }),
    async (argv) => {
      const out = stringOption('--out', argv.out)!;
      checkOutputFolder('--out', out);
      const s = await mergeResults(argv.dirs as string[], out);
      for (const w of s.warnings) console.error(`warning: ${w}`);
      console.error(
        `merged ${s.runs} runs (${s.duplicates} duplicates dropped${s.corrupt > 0 ? `, ${s.corrupt} corrupt lines skipped` : ''}) and ${s.stochastic} stochastic analyses into ${out}`,
      );
    },
  );
}

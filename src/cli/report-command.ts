import type { Argv } from 'yargs';
import { writeReport } from '../report/write-report.js';
import { checkOutputFolder, stringOption } from './options.js';

/** `rlnd report <results>`: markdown + CSV summaries and SVG plots of an experiment's results. */
export function reportCommand(y: Argv): Argv {
  return y.command(
    'report <results>',
    'summarise an experiment folder (tables, CSV, SVG plots)',
    (a) =>
      a
        .positional('results', {
          type: 'string',
          demandOption: true,
          describe: 'result folder, e.g. results/quickstart',
        })
        .option('out', { type: 'string', describe: 'report folder (default <results>/report)' })
        .option('html', {
          type: 'boolean',
          default: false,
          describe: 'also write report.html: one self-contained page (sortable tables, interactive charts)',
        }),
    async (argv) => {
      const out = stringOption('--out', argv.out);
      if (out !== undefined) checkOutputFolder('--out', out);
      const s = await writeReport(argv.results, out, { html: argv.html });
      for (const w of s.warnings) console.error(`warning: ${w}`);
      console.error(
        `report of ${s.runs} runs${s.warnings.length > 0 ? ` (${s.warnings.length} corrupt lines skipped)` : ''}: ${s.dir}/report.md${argv.html ? ` and report.html` : ''} (${s.files.length} files)`,
      );
    },
  );
}

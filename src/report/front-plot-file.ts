import { basename } from 'node:path';
import { writeAtomic } from '../experiments/jsonl.js';
import type { ParetoFront } from '../pareto/epsilon-constraint.js';
import { carbonPricePlot, carbonPriceRows, frontPlot, frontPointRows } from './front-plots.js';
import { htmlReport } from './html-report.js';

/**
 * Writes the plot of `rlnd pareto --plot <file>`: an .svg file gets the front plot and, beside it,
 * `<name>-carbon-price.svg`; an .html file one page with both charts and the two tables.
 * Resolves with the files written.
 */
export async function writeFrontPlot(file: string, f: ParetoFront): Promise<string[]> {
  const title = `Cost / emission front: ${f.instance}`;
  const front = frontPlot(basename(file), title, f);
  const price = carbonPricePlot('carbon-price.svg', `Carbon price: ${f.instance}`, f);
  if (/\.html?$/i.test(file)) {
    await writeAtomic(
      file,
      htmlReport(title, [
        { title: 'Front', rows: frontPointRows(f), plots: [front] },
        { title: 'Carbon-price intervals', rows: carbonPriceRows(f), plots: [price] },
      ]),
    );
    return [file];
  }
  const second = file.replace(/(\.svg)?$/i, '-carbon-price.svg');
  await writeAtomic(file, front.svg);
  await writeAtomic(second, price.svg);
  return [file, second];
}

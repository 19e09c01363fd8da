import { join } from 'node:path';
import { readJsonlChecked } from '../experiments/jsonl.js';
import { PARETO_FILE } from '../experiments/pareto-jobs.js';
import type { ParetoRecord } from '../experiments/pareto-record.js';
import type { Row } from '../experiments/summaries.js';
import { kneeIndex } from '../pareto/knee.js';
import { carbonPricePlot, carbonPriceRows, frontPlot, frontPointRows, nominalPoint } from './front-plots.js';
import type { Plot } from './plot-data.js';

/** The fronts part of a report: its tables (key, title, rows), plots, and the records read. */
export interface ParetoReport {
  readonly fronts: readonly ParetoRecord[];
  readonly tables: readonly [string, string, Row[]][];
  readonly plots: readonly Plot[];
  readonly corrupt: readonly { readonly line: number; readonly text: string; readonly error: string }[];
}

const fileSafe = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/**
 * The fronts of a result folder's pareto.jsonl, sorted by key (the report does not depend on the
 * order fronts finished in): a summary row per front, the points and carbon-price intervals as
 * tables, and per front a cost-vs-emissions plot and a carbon-price plot.
 */
export async function paretoReport(resultsDir: string): Promise<ParetoReport> {
  const read = await readJsonlChecked<ParetoRecord>(join(resultsDir, PARETO_FILE), { key: 'key' });
  const fronts = read.records.sort((a, b) => (a.key < b.key ? -1 : 1));
  const id = (r: ParetoRecord): Row => ({ block: r.block, instance: r.instance, seed: r.seed });
  const summary: Row[] = fronts.map((r) => {
    const knee = kneeIndex(r.points);
    const nominal = nominalPoint(r);
    return {
      ...id(r),
      method: r.method,
      points: r.points.length,
      supported: r.points.filter((p) => p.supported).length,
      breakpoints: r.carbonPrice.breakpoints.length,
      idealCost: r.ideal.cost,
      idealEmissions: r.ideal.emissions,
      nadirCost: r.nadir.cost,
      nadirEmissions: r.nadir.emissions,
      hypervolumeNormalized: r.hypervolumeNormalized,
      kneeCost: knee === null ? null : r.points[knee]!.cost,
      kneeEmissions: knee === null ? null : r.points[knee]!.emissions,
      nominalTax: r.carbonPrice.nominalTax,
      nominalCost: nominal?.cost ?? null,
      nominalEmissions: nominal?.emissions ?? null,
      maxGap: r.points.some((p) => p.gap === null) ? null : Math.max(0, ...r.points.map((p) => p.gap ?? 0)),
      certified: r.certified ? 1 : 0,
      problemsSolved: r.problemsSolved,
      runtimeSeconds: r.runtimeSeconds,
    };
  });
  const plots = fronts.flatMap((r) => {
    const name = fileSafe(`${r.block}-${r.instance}-s${r.seed}`);
    const label = `${r.block} / ${r.instance} / seed ${r.seed}`;
    return [
      frontPlot(`pareto-front-${name}.svg`, `Cost / emission front: ${label}`, r),
      carbonPricePlot(`pareto-carbon-price-${name}.svg`, `Carbon price: ${label}`, r),
    ];
  });
  return {
    fronts,
    tables: [
      ['pareto-fronts', 'Cost / emission fronts: one row per front (pareto block x instance x seed)', summary],
      [
        'pareto-points',
        'Front points (supported, knee, nominal design, certificate)',
        fronts.flatMap((r) => frontPointRows(r, id(r))),
      ],
      [
        'pareto-carbon-price',
        'Carbon-price intervals: the supported point optimal over each range of prices',
        fronts.flatMap((r) => carbonPriceRows(r, id(r))),
      ],
    ],
    plots,
    corrupt: read.corrupt,
  };
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { toCsv } from '../io/csv.js';
import { corruptWarnings, readJsonlChecked, writeAtomic } from '../experiments/jsonl.js';
import type { RunRecord, StochasticRecord } from '../experiments/records.js';
import {
  flatRun,
  instanceSummary,
  methodSummary,
  sensitivityRows,
  sortRuns,
  stochasticSummary,
  type Row,
} from '../experiments/summaries.js';
import { htmlReport, type HtmlSection } from './html-report.js';
import { plotOf } from './plot-data.js';
import { gapBoxes, gapVsTime, profilePlots, sensitivityCurves, siteOpening, type Plot } from './plots.js';
import { PROFILE_TARGET_GAP, profileProblems, profileRows } from './profiles.js';
import { networkMaps, type ReportMap } from './report-maps.js';
import { fittedExponent, milpFrontier, runSize, scalingPlots, scalingRows } from './scaling.js';
import { markdownTable } from './tables.js';
import { paretoReport } from './pareto-report.js';
import { isSaaRecord, type SaaRecord } from '../experiments/saa-types.js';
import { saaPlots, saaRows, saaValueRows } from './saa-report.js';

/** Smallest ratio of largest to smallest instance size for which a report gets a scaling section. */
const SCALING_SPAN = 4;

/** What a report writes besides markdown, CSV and SVG. */
export interface ReportOptions {
  /** Also write report.html: one self-contained page with sortable tables and Vega-Lite charts. */
  readonly html?: boolean;
  /** Maps drawn in the HTML report (default: the best nominal solution of each network instance with coordinates). */
  readonly maps?: readonly ReportMap[];
}

/** WS <= RP <= EEV per stochastic analysis (the bounds behind EVPI and VSS), as a grouped bar chart. */
function stochasticBounds(analyses: readonly StochasticRecord[]): Plot | null {
  const withAll = analyses.filter((a) => a.ws !== null && a.rp !== null && a.eev !== null);
  if (withAll.length === 0) return null;
  const fig = (k: 'ws' | 'rp' | 'eev'): number[] => withAll.map((a) => a[k]!);
  return plotOf('stochastic-bounds.svg', 'Stochastic bounds: WS <= RP <= EEV', {
    kind: 'bar',
    xLabel: 'scenario block / instance',
    yLabel: 'expected cost',
    categories: withAll.map((a) => `${a.block} / ${a.instance}`),
    series: [
      { name: 'WS (wait and see)', values: fig('ws') },
      { name: 'RP (two-stage)', values: fig('rp') },
      { name: 'EEV (expected-value design)', values: fig('eev') },
    ],
  });
}

/** Files a report wrote. */
export interface ReportSummary {
  readonly dir: string;
  readonly runs: number;
  readonly files: readonly string[];
  /** One line per corrupt line of runs.jsonl / stochastic.jsonl (skipped, counted). */
  readonly warnings: readonly string[];
}

/** Per-scenario stochastic figures, one row per scenario of each analysis. */
function stochasticScenarioRows(analyses: readonly StochasticRecord[]): Row[] {
  return analyses.flatMap((a) => a.perScenario.map((p) => ({ set: a.block, instance: a.instance, ...p })));
}

/**
 * Writes `<results>/report/`: report.md (tables and plot links), CSV summaries, runs.csv and
 * SVG plots. Runs are sorted by run id first, so the report does not depend on the order in
 * which workers finished.
 */
export async function writeReport(
  resultsDir: string,
  outDir = join(resultsDir, 'report'),
  options: ReportOptions = {},
): Promise<ReportSummary> {
  const file = join(resultsDir, 'runs.jsonl');
  // A folder of fronts only (pareto blocks, no methods) has pareto.jsonl and no runs; an SAA-only experiment
  // (nominal: false) writes stochastic.jsonl and no runs.
  if (
    !existsSync(file) &&
    !existsSync(join(resultsDir, 'pareto.jsonl')) &&
    !existsSync(join(resultsDir, 'stochastic.jsonl'))
  )
    throw new InputError(resultsDir, 'runs.jsonl', 'a result folder written by `rlnd run` or `rlnd merge`');
  const runsRead = await readJsonlChecked<RunRecord>(file, { key: 'runId' });
  const stochFile = join(resultsDir, 'stochastic.jsonl');
  const stochRead = await readJsonlChecked<StochasticRecord>(stochFile, { key: 'key' });
  const warnings = [...corruptWarnings(file, runsRead.corrupt), ...corruptWarnings(stochFile, stochRead.corrupt)];
  const runs = sortRuns(runsRead.records);
  const sorted = stochRead.records.sort((a, b) => (a.key < b.key ? -1 : 1));
  // SAA lines (kind 'saa') share stochastic.jsonl with the two-stage analyses.
  const saa = sorted.filter((a): a is StochasticRecord & SaaRecord => isSaaRecord(a));
  const analyses = sorted.filter((a) => !isSaaRecord(a));
  const fronts = await paretoReport(resultsDir);
  warnings.push(...corruptWarnings(join(resultsDir, 'pareto.jsonl'), fronts.corrupt));
  const name = runs[0]?.experiment ?? fronts.fronts[0]?.experiment ?? resultsDir;
  const tables: [string, string, Row[]][] = [
    ['summary', 'Summary per scenario set, instance group and method (gaps in % of the optimum)', methodSummary(runs)],
    ['instances', 'Nominal instances', instanceSummary(runs)],
    [
      'stochastic',
      'Stochastic scenarios: cost distribution; regret of the nominal optimal design; WS / EEV / RP / VSS / EVPI',
      stochasticSummary(runs, analyses),
    ],
    [
      'stochastic-scenarios',
      'Per stochastic scenario: optimum, cost of the nominal, expected-value and two-stage designs',
      stochasticScenarioRows(analyses),
    ],
    ['sensitivity', 'Sensitivity (mean objective over seeds per level)', sensitivityRows(runs)],
    [
      'saa',
      'SAA bounds (95%): lower bound over M replications, upper bound on N scenarios, Mak-Morton-Wood gap interval [0, gapIntervalUpper], candidate design',
      saaRows(saa),
    ],
    ['saa-values', 'VSS and EVPI on the SAA candidate sample (WS / RP / EEV)', saaValueRows(saa)],
  ];
  // A scaling section only for experiments that span sizes (at least a factor of 4).
  const sizes = runs.map(runSize).filter((s): s is number => s !== null);
  const scaling = sizes.length > 0 && Math.max(...sizes) >= SCALING_SPAN * Math.min(...sizes) ? scalingRows(runs) : [];
  tables.push(...fronts.tables);
  if (scaling.length > 0) tables.push(['scaling', 'Scaling: per instance size and method (nominal runs)', scaling]);
  const problems = profileProblems(runs);
  const target = `${100 * PROFILE_TARGET_GAP}%`;
  if (problems.length > 0)
    tables.push([
      'profiles',
      `Performance profiles over ${problems.length} problems (nominal instance x seed): time to a ${target} gap, final gap, primal integral (s) and mean primal gap over the longest run of each problem`,
      profileRows(problems),
    ]);
  const plots: Plot[] = [
    gapVsTime(runs),
    gapBoxes(runs),
    ...sensitivityCurves(tables[4]![2]),
    ...siteOpening(runs),
    ...(scaling.length ? scalingPlots(runs) : []),
    stochasticBounds(analyses),
    ...saaPlots(saa),
    ...profilePlots(problems),
    ...fronts.plots,
  ].filter((p): p is Plot => p !== null);
  const written: string[] = [];
  const put = async (f: string, text: string): Promise<void> => {
    await writeAtomic(join(outDir, f), text);
    written.push(f);
  };
  await put('runs.csv', toCsv(runs.map(flatRun)));
  const md: string[] = [
    `# Experiment ${name}`,
    '',
    `${runs.length} runs; ${runs.filter((r) => r.status === 'error').length} errors. Gap to optimum = (objective - optimum) / optimum, against a published optimum or the MILP solved to optimality; where the MILP hit its limit the gap is left blank and the run records its gap to the MILP incumbent and bound (runs.csv).`,
    '',
  ];
  for (const [key, title, rows] of tables) {
    if (rows.length === 0) continue;
    await put(`${key}.csv`, toCsv(rows));
    md.push(`## ${title}`, '', markdownTable(rows), `CSV: [${key}.csv](${key}.csv)`, '');
  }
  if (scaling.length > 0) {
    const f = milpFrontier(scaling);
    md.push(
      `MILP: every run optimal up to size ${f.lastFinished ?? '-'}; first size with an unfinished run: ${f.firstUnfinished ?? 'none'}.`,
    );
    for (const m of [...new Set(scaling.map((r) => String(r.method)))]) {
      const pts = runs
        .filter((r) => r.method.label === m && r.scenario.kind === 'nominal' && runSize(r) !== null)
        .map((r) => ({ size: runSize(r)!, seconds: r.runtimeSeconds }));
      const e = fittedExponent(pts);
      if (e !== null)
        md.push(
          `Fitted time exponent of ${m}: time ~ size^${e.toFixed(2)} (least squares on log-log, ${pts.length} runs).`,
        );
    }
    md.push('');
  }
  const notes = analyses.filter((a) => a.note).map((a) => `- ${a.block} / ${a.instance}: ${a.note}`);
  if (notes.length) md.push('Notes:', ...notes, '');
  if (plots.length) md.push('## Plots', '');
  for (const p of plots) {
    await put(p.file, p.svg);
    md.push(`### ${p.title}`, '', `![${p.title}](${p.file})`, '');
  }
  await put('report.md', md.join('\n'));
  if (options.html) {
    // Each plot goes with the table it illustrates; gap plots open the page.
    const home = (p: Plot): string =>
      p.file.startsWith('sensitivity-')
        ? 'sensitivity'
        : p.file.startsWith('scaling-')
          ? 'scaling'
          : p.file.startsWith('sites-') || p.file.startsWith('stochastic-')
            ? 'stochastic'
            : p.file.startsWith('saa-')
              ? 'saa'
              : p.file.startsWith('profile-') || p.file.startsWith('primal-')
                ? 'profiles'
                : p.file.startsWith('pareto-')
                  ? 'pareto-fronts'
                  : 'gaps';
    const sections: HtmlSection[] = [
      { title: 'Gap to optimum', text: [md[2]!], plots: plots.filter((p) => home(p) === 'gaps') },
      ...tables
        .filter(([, , rows]) => rows.length > 0)
        .map(([key, title, rows]) => ({ title, rows, plots: plots.filter((p) => home(p) === key) })),
    ];
    const maps = options.maps ?? (await networkMaps(runs, (m) => warnings.push(m)));
    if (maps.length > 0) sections.push({ title: 'Maps: best solution per network instance', svgs: maps });
    await put('report.html', htmlReport(`Experiment ${name}`, sections));
  }
  return { dir: outDir, runs: runs.length, files: written, warnings };
}

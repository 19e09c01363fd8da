import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scatterPlot, type Series } from '../../report/svg-plot.js';

/**
 * The West Java sensitivity table: for each instance, block and level, the number of points
 * opened, the total cost and which dealers open or close against the nominal run. The runner's
 * report plots cost against the multiplier; the design differences are what this adds.
 */

/** The fields of a runs.jsonl record this table reads (see docs/experiments.md). */
export interface SensitivityRun {
  readonly instance: { readonly label: string };
  readonly method: { readonly label: string };
  readonly scenario: {
    readonly kind: string;
    readonly set?: string | null;
    readonly levels: Readonly<Record<string, number>>;
  };
  readonly status: string;
  readonly objective: number | null;
  readonly open: readonly string[];
}

/** One row of the table. */
export interface SensitivityRow {
  instance: string;
  method: string;
  block: string;
  parameter: string;
  level: number;
  status: string;
  open: number | null;
  cost: number | null;
  costChangePct: number | null;
  opened: string[];
  closed: string[];
}

const byId = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

/** Rows for every sensitivity run, compared with the nominal run of the same instance and method. */
export function sensitivityTable(runs: readonly SensitivityRun[]): SensitivityRow[] {
  const key = (r: SensitivityRun): string => `${r.instance.label}\u0000${r.method.label}`;
  const nominal = new Map(runs.filter((r) => r.scenario.kind === 'nominal').map((r) => [key(r), r]));
  const rows: SensitivityRow[] = [];
  for (const r of runs) {
    if (r.scenario.kind !== 'sensitivity') continue;
    const [parameter, level] = Object.entries(r.scenario.levels)[0] ?? ['?', NaN];
    const base = nominal.get(key(r));
    const solved = r.objective !== null;
    const baseOpen = new Set(base?.open ?? []);
    const open = new Set(r.open);
    rows.push({
      instance: r.instance.label,
      method: r.method.label,
      block: r.scenario.set ?? parameter,
      parameter,
      level,
      status: r.status,
      open: solved ? r.open.length : null,
      cost: r.objective,
      costChangePct: solved && base?.objective ? (100 * (r.objective! - base.objective)) / base.objective : null,
      opened: solved && base ? [...open].filter((s) => !baseOpen.has(s)).sort(byId) : [],
      closed: solved && base ? [...baseOpen].filter((s) => !open.has(s)).sort(byId) : [],
    });
  }
  return rows.sort((a, b) => byId(a.instance, b.instance) || byId(a.block, b.block) || a.level - b.level);
}

/** The table as markdown, one section per instance and block. */
export function sensitivityMarkdown(rows: readonly SensitivityRow[]): string {
  const out: string[] = [];
  let section = '';
  for (const r of rows) {
    const s = `${r.instance} — ${r.block} (${r.method})`;
    if (s !== section) {
      section = s;
      out.push(
        '',
        `### ${s}`,
        '',
        `| ${r.parameter} x | status | points opened | total cost (IDR) | vs nominal | dealers opened | dealers closed |`,
        '| ---: | --- | ---: | ---: | ---: | --- | --- |',
      );
    }
    const cost = r.cost === null ? '-' : Math.round(r.cost).toLocaleString('en-US');
    const pct = r.costChangePct === null ? '-' : `${r.costChangePct >= 0 ? '+' : ''}${r.costChangePct.toFixed(1)}%`;
    out.push(
      `| ${r.level} | ${r.status} | ${r.open ?? '-'} | ${cost} | ${pct} | ${r.opened.join(' ') || '-'} | ${r.closed.join(' ') || '-'} |`,
    );
  }
  return `${out.join('\n').trimStart()}\n`;
}

/**
 * Two summary plots over every instance and block: total cost change against nominal (%) and
 * points opened, each against the multiplier. The runner's report plots cost per block only.
 */
export function sensitivityPlots(rows: readonly SensitivityRow[]): { cost: string; open: string } {
  const groups = new Map<string, SensitivityRow[]>();
  for (const r of rows)
    groups.set(`${r.instance} / ${r.block}`, [...(groups.get(`${r.instance} / ${r.block}`) ?? []), r]);
  const series = (value: (r: SensitivityRow) => number | null): Series[] =>
    [...groups].map(([name, rs]) => ({
      name: name
        .replace(/^west-java-/, '')
        .replace('demand-growth', 'demand')
        .replace('transport-cost', 'transport'),
      points: rs.flatMap((r) => (value(r) === null ? [] : [{ x: r.level, y: value(r)! }])),
    }));
  return {
    cost: scatterPlot({
      title: 'West Java: total cost vs nominal',
      xLabel: 'multiplier',
      yLabel: 'cost change (%)',
      series: series((r) => r.costChangePct),
      lines: true,
    }),
    open: scatterPlot({
      title: 'West Java: points opened',
      xLabel: 'multiplier',
      yLabel: 'points opened',
      series: series((r) => r.open),
      lines: true,
    }),
  };
}

/** Reads `<results>/runs.jsonl` (complete lines only). */
export function readRuns(resultsDir: string): SensitivityRun[] {
  const text = readFileSync(join(resultsDir, 'runs.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim().startsWith('{') && l.trim().endsWith('}'))
    .map((l) => JSON.parse(l) as SensitivityRun);
}

// Run as a script: print the markdown table for a result folder; with a second argument, also
// write west-java-sensitivity-cost.svg and west-java-sensitivity-open.svg into that folder.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = sensitivityTable(readRuns(process.argv[2] ?? 'results/west-java-sensitivity'));
  process.stdout.write(sensitivityMarkdown(rows));
  const svgDir = process.argv[3];
  if (svgDir) {
    const plots = sensitivityPlots(rows);
    writeFileSync(join(svgDir, 'west-java-sensitivity-cost.svg'), plots.cost);
    writeFileSync(join(svgDir, 'west-java-sensitivity-open.svg'), plots.open);
  }
}

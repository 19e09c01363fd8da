import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAA_PARAMETERS_YAML, writeSaaNetwork } from '../experiments/saa-fixture.js';
import { loadConfig } from '../../src/experiments/load-config.js';
import { ExperimentRun } from '../../src/experiments/runner.js';
import { writeReport } from '../../src/report/write-report.js';
import { ROOT, orlibPath } from '../helpers/fixtures.js';

// Runs the compiled worker (dist/experiments/run-worker.js): `npm test` builds first. The browser is
// Debian's chromium, installed by test/setup/chromium.sh when missing (never downloaded by a library).
const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'rlnd-html-'));
const cfg = join(dir, 'html.yaml');
writeFileSync(
  cfg,
  `
name: html
output: ${join(dir, 'out')}
seeds: [1]
instances:
  - file: ${orlibPath('cap41')}
  - file: ${orlibPath('cap71')}
    variant: uflp
  - file: ${ROOT}instances/network/jakarta-rln.json
  - file: ${writeSaaNetwork(dir)}
methods: [milp, hybrid, lagrangian]
scenarios:
  stochastic:
    - name: demand
      count: 2
      seed: 3
      instances: [cap41]
      methods: [milp]
      parameters:
        demand: {distribution: normal, mean: 1, sd: 0.1, per: item}
    - name: fl-saa
      method: saa
      instances: [fl-5x12]
      n: [2, 3]
      replications: 2
      evaluation: 20${SAA_PARAMETERS_YAML}
  sensitivity:
    - name: fixed
      parameter: fixedCost
      values: [0.9, 1.1]
      instances: [cap41]
      methods: [milp]
pareto:
  - name: front
    method: milp
    points: 3
    instances: [jakarta-rln]
`,
);

let browser: Browser;
let html: string;

beforeAll(async () => {
  execFileSync('sh', [`${ROOT}test/setup/chromium.sh`], { stdio: 'inherit' });
  await new ExperimentRun(await loadConfig(cfg), { threads: 2 }).run();
  await writeReport(join(dir, 'out'), join(dir, 'report'), { html: true });
  html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html in headless Chromium', () => {
  it('is self-contained: no external script, style or data', () => {
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toMatch(/sourceMappingURL/);
  });

  it('opens from disk offline with no console error, and every chart renders with marks', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(join(dir, 'report', 'report.html')).href);
    await page.waitForFunction(() => 'rlndChartsDone' in globalThis);
    await page.evaluate(() => (globalThis as unknown as { rlndChartsDone: Promise<unknown> }).rlndChartsDone);
    const charts = await page.evaluate(() => (globalThis as unknown as { rlndCharts: unknown }).rlndCharts);
    expect(charts).toMatchObject({ failed: [] });
    const { expected, rendered } = charts as { expected: number; rendered: number };
    // Gap vs time and boxes, sensitivity, site opening, stochastic bounds, three profiles.
    expect(expected).toBeGreaterThanOrEqual(8);
    expect(rendered).toBe(expected);
    // Each chart container holds an SVG with drawn marks (Vega's mark groups hold paths/symbols).
    const marks = await page.$$eval('.chart', (els) =>
      els.map((e) => e.querySelectorAll('svg .mark-symbol path, svg .mark-line path, svg .mark-rect path').length),
    );
    expect(marks).toHaveLength(expected);
    for (const [k, n] of marks.entries()) expect(n, `chart ${k}`).toBeGreaterThan(0);
    const titles = await page.$$eval('.chart svg .role-title-text', (els) => els.map((e) => e.textContent));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Gap to optimum vs run time',
        'Performance profile: final gap',
        'Mean primal gap over time',
        'Stochastic bounds: WS <= RP <= EEV',
        'Cost / emission front: front / jakarta-rln / seed 1',
        'Carbon price: front / jakarta-rln / seed 1',
        'SAA bounds vs N: fl-saa on fl-5x12',
      ]),
    );
    // The Jakarta network's best solution as an inline SVG map (nodes and lanes drawn).
    const maps = await page.$$eval('figure.map', (els) =>
      els.map((e) => ({
        caption: e.querySelector('figcaption')?.textContent ?? '',
        shapes: e.querySelectorAll('svg circle, svg line, svg path').length,
      })),
    );
    // One map per network instance with coordinates: Jakarta and the SAA block's generated network.
    expect(maps).toHaveLength(2);
    const jakarta = maps.find((m) => /^jakarta-rln/.test(m.caption));
    expect(jakarta?.shapes).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('sorts a table by a numeric column on a header click, and back on a second', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'report', 'report.html')).href);
    const column = async (name: string): Promise<number[]> =>
      page.$$eval(
        'table.sortable',
        (tables, n) => {
          const t = tables.find((x) => [...x.tHead!.rows[0]!.cells].some((c) => c.textContent === n))!;
          const c = [...t.tHead!.rows[0]!.cells].findIndex((h) => h.textContent === n);
          return [...t.tBodies[0]!.rows].map((r) => Number(r.cells[c]!.dataset.v));
        },
        name,
      );
    const header = page.locator('th', { hasText: /^meanPrimalIntegral$/ });
    await header.click();
    const asc = await column('meanPrimalIntegral');
    expect(asc.length).toBeGreaterThanOrEqual(3);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    await header.click();
    const desc = await column('meanPrimalIntegral');
    expect(desc).toEqual([...asc].reverse());
    await page.close();
  });
});

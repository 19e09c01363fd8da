import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Row } from '../experiments/summaries.js';
import type { Plot } from './plot-data.js';
import { cell } from './tables.js';
import { vegaLiteSpec } from './vega-spec.js';

/** One section of the HTML report: a heading, paragraphs, a table, charts or inline SVG (maps). */
export interface HtmlSection {
  readonly title: string;
  readonly text?: readonly string[];
  readonly rows?: readonly Row[];
  readonly plots?: readonly Plot[];
  /** Inline SVG documents (e.g. network maps), shown as they are. */
  readonly svgs?: readonly { readonly title: string; readonly svg: string }[];
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const requireHere = createRequire(import.meta.url);

/**
 * The browser bundle of a package, read from its build folder beside its main entry (the packages
 * export no path to it), without its source-map comment: the page is opened from disk.
 */
function bundle(pkg: string, file: string): string {
  const text = readFileSync(join(dirname(requireHere.resolve(pkg)), file), 'utf8');
  // Inlined in a <script>: a closing tag inside would end it early.
  return text.replace(/\/\/# sourceMappingURL=\S+\s*$/, '').replace(/<\/script/gi, '<\\/script');
}

function table(rows: readonly Row[]): string {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  const head = keys.map((k) => `<th>${esc(k)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${keys
          .map((k) => {
            const v = r[k];
            const num = typeof v === 'number' && Number.isFinite(v);
            return `<td${num ? ` class="num" data-v="${v}"` : ''}>${esc(cell(v).replace(/\\\|/g, '|'))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table class="sortable"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
table{border-collapse:collapse;font-size:13px;margin:.5rem 0 1.5rem;display:block;overflow-x:auto}
th,td{border:1px solid #ccc;padding:3px 6px;white-space:nowrap}th{background:#f3f3f3;cursor:pointer;user-select:none}
th.asc::after{content:" \\25B2"}th.desc::after{content:" \\25BC"}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{margin:1rem 0}.map svg{max-width:100%;height:auto}nav a{margin-right:1rem}`;

// Sorting: click a header; numbers by value, text by locale; blanks last.
const SORT_JS = `document.querySelectorAll('table.sortable').forEach(function(t){
var ths=t.tHead.rows[0].cells;Array.prototype.forEach.call(ths,function(th,c){th.addEventListener('click',function(){
var asc=!th.classList.contains('asc');Array.prototype.forEach.call(ths,function(h){h.classList.remove('asc','desc')});
th.classList.add(asc?'asc':'desc');var b=t.tBodies[0];var rows=Array.prototype.slice.call(b.rows);
var key=function(r){var d=r.cells[c];if(!d)return null;if(d.dataset.v!==undefined)return Number(d.dataset.v);return d.textContent===''?null:d.textContent};
rows.sort(function(x,y){var a=key(x),z=key(y);if(a===null)return z===null?0:1;if(z===null)return -1;
var o=typeof a==='number'&&typeof z==='number'?a-z:String(a).localeCompare(String(z));return asc?o:-o});
rows.forEach(function(r){b.appendChild(r)})})})});`;

// Charts: each spec embedded with the SVG renderer; window.rlndCharts says how many rendered (tests read it).
const EMBED_JS = `var specs=JSON.parse(document.getElementById('rlnd-specs').textContent);
window.rlndCharts={expected:specs.length,rendered:0,failed:[]};
window.rlndChartsDone=Promise.all(specs.map(function(s,k){return vegaEmbed('#chart-'+k,s,{actions:false,renderer:'svg'})
.then(function(){window.rlndCharts.rendered++}).catch(function(e){window.rlndCharts.failed.push(k+': '+e);console.error(e)})}));`;

/**
 * The report as one self-contained HTML page: sortable tables, Vega-Lite charts (vega, vega-lite
 * and vega-embed inlined, so it works offline from disk) and inline SVG maps.
 */
export function htmlReport(title: string, sections: readonly HtmlSection[]): string {
  const specs: unknown[] = [];
  const parts: string[] = [];
  const nav: string[] = [];
  sections.forEach((s, k) => {
    nav.push(`<a href="#s${k}">${esc(s.title)}</a>`);
    parts.push(`<section id="s${k}"><h2>${esc(s.title)}</h2>`);
    for (const p of s.text ?? []) parts.push(`<p>${esc(p)}</p>`);
    if (s.rows && s.rows.length > 0) parts.push(table(s.rows));
    for (const p of s.plots ?? []) {
      if (!p.data) continue;
      parts.push(`<div class="chart" id="chart-${specs.length}"></div>`);
      specs.push(vegaLiteSpec(p.title, p.data));
    }
    for (const m of s.svgs ?? [])
      parts.push(
        `<figure class="map"><figcaption>${esc(m.title)}</figcaption>${m.svg.replace(/^<\?xml[^>]*>\s*/, '')}</figure>`,
      );
    parts.push('</section>');
  });
  const json = JSON.stringify(specs).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${STYLE}</style>
<script>${bundle('vega', 'vega.min.js')}</script>
<script>${bundle('vega-lite', 'vega-lite.min.js')}</script>
<script>${bundle('vega-embed', 'vega-embed.min.js')}</script>
</head><body>
<h1>${esc(title)}</h1>
<nav>${nav.join(' ')}</nav>
${parts.join('\n')}
<script type="application/json" id="rlnd-specs">${json}</script>
<script>${SORT_JS}
${EMBED_JS}</script>
</body></html>
`;
}

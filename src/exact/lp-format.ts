import type { LinearModel } from './linear-model.js';

/** Most LP readers accept lines of a few hundred characters; wrap well below that. */
const MAX_LINE = 120;

/** Makes a name a valid CPLEX-LP identifier (letters, digits and `_.` only, no leading digit). */
export function lpName(name: string): string {
  const clean = name.replace(/[^A-Za-z0-9_.]/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

function num(v: number): string {
  // Shortest round-trip representation; LP format has no exponent issues with JS output.
  return Number.isInteger(v) ? String(v) : String(v);
}

function bound(v: number): string {
  if (v === Infinity) return '+inf';
  if (v === -Infinity) return '-inf';
  return num(v);
}

/** Writes `+ 3 x1 - 2 x2 ...` wrapped at MAX_LINE, starting with `head`. */
function linear(head: string, cols: number[], coefs: number[], names: readonly string[]): string[] {
  const lines: string[] = [];
  let line = head;
  if (cols.length === 0) line += ' 0 ' + (names[0] ?? 'x');
  for (let k = 0; k < cols.length; k++) {
    const c = coefs[k]!;
    const term = `${c < 0 ? '-' : '+'} ${num(Math.abs(c))} ${names[cols[k]!]}`;
    if (line.length + term.length + 1 > MAX_LINE) {
      lines.push(line);
      line = '   ';
    }
    line += ' ' + term;
  }
  lines.push(line);
  return lines;
}

/**
 * Renders a model in CPLEX LP format, readable by HiGHS, CPLEX, Gurobi, CBC and GLPK, so a user
 * can check any rlnd model in another solver. Names are sanitised (see {@link lpName}); the
 * objective constant is written as a fixed variable `obj_offset` because not every reader accepts
 * constants in the objective.
 */
export function toLpText(model: LinearModel): string {
  const names = model.colNames.map(lpName);
  const seen = new Set<string>();
  names.forEach((n, j) => {
    if (seen.has(n)) names[j] = `${n}_c${j}`;
    seen.add(names[j]!);
  });
  const out: string[] = [`\\ rlnd model ${model.name}: ${names.length} columns, ${model.rowNames.length} rows`];
  out.push(model.sense === 'min' ? 'Minimize' : 'Maximize');
  const objCols: number[] = [];
  const objCoefs: number[] = [];
  model.colCost.forEach((c, j) => {
    if (c !== 0) {
      objCols.push(j);
      objCoefs.push(c);
    }
  });
  const offsetName = 'obj_offset';
  const allNames = [...names, offsetName];
  if (model.offset !== 0) {
    objCols.push(names.length);
    objCoefs.push(model.offset);
  }
  out.push(...linear(' obj:', objCols, objCoefs, allNames));
  out.push('Subject To');
  const ranges: string[] = [];
  for (let r = 0; r < model.rowNames.length; r++) {
    const cols: number[] = [];
    const coefs: number[] = [];
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++) {
      cols.push(model.indices[k]!);
      coefs.push(model.values[k]!);
    }
    const lo = model.rowLower[r]!;
    const hi = model.rowUpper[r]!;
    const rname = lpName(model.rowNames[r]!);
    let sense: string;
    let rhs: number;
    if (lo === hi) [sense, rhs] = ['=', lo];
    else if (lo === -Infinity) [sense, rhs] = ['<=', hi];
    else if (hi === Infinity) [sense, rhs] = ['>=', lo];
    else {
      // Ranged row: keep `>= lo` here and add a twin row for the upper side.
      [sense, rhs] = ['>=', lo];
      ranges.push(...linear(` ${rname}_hi:`, cols, coefs, names).concat(`    <= ${num(hi)}`));
    }
    if (lo === -Infinity && hi === Infinity) continue;
    const body = linear(` ${rname}:`, cols, coefs, names);
    body.push(`    ${sense} ${num(rhs)}`);
    out.push(...body);
  }
  out.push(...ranges);
  out.push('Bounds');
  model.colType.forEach((t, j) => {
    const lo = model.colLower[j]!;
    const hi = model.colUpper[j]!;
    if (t === 'binary' && lo === 0 && hi === 1) return;
    if (lo === 0 && hi === Infinity) return;
    if (lo === hi) out.push(` ${names[j]} = ${num(lo)}`);
    else out.push(` ${bound(lo)} <= ${names[j]} <= ${bound(hi)}`);
  });
  if (model.offset !== 0) out.push(` ${offsetName} = 1`);
  const generals = names.filter((_, j) => model.colType[j] === 'integer');
  const binaries = names.filter((_, j) => model.colType[j] === 'binary');
  for (const [head, list] of [
    ['Generals', generals],
    ['Binaries', binaries],
  ] as const) {
    if (list.length === 0) continue;
    out.push(head);
    for (let k = 0; k < list.length; k += 8) out.push(' ' + list.slice(k, k + 8).join(' '));
  }
  out.push('End', '');
  return out.join('\n');
}

import type { Argv } from 'yargs';
import { HighsHandle } from '../exact/highs-handle.js';
import { loadProblem } from '../problems/load-problem.js';
import { verifyByEnumeration, type VerifyReport } from '../verify/enumeration.js';

/**
 * `rlnd verify <file>`: enumerate every design of a small instance, price each exactly, solve
 * the full MILP, and check they agree and every constraint holds. Exit code 3 if they do not.
 */
export function verifyCommand(y: Argv): Argv {
  return y.command(
    'verify <file>',
    'check the MILP optimum against exact enumeration of all designs (small instances)',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'instance file' })
        .option('relax', { type: 'boolean', describe: 'relax integer flows to continuous' })
        .option('variant', {
          type: 'string',
          choices: ['cflp', 'sscflp', 'uflp'],
          describe: 'facility-location variant',
        })
        .option('capacity', {
          type: 'number',
          describe: "capacity for OR-Library files whose capacity is the word 'capacity'",
        })
        .option('max-designs', { type: 'number', default: 4096, describe: 'refuse larger design spaces' })
        .option('top', { type: 'number', default: 10, describe: 'feasible designs to list' })
        .option('json', { type: 'boolean', default: false }),
    async (argv) => {
      const problem = await loadProblem(argv.file, {
        ...(argv.relax !== undefined ? { relax: argv.relax } : {}),
        ...(argv.variant ? { variant: argv.variant } : {}),
        ...(argv.capacity !== undefined ? { capacity: argv.capacity } : {}),
      });
      const handle = await HighsHandle.load();
      const report = await verifyByEnumeration(problem, handle, { maxDesigns: argv['max-designs'] });
      if (argv.json)
        console.log(
          JSON.stringify({
            ...report,
            milp: { ...report.milp, flows: undefined },
            ranking: report.ranking.slice(0, argv.top),
          }),
        );
      else console.log(verifyText(report, argv.top));
      if (!report.agree) process.exitCode = 3;
    },
  );
}

/** The verification laid out like the paper's Table 4 (enumeration vs solver), then the ranking. */
export function verifyText(v: VerifyReport, top = 10): string {
  const fmt = (x: number | null): string =>
    x === null ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: 3 });
  const rows = (n: number | null): string => (n === null ? '-' : `${n}/${v.rows}`);
  const allRows = v.ranking.every((c) => c.rowsSatisfied === v.rows)
    ? `${v.rows}/${v.rows} (all ${v.feasibleDesigns} feasible)`
    : 'see ranking';
  const lines = [
    `${v.instance} — verification by enumeration`,
    `  ${v.designBits} design bits: ${v.bitVectors} bit vectors, ${v.designsEnumerated} satisfy the group rules, ${v.feasibleDesigns} feasible`,
    '',
    `  ${'criterion'.padEnd(22)} ${'enumeration'.padEnd(34)} MILP (${v.milp.status})`,
    `  ${'objective'.padEnd(22)} ${fmt(v.best?.cost ?? null).padEnd(34)} ${fmt(v.milp.objective)}`,
    `  ${'open'.padEnd(22)} ${(v.best?.open.join(' ') ?? '-').padEnd(34)} ${v.milp.open.join(' ')}`,
    `  ${'satisfied constraints'.padEnd(22)} ${allRows.padEnd(34)} ${rows(v.milp.rowsSatisfied)}`,
    `  ${'time'.padEnd(22)} ${`${v.seconds.enumeration.toFixed(2)} s`.padEnd(34)} ${v.seconds.milp.toFixed(2)} s`,
    '',
    `  ${v.agree ? 'AGREE' : 'DISAGREE'}: MILP optimum ${v.agree ? 'equals' : 'differs from'} the enumeration optimum${v.milp.violations.length ? `; MILP violates ${v.milp.violations.slice(0, 3).join('; ')}` : ''}`,
  ];
  if (v.ranking.length > 0) {
    lines.push('', `  best ${Math.min(top, v.ranking.length)} of ${v.feasibleDesigns} feasible designs:`);
    v.ranking
      .slice(0, top)
      .forEach((c, n) =>
        lines.push(
          `  ${String(n + 1).padStart(4)}. ${fmt(c.cost).padStart(14)}  ${rows(c.rowsSatisfied).padStart(9)}  ${c.open.join(' ')}`,
        ),
      );
  }
  return lines.join('\n');
}

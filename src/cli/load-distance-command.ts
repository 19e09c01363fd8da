import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { toCsv } from '../io/csv.js';
import { loadDistance, type LoadDistanceRow } from '../problems/java-recycling/load-distance.js';
import { readJavaInstance } from '../problems/java-recycling/read-instance.js';

/**
 * `rlnd load-distance <file>`: rank collection-centre cities as recycling-facility sites by the
 * load-distance method, over the whole island (paper Table 3) and per area (Table 4).
 */
export function loadDistanceCommand(y: Argv): Argv {
  return y.command(
    'load-distance <file>',
    'rank candidate recycling sites by the load-distance method (java-recycling instances)',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'java-recycling instance (.json)' })
        .option('csv', { type: 'string', describe: 'also write the rows to this CSV file' })
        .option('json', { type: 'boolean', default: false, describe: 'print the rows as JSON' }),
    async (argv) => {
      const inst = await readJavaInstance(argv.file);
      const whole = loadDistance(inst, false);
      const hasAreas = inst.centres.some((c) => c.area !== undefined);
      const byArea = hasAreas ? loadDistance(inst, true) : [];
      const rows = [...whole.map((r) => ({ ...r, option: 'single area' })), ...byArea.map((r) => ({ ...r, option: 'by area' }))];
      if (argv.csv) await writeFile(argv.csv, toCsv(rows));
      if (argv.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      console.log(`${inst.name}: load = supply summed over ${inst.periods} periods (kg); distance ${inst.distanceMetric} x ${inst.circuity} (km)`);
      console.log('\nWhole island (first option, cf. paper Table 3)');
      console.log(ldTable(whole));
      for (const area of [...new Set(byArea.map((r) => r.area))]) {
        console.log(`\nArea ${area} (second option, cf. paper Table 4)`);
        console.log(ldTable(byArea.filter((r) => r.area === area)));
      }
    },
  );
}

/** Rows in input order with the load-distance value (kg·km) and the rank. */
export function ldTable(rows: readonly LoadDistanceRow[]): string {
  const lines = ['  rank  candidate     latitude, longitude      load-distance (kg·km)'];
  for (const r of rows) {
    const ll = `${r.lat.toFixed(5)}, ${r.lon.toFixed(5)}`;
    lines.push(`  ${String(r.rank).padStart(4)}  ${r.candidate.padEnd(12)}  ${ll.padEnd(22)}  ${r.loadDistance.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).padStart(22)}`);
  }
  return lines.join('\n');
}

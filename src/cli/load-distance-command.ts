import { writeFile } from 'node:fs/promises';
import type { Argv } from 'yargs';
import { toCsv } from '../io/csv.js';
import { loadDistance, supplyNodes, type LoadDistanceRow } from '../studies/java-recycling/load-distance.js';
import { readStudyNetwork } from '../studies/java-recycling/read-network.js';

/**
 * `rlnd load-distance <network file>`: rank the supplying nodes (collection-centre cities) as
 * facility sites by the load-distance method, over all of them (Kasy et al. Table 3) and per
 * cluster (Table 4).
 */
export function loadDistanceCommand(y: Argv): Argv {
  return y.command(
    'load-distance <file>',
    'rank supplying nodes as facility sites by the load-distance method (Kasy et al. study on a network)',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'network instance (.json, .yaml)' })
        .option('echelon', {
          type: 'string',
          describe: 'echelon of the nodes to rank (default: every node with a supply)',
        })
        .option('csv', { type: 'string', describe: 'also write the rows to this CSV file' })
        .option('json', { type: 'boolean', default: false, describe: 'print the rows as JSON' }),
    async (argv) => {
      const inst = await readStudyNetwork(argv.file);
      const whole = loadDistance(inst, false, argv.echelon);
      const hasAreas = supplyNodes(inst, argv.echelon).some((n) => n.cluster !== undefined);
      const byArea = hasAreas ? loadDistance(inst, true, argv.echelon) : [];
      const rows = [
        ...whole.map((r) => ({ ...r, option: 'single area' })),
        ...byArea.map((r) => ({ ...r, option: 'by area' })),
      ];
      if (argv.csv) await writeFile(argv.csv, toCsv(rows));
      if (argv.json) {
        console.log(JSON.stringify(rows));
        return;
      }
      const d = inst.doc.distance;
      console.log(
        `${inst.name}: load = supply summed over ${inst.periods} periods; distance ${d?.metric ?? 'haversine'} x ${d?.circuity ?? 1} (km)`,
      );
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
    lines.push(
      `  ${String(r.rank).padStart(4)}  ${r.candidate.padEnd(12)}  ${ll.padEnd(22)}  ${r.loadDistance.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).padStart(22)}`,
    );
  }
  return lines.join('\n');
}

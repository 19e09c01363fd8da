import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { InputError } from '../core/errors.js';
import { toCsv } from '../io/csv.js';
import { parseDealerPoints } from '../studies/jakarta/dealer-points.js';
import { elbowK, kmeans, silhouette, type KScore } from '../studies/jakarta/kmeans.js';

/**
 * `rlnd cluster <dealers>`: K-means of dealer locations for a range of K, with the elbow (WCSS)
 * and silhouette scores (Bafadal et al. 2025, section 2.2). Writes scores.csv/json and, per K,
 * clusters-k<K>.csv plus all clusterings in clusters.json.
 */
export function clusterCommand(y: Argv): Argv {
  return y.command(
    'cluster <file>',
    'K-means clustering of dealer locations with elbow and silhouette scores',
    (a) =>
      a
        .positional('file', { type: 'string', demandOption: true, describe: 'dealers as .csv (id,lat,lon) or .json' })
        .option('k-min', { type: 'number', default: 2 })
        .option('k-max', { type: 'number', default: 10 })
        .option('seed', { type: 'number', default: 1 })
        .option('restarts', { type: 'number', default: 10, describe: 'k-means++ starts per K (best WCSS kept)' })
        .option('out', { type: 'string', demandOption: true, describe: 'output directory' }),
    async (argv) => {
      let text: string;
      try {
        text = await readFile(argv.file, 'utf8');
      } catch (err) {
        throw new InputError(
          argv.file,
          'file',
          `a readable dealers file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`,
        );
      }
      const dealers = parseDealerPoints(text, argv.file);
      const kMin = argv['k-min'];
      const kMax = argv['k-max'];
      if (!Number.isInteger(kMin) || kMin < 2)
        throw new InputError('--k-min', String(kMin), 'an integer >= 2 (silhouette needs two clusters)');
      if (!Number.isInteger(kMax) || kMax < kMin || kMax >= dealers.length)
        throw new InputError('--k-max', String(kMax), `an integer in [k-min, ${dealers.length - 1}]`);
      // Raw (lat, lon) degrees, as the paper clusters them (scikit-learn on coordinates).
      const points = dealers.map((d) => [d.lat, d.lon]);
      await mkdir(argv.out, { recursive: true });
      const scores: KScore[] = [];
      const all: Record<string, unknown>[] = [];
      for (let k = kMin; k <= kMax; k++) {
        const res = kmeans(points, k, { seed: argv.seed, restarts: argv.restarts });
        const score = { k, wcss: res.wcss, silhouette: silhouette(points, res.assignment, k) };
        scores.push(score);
        const rows = dealers.map((d, i) => ({ id: d.id, lat: d.lat, lon: d.lon, cluster: res.assignment[i]! + 1 }));
        await writeFile(join(argv.out, `clusters-k${k}.csv`), toCsv(rows));
        all.push({
          ...score,
          centroids: res.centroids.map(([lat, lon], c) => ({
            cluster: c + 1,
            lat,
            lon,
            dealers: rows.filter((r) => r.cluster === c + 1).length,
          })),
          assignment: rows.map((r) => r.cluster),
        });
      }
      const bestSilhouette = scores.reduce((b, s) => (s.silhouette > b.silhouette ? s : b)).k;
      const summary = {
        file: argv.file,
        dealers: dealers.length,
        seed: argv.seed,
        restarts: argv.restarts,
        features: 'lat, lon (degrees)',
        elbowK: elbowK(scores),
        bestSilhouetteK: bestSilhouette,
        scores,
      };
      await writeFile(join(argv.out, 'scores.csv'), toCsv(scores.map((s) => ({ ...s }))));
      await writeFile(join(argv.out, 'scores.json'), JSON.stringify(summary, null, 2) + '\n');
      await writeFile(
        join(argv.out, 'clusters.json'),
        JSON.stringify({ dealers: dealers.map((d) => d.id), clusterings: all }, null, 1) + '\n',
      );
      console.log(`${dealers.length} dealers, K ${kMin}..${kMax}, seed ${argv.seed}`);
      console.log('   K            WCSS   silhouette');
      for (const s of scores)
        console.log(
          `  ${String(s.k).padStart(2)}  ${s.wcss.toFixed(6).padStart(14)}   ${s.silhouette.toFixed(4).padStart(10)}`,
        );
      console.log(`elbow K = ${summary.elbowK ?? '-'}, best silhouette K = ${bestSilhouette}; written to ${argv.out}`);
    },
  );
}

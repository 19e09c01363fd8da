// Run the simulated-annealing plugin (sa-method.ts) beside the hybrid in an experiment on two
// worker threads, on OR-Library cap41 (published optimum 1,040,444.375, so gaps need no MILP).
//   node sa-experiment.js <output folder>      (run from the repository root)
// The same from the shell: `rlnd run exp.yaml --plugin ./sa-method.js --threads 2`.
import { fileURLToPath } from 'node:url';
import { runExperiment } from 'rlnd';

const out = process.argv[2] ?? 'results/sa-vs-hybrid';
const summary = await runExperiment(
  {
    name: 'sa-vs-hybrid',
    output: out,
    seeds: [1, 2],
    instances: ['instances/orlib-cap/cap41.txt'],
    methods: [
      { name: 'sa', params: { iterations: 120 } },
      { name: 'hybrid', stop: 'iters=30,stall=10' },
    ],
    // The plugin is named by path: every worker thread loads it before its first run.
    plugins: [fileURLToPath(new URL('./sa-method.js', import.meta.url))],
  },
  { threads: 2 },
);
console.log(JSON.stringify({ ran: summary.ran, failed: summary.failed, outDir: summary.outDir }));

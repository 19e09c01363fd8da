// The layer check (npm run lint): no import cycle between files, and imports point down the layer order.
//
// Every top-level folder of src/ has a rank; a file may import from its own folder or from a folder of
// lower rank, never from a higher one or a peer of the same rank. This refines the order of
// docs/style.md (exact < core < (io, search) < (problems, methods, parallel) < solve < pareto
// < experiments < report < cli / studies (and bench)):
//   0   exact        the only door to HiGHS
//   1   core         Problem, Result, stopping, design spaces, runner interfaces, measurement
//   2   io, search   file formats; search parts (rng, operators, design enumeration)
//   3   problems, methods, verify   the three do not import each other
//   3.5 parallel     piscina runners: a worker loads a problem (problems) and runs a method (methods)
//   4   src/solve.ts the one entry point
//   4.5 pareto       multi-objective fronts (below experiments: an experiment's pareto block runs a front)
//   5   experiments  configs, runner, scenarios
//   6   report
//   7   studies      paper reconstructions, re-using generators and solve
//   7.5 api          the public API's wrappers (loadProblem, solve, runExperiment, ...)
//   8   cli, bench   the two front doors
//   9   src/index.ts the library's one entry point: re-exports the public names of api and below
/** @type {Record<string, number>} */
const RANKS = {
  exact: 0,
  core: 1,
  io: 2,
  search: 2,
  problems: 3,
  methods: 3,
  verify: 3,
  parallel: 3.5,
  'solve.ts': 4,
  pareto: 4.5,
  experiments: 5,
  report: 6,
  studies: 7,
  api: 7.5,
  cli: 8,
  bench: 8,
  'index.ts': 9,
};

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A folder's files, or a single file (src/solve.ts, src/index.ts).
const pathOf = (name) => (name.endsWith('.ts') ? `^src/${escapeRegex(name)}$` : `^src/${escapeRegex(name)}/`);

const layerRules = Object.entries(RANKS).flatMap(([name, rank]) => {
  const notBelow = Object.keys(RANKS).filter((other) => other !== name && RANKS[other] >= rank);
  if (notBelow.length === 0) return [];
  return [
    {
      name: `layer-${name.replace('.ts', '')}`,
      comment: `src/${name} (rank ${rank}) may import only its own folder and lower ranks, not ${notBelow.join(', ')}`,
      severity: 'error',
      from: { path: pathOf(name) },
      to: { path: notBelow.map(pathOf) },
    },
  ];
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle between files (type-only imports included: they tie the files just the same).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'highs-only-in-exact',
      comment: 'Only src/exact builds models for HiGHS or calls it (the HiGHS handle is passed in).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/exact/' },
      to: { path: '(^|/)node_modules/highs/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a layer that names a higher layer's types depends on it.
    tsPreCompilationDeps: true,
    // Resolves './x.js' to './x.ts' as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages that name their entry points in package.json `exports` (csv-parse/sync).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

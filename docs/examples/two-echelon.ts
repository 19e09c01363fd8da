// Build a two-echelon reverse-logistics network in code and solve it: four dealers return packs
// (every pack must be collected), three candidate collection centres and two candidate recycling
// plants are opened at a fixed cost, transport costs 1 per unit and unit of distance.
//   npx tsc ... && node two-echelon.js     (run from the repository root; prints JSON)
import { NetworkBuilder, solve, type NetworkNodeSpec } from 'rlnd';

const at = (x: number, y: number) => ({ x, y });
const dealers: NetworkNodeSpec[] = [
  { id: 'D1', echelon: 'dealer', ...at(0, 0), supply: { pack: { exactly: 30 } } },
  { id: 'D2', echelon: 'dealer', ...at(0, 10), supply: { pack: { exactly: 20 } } },
  { id: 'D3', echelon: 'dealer', ...at(10, 0), supply: { pack: { exactly: 25 } } },
  { id: 'D4', echelon: 'dealer', ...at(10, 10), supply: { pack: { exactly: 15 } } },
];
const centres: NetworkNodeSpec[] = [
  { id: 'CC1', echelon: 'collection', ...at(2, 2), fixedCost: 400, capacity: 60 },
  { id: 'CC2', echelon: 'collection', ...at(8, 8), fixedCost: 350, capacity: 50 },
  { id: 'CC3', echelon: 'collection', ...at(5, 5), fixedCost: 600, capacity: 90 },
];
const plants: NetworkNodeSpec[] = [
  { id: 'RP1', echelon: 'recycler', ...at(20, 0), fixedCost: 1500, capacity: 90 },
  { id: 'RP2', echelon: 'recycler', ...at(20, 10), fixedCost: 1200, capacity: 60 },
];
// Recovered material leaves the network at one market, which takes any amount.
const market: NetworkNodeSpec = { id: 'M', echelon: 'market', ...at(30, 5), demand: { pack: { atLeast: 0 } } };

const distance = (a: NetworkNodeSpec, b: NetworkNodeSpec): number =>
  Math.round(Math.hypot((a.x ?? 0) - (b.x ?? 0), (a.y ?? 0) - (b.y ?? 0)) * 100) / 100;

const builder = new NetworkBuilder('two-echelon-demo', ['pack']);
for (const n of [...dealers, ...centres, ...plants, market]) builder.node(n);
const link = (from: NetworkNodeSpec[], to: NetworkNodeSpec[]): void => {
  for (const a of from) for (const b of to) builder.arc({ from: a.id, to: b.id, unitCost: distance(a, b) });
};
link(dealers, centres);
link(centres, plants);
link(plants, [market]);
const problem = builder.build();

const exact = await solve(problem, { method: 'milp' });
const hybrid = await solve(problem, { method: 'hybrid', seed: 1, stop: 'iters=50,stall=10' });
console.log(
  JSON.stringify({
    document: builder.document(),
    sites: problem.space.labels,
    milp: { status: exact.status, objective: exact.objective, open: exact.open, costParts: exact.costParts },
    hybrid: { status: hybrid.status, objective: hybrid.objective, open: hybrid.open },
  }),
);

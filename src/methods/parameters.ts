import { z } from 'zod';

// Each method's declared parameters, as strict zod objects: unknown keys are errors with the
// nearest known key suggested (src/core/validation.ts), wrong types and ranges are named.

const count = z.number().int().min(1);
const share = z.number().gt(0).lt(1);
const rate = z.number().min(0).max(1);

/** Parameters of the subgradient loop (lagrangian, and the hybrid's Lagrangian phase). */
const LAGRANGIAN_SHAPE = {
  maxIterations: count.optional(),
  heuristicEvery: count.optional(),
  patience: count.optional(),
};

/** milp: `mipRelGap` (HiGHS relative gap, default 1e-9), `verbose` (HiGHS log). */
export const MILP_PARAMETERS = z.strictObject({ mipRelGap: rate.optional(), verbose: z.boolean().optional() });

/** lagrangian: iteration cap, heuristic spacing, step-halving patience. */
export const LAGRANGIAN_PARAMETERS = z.strictObject(LAGRANGIAN_SHAPE);

/** ga: population, operators and stopping rules (see src/search/ga.ts for the defaults). */
export const GA_PARAMETERS = z.strictObject({
  populationSize: z.number().int().min(2).optional(),
  crossoverRate: rate.optional(),
  mutationRate: rate.optional(),
  tournamentSize: count.optional(),
  elites: z.number().int().min(0).optional(),
  localSearchEvery: z.number().int().min(0).optional(),
  maxGenerations: count.optional(),
  stallGenerations: count.optional(),
});

/** hybrid: time shares and enumeration limit, its Lagrangian's parameters, its closing VNS (`kMax`, `stallShakes`). */
export const HYBRID_PARAMETERS = z.strictObject({
  ...LAGRANGIAN_SHAPE,
  lagrangianShare: share.optional(),
  enumerateLimit: z.number().int().min(0).optional(),
  kMax: count.optional(),
  stallShakes: count.optional(),
});

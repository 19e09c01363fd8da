import { InputError } from './errors.js';

/** What a stopping criterion sees after each iteration. */
export interface SearchProgress {
  readonly iteration: number;
  readonly elapsedSeconds: number;
  /** Iterations since the best objective last improved. */
  readonly sinceImprovement: number;
  readonly upperBound: number | null;
  readonly lowerBound: number | null;
}

/** A tiny composable stopping rule; `describe` is for logs and result records. */
export interface StoppingCriterion {
  shouldStop(p: SearchProgress): boolean;
  readonly describe: string;
}

/** Stop after `seconds` of wall time. */
export const maxTime = (seconds: number): StoppingCriterion => ({
  shouldStop: (p) => p.elapsedSeconds >= seconds,
  describe: `time=${seconds}`,
});

/** Stop after `n` iterations (generations, subgradient steps). */
export const maxIterations = (n: number): StoppingCriterion => ({
  shouldStop: (p) => p.iteration >= n,
  describe: `iters=${n}`,
});

/** Stop after `n` iterations without improvement of the best objective. */
export const noImprovement = (n: number): StoppingCriterion => ({
  shouldStop: (p) => p.sinceImprovement >= n,
  describe: `stall=${n}`,
});

/** Stop once the relative gap between the bounds is at most `gap`. */
export const targetGap = (gap: number): StoppingCriterion => ({
  shouldStop: (p) =>
    p.upperBound !== null &&
    p.lowerBound !== null &&
    (p.upperBound - p.lowerBound) / Math.max(Math.abs(p.upperBound), 1e-12) <= gap,
  describe: `gap=${gap}`,
});

/** Stops when any of the criteria does. */
export const anyOf = (...criteria: StoppingCriterion[]): StoppingCriterion => ({
  shouldStop: (p) => criteria.some((c) => c.shouldStop(p)),
  describe: criteria.map((c) => c.describe).join(','),
});

const BUILDERS: Record<string, (v: number) => StoppingCriterion> = {
  time: maxTime,
  iters: maxIterations,
  stall: noImprovement,
  gap: targetGap,
};

/**
 * Parses a CLI string such as `time=60,iters=500,stall=50,gap=0.001` into one criterion that
 * stops when any part does.
 */
export function parseStopping(text: string, source = '--stop'): StoppingCriterion {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InputError(source, text, 'at least one of time=S, iters=N, stall=N, gap=G');
  return anyOf(
    ...parts.map((part) => {
      const [key, raw] = part.split('=');
      const build = key ? BUILDERS[key] : undefined;
      const value = Number(raw);
      if (!build)
        throw new InputError(source, part, `a criterion among ${Object.keys(BUILDERS).join(', ')} (e.g. time=60)`);
      if (raw === undefined || !Number.isFinite(value) || value < 0)
        throw new InputError(source, part, `${key}=<number >= 0>`);
      return build(value);
    }),
  );
}

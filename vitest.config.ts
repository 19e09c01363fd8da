import { defineConfig } from 'vitest/config';

// Slow suites (capa/b/c solves, long heuristics) run only with RLND_SLOW=1; see README.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// Slow suites (capa/b/c solves, long heuristics) run only with RLND_SLOW=1; see README.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // npm run test:coverage. Child processes (CLI tests) and pool workers run dist/: not counted.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
  },
});

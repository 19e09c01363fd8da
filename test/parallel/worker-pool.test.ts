import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledWorker } from '../../src/parallel/worker-pool.js';

const SRC = new URL('../../src/', import.meta.url);

describe('compiledWorker', () => {
  it('maps a worker named beside a source file to the same path under dist/', () => {
    const file = compiledWorker(new URL('experiments/run-worker.js', SRC));
    expect(file).toBe(fileURLToPath(new URL('../../dist/experiments/run-worker.js', import.meta.url)));
    expect(existsSync(file)).toBe(true);
  });
  it('keeps a compiled file that exists where it is named', () => {
    const built = new URL('../../dist/pareto/scalar-worker.js', import.meta.url);
    expect(compiledWorker(built)).toBe(fileURLToPath(built));
  });
  it('says to build when neither exists', () => {
    expect(() => compiledWorker(new URL('parallel/no-such-worker.js', SRC))).toThrow(
      /no-such-worker\.js.*npm run build/,
    );
  });
});

import { InputError } from '../../src/core/errors.js';

/** Runs `fn` and returns the InputError it throws; any other outcome fails the test. */
export function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError');
}

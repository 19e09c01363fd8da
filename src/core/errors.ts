/**
 * A problem with the user's input (file, config, option). The CLI prints its message without a
 * stack trace and exits non-zero. Messages name the file, the place in it, and what was expected.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly expected: string,
  ) {
    super(`${file}: ${where}: ${expected}`);
  }
}

/** An instance that provably has no feasible solution, with the reason. */
export class InfeasibleInstanceError extends Error {
  override readonly name = 'InfeasibleInstanceError';
  constructor(
    readonly instance: string,
    readonly reason: string,
  ) {
    super(`${instance} is infeasible: ${reason}`);
  }
}

/** A model too large to build or solve here (the WebAssembly heap is capped at 2 GiB). */
export class ModelTooLargeError extends Error {
  override readonly name = 'ModelTooLargeError';
}

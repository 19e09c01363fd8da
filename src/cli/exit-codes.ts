/** Exit codes of rlnd (documented in the README's CLI section). */
export const EXIT = { ok: 0, input: 1, noSolution: 2, internal: 3, sigint: 130, sigterm: 143 } as const;

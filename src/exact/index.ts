/** The exact layer: the only part of rlnd that builds LP text or calls HiGHS. */
export * from './linear-model.js';
export * from './lp-format.js';
export * from './status.js';
export * from './highs-handle.js';
export * from './solve-model.js';
export * from './persistent-lp.js';
export * from './growing-lp.js';

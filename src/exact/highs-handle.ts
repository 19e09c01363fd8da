import highsLoader, { type Highs } from 'highs';
import type { ModelSolver } from './model-solution.js';

// `highs` ships CommonJS types for an ESM default export; at run time the import is the loader.
const loadHighs = highsLoader as unknown as (typeof import('highs'))['default'];

/** When the WebAssembly heap (capped at 2 GiB, never shrinks) passes this, reload the module. */
const DEFAULT_RECYCLE_BYTES = 1024 * 1024 * 1024;

/** Persistent models kept alive per handle (see {@link HighsHandle.session}). */
const MAX_SESSIONS = 4;

/** Options for a {@link HighsHandle}. */
export interface HighsHandleOptions {
  /** Reload the module once its WebAssembly memory exceeds this many bytes. */
  recycleBytes?: number;
  /**
   * Where `solveModel` sends MILPs (and very large LPs) instead of this thread's module, so this thread
   * stays responsive during them (the CLI's signal handlers): parallel/model-thread.ts. Pricing sessions stay here.
   */
  modelThread?: ModelSolver;
}

/** True for the errors that leave a WebAssembly module unusable (abort, OOM, trap). */
export function isWasmFault(err: unknown): boolean {
  if (err instanceof Error && err.name === 'RuntimeError') return true;
  const msg = err instanceof Error ? err.message : String(err);
  return /RuntimeError|Aborted\(|out of memory|unreachable/i.test(msg);
}

/**
 * One HiGHS WebAssembly module, owned by one thread. It is passed into every exact call (never a
 * global), and it heals itself: after a WebAssembly fault, or once the heap has grown past
 * `recycleBytes` over thousands of solves, it loads a fresh module instead of letting the next
 * call crash. Each worker thread owns exactly one handle.
 */
export class HighsHandle {
  private constructor(
    private module: Highs,
    private readonly recycleBytes: number,
    /** Seconds spent loading the module the first time (reported apart from solve time). */
    readonly loadSeconds: number,
    /** Where `solveModel` sends MILPs (see `HighsHandleOptions.modelThread`), or null: this thread. */
    readonly modelThread: ModelSolver | null = null,
  ) {}

  /** Number of times the module was re-created after a fault or memory growth. */
  reloads = 0;

  /** Changes whenever the module is replaced; persistent models built on the old one are void. */
  get generation(): number {
    return this.reloads;
  }

  /** Loads HiGHS. */
  static async load(options: HighsHandleOptions = {}): Promise<HighsHandle> {
    const t0 = performance.now();
    const module = await loadHighs();
    return new HighsHandle(
      module,
      options.recycleBytes ?? DEFAULT_RECYCLE_BYTES,
      (performance.now() - t0) / 1000,
      options.modelThread ?? null,
    );
  }

  /** HiGHS version string, e.g. `1.15.1`. */
  get version(): string {
    return this.module.version.string;
  }

  /** Current WebAssembly memory capacity in bytes. */
  get memoryBytes(): number {
    return this.module.memoryBytes;
  }

  /**
   * Runs `fn` against the module. A WebAssembly fault reloads the module and retries `fn` once;
   * a second fault is rethrown. Afterwards the heap is checked and the module recycled if large.
   */
  async run<T>(fn: (highs: Highs) => T): Promise<T> {
    let result: T;
    try {
      result = fn(this.module);
    } catch (err) {
      if (!isWasmFault(err)) throw err;
      await this.reload();
      result = fn(this.module);
    }
    if (this.module.memoryBytes > this.recycleBytes) await this.reload();
    return result;
  }

  /** Replaces the module with a fresh one; the old one is left to the garbage collector. */
  async reload(): Promise<void> {
    this.sessions.clear(); // their models lived in the old module's memory
    this.module = await loadHighs();
    this.reloads++;
  }

  /**
   * Disposes every session, so what is priced next does not depend on what was priced before
   * (warm-started LPs return equal-cost alternative optima whose float sums differ in the last
   * bits). `solve` calls it at the start of every run.
   */
  resetSessions(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
  }

  /** Long-lived objects (persistent LPs) kept per key; the least recently used is disposed. */
  private readonly sessions = new Map<object, { dispose(): void }>();

  /**
   * Returns the session stored under `key`, creating it with `create` if absent. At most
   * `MAX_SESSIONS` live at once, so pricing many instances in one thread cannot leak models.
   */
  session<T extends { dispose(): void }>(key: object, create: () => T): T {
    const found = this.sessions.get(key) as T | undefined;
    if (found) {
      this.sessions.delete(key);
      this.sessions.set(key, found);
      return found;
    }
    const made = create();
    this.sessions.set(key, made);
    while (this.sessions.size > MAX_SESSIONS) {
      const [oldKey, old] = this.sessions.entries().next().value as [object, { dispose(): void }];
      old.dispose();
      this.sessions.delete(oldKey);
    }
    return made;
  }
}

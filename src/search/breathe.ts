let last = performance.now();

/** Longest stretch, in ms, a search runs without letting the event loop in. */
const SLICE_MS = 50;

/**
 * Lets the event loop run (signal handlers, worker messages) if it has not for a while. A search
 * awaits only promises that are already resolved between synchronous HiGHS calls, which never
 * yields to the event loop: without this a Ctrl-C handler would wait for the whole search.
 */
export async function breathe(): Promise<void> {
  if (performance.now() - last < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  last = performance.now();
}

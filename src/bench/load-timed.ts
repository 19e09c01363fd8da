import { HighsHandle } from '../exact/highs-handle.js';

/** Loads HiGHS and reports the WebAssembly load time apart from any solve. */
export async function loadTimed(): Promise<{ handle: HighsHandle; loadSeconds: number }> {
  const handle = await HighsHandle.load();
  return { handle, loadSeconds: handle.loadSeconds };
}

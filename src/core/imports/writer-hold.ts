/**
 * A test hook (two-thread pipeline): the writer thread stops right after it has opened a unit's
 * write transaction — so it holds SQLite's write lock — until the test lets it go. Lets a test
 * check what the core does while an import holds the lock without depending on how fast it runs.
 * Int32 slots of the shared buffer: [0] set to 1 by the writer once it holds the lock,
 * [1] set to 1 by the test to let it carry on.
 */
export const HOLDING = 0;
export const RELEASED = 1;

export const createWriterHold = (): SharedArrayBuffer => new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);

/** Writer thread: signals that the lock is held, then blocks this thread until released. */
export function holdWriter(buffer: SharedArrayBuffer): void {
  const slots = new Int32Array(buffer);
  Atomics.store(slots, HOLDING, 1);
  Atomics.notify(slots, HOLDING);
  Atomics.wait(slots, RELEASED, 0);
}

/** Test side: resolves once the writer holds the write lock (an event, not a timeout). */
export async function writerHolding(buffer: SharedArrayBuffer): Promise<void> {
  const slots = new Int32Array(buffer);
  // Node 22 has Atomics.waitAsync; the project's TypeScript lib (ES2022) does not declare it yet.
  const { waitAsync } = Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } };
  const result = waitAsync(slots, HOLDING, 0);
  if (result.async) await result.value;
}

export function releaseWriter(buffer: SharedArrayBuffer): void {
  const slots = new Int32Array(buffer);
  Atomics.store(slots, RELEASED, 1);
  Atomics.notify(slots, RELEASED);
}

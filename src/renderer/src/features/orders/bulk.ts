/** The purchases desk's bulk methods take at most this many orders per call (purchases.ts contract). */
export const BULK_LIMIT = 500;

/** Runs `work` on consecutive parts of at most `size` items, one after the other, in order. */
export async function inChunks<T, R>(items: readonly T[], work: (part: T[]) => Promise<R>, size = BULK_LIMIT): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(await work(items.slice(i, i + size)));
  return out;
}

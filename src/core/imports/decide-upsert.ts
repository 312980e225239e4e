/** What the stored row says about its own age: its export time (known, or the least its file can have had) and progress. */
export type StoredState = { exportTime: number | null; rank: number | null; aftersaleRank: number | null };
/**
 * The same for the incoming line. `exportTime`: the file name's, or null for a file whose name lost
 * it; `eventBound`: for such a file, the latest event time (Unix seconds) read so far in it — a file
 * is exported after everything it records, so its export time is at least this.
 */
export type IncomingState = { exportTime: number | null; eventBound: number | null; rank: number | null; aftersaleRank: number | null };

/**
 * - `unchanged`: same content, nothing written;
 * - `update`: a timed export no older than the stored row replaces it;
 * - `merge`: an undated file provably newer than the stored row fills it in — its values replace the
 *   stored ones, but an empty cell never clears a stored value;
 * - `older`: provably older (a smaller export time, or a status / 售后状态 that would move back);
 * - `undated`: an undated file whose age against the stored row cannot be told: the row is kept.
 */
export type Decision = 'unchanged' | 'update' | 'merge' | 'older' | 'undated';

const lower = (a: number | null, b: number | null): boolean => a !== null && b !== null && a < b;

/**
 * Whether an incoming line may replace the stored row with the same key (pure; the writer counts
 * and applies it). DOUYIN_EXPORTS.md §0.10: "Key rows on 子订单编号 and let the newest export win.
 * The export time is in the file name"; §7: "do not let an older export overwrite a newer status.
 * Use the file-name timestamp, or status order as a fallback".
 * - Both timed: the older one loses, whatever it holds; a timed export over a row whose age is
 *   unknown must not move its status back.
 * - An undated file never overwrites what a timed export set unless it is provably newer: an event
 *   in it later than the stored export time, or its status / 售后状态 strictly further on. A move
 *   back along either (equal ranks included: 已完成 ↔ 已关闭 is no proof either way) is refused.
 */
export function decideUpsert(stored: StoredState, incoming: IncomingState, sameContent: boolean): Decision {
  if (sameContent) return 'unchanged';
  const statusBack = lower(incoming.rank, stored.rank);
  if (incoming.exportTime !== null) {
    if (stored.exportTime !== null) return incoming.exportTime < stored.exportTime ? 'older' : 'update';
    return statusBack ? 'older' : 'update';
  }
  if (statusBack || lower(incoming.aftersaleRank, stored.aftersaleRank)) return 'older';
  const forward = lower(stored.rank, incoming.rank) || lower(stored.aftersaleRank, incoming.aftersaleRank);
  const later = stored.exportTime !== null && incoming.eventBound !== null && incoming.eventBound > stored.exportTime;
  return forward || later ? 'merge' : 'undated';
}

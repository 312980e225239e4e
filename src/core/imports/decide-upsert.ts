/** What the stored row says about its own age. */
export type StoredState = { exportTime: number | null; rank: number | null; lastImportId: number };
/** The same for the incoming line. */
export type IncomingState = { exportTime: number | null; rank: number | null };

export type Decision = 'unchanged' | 'older' | 'update';

/**
 * Whether an incoming line may replace the stored row with the same key (pure; the writer counts
 * and applies it). A newer export wins. An older export never moves a line backwards:
 * - both have an export time (file-name prefix): the older one loses, whatever it holds;
 * - otherwise the order status decides: a lower rank (已发货 → 待发货) is refused, equal or
 *   higher ranks — and kinds or statuses without a rank — update.
 * Identical content is `unchanged` and is not rewritten.
 */
export function decideUpsert(stored: StoredState, incoming: IncomingState, sameContent: boolean): Decision {
  if (sameContent) return 'unchanged';
  if (stored.exportTime !== null && incoming.exportTime !== null) return incoming.exportTime < stored.exportTime ? 'older' : 'update';
  if (stored.rank !== null && incoming.rank !== null && incoming.rank < stored.rank) return 'older';
  return 'update';
}

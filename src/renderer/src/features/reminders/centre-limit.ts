import { CENTRE_LIMIT_DEFAULT, CENTRE_LIMIT_MAX } from '../../../../shared/rpc/domains/reminders';

/** How many more entries each "show more" asks the centre for. */
export const SHOW_MORE_STEP = 100;

/** The centre's first limit: as many as the core sends without one. */
export const FIRST_LIMIT = CENTRE_LIMIT_DEFAULT;

/** The limit after one more "show more": a step higher, never past what the core accepts. */
export const nextLimit = (limit: number): number => Math.min(limit + SHOW_MORE_STEP, CENTRE_LIMIT_MAX);

/**
 * What a list's "more" line says: how many are not shown, and whether asking for more can show
 * them (not past the core's maximum). Null when the whole list is shown.
 */
export function moreLine(total: number, shown: number, limit: number): { hidden: number; canShowMore: boolean } | null {
  const hidden = total - shown;
  if (hidden <= 0) return null;
  return { hidden, canShowMore: limit < CENTRE_LIMIT_MAX };
}

import type { AnalyticsBasis, BreakdownDimension } from '../../../../shared/rpc/domains/analytics';

/**
 * The orders desk's address for a clicked product, province or influencer: its filter, and on the
 * paid basis the range as 支付完成时间 days (the refund basis dates lines by another time, which
 * the desk has no filter for, so there it opens every line of the key).
 */
export function ordersDrillHash(dimension: BreakdownDimension, key: string, range: { from: string; to: string; basis: AnalyticsBasis }): string | null {
  const name = dimension === 'product' ? 'product' : dimension === 'province' ? 'province' : dimension === 'influencer' ? 'influencer' : null;
  if (name === null || key === '') return null;
  const params = new URLSearchParams({ [name]: key });
  if (range.basis === 'paid') {
    params.set('paidFrom', range.from);
    params.set('paidTo', range.to);
  }
  return `#/orders?${params.toString()}`;
}

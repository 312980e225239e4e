import type { DeclineWindows, FellGroup, FellKind } from '../../../../shared/rpc/domains/decline';
import { hashForScreen } from '../../app/hash-route';

/**
 * The orders screen filtered to one group that fell, over both compared windows (paid dates: the
 * orders screen filters by 支付完成时间), or null when the orders screen cannot filter by it. A
 * source opens the 精选联盟 orders (`source=affiliate`) or the self-sold ones (`source=self`): the
 * orders screen has no finer source filter.
 */
export function fellOrdersHash(kind: FellKind, group: Pick<FellGroup, 'key'>, windows: DeclineWindows): string | null {
  const range = { paidFrom: windows.before.from, paidTo: windows.now.to };
  switch (kind) {
    case 'products':
      return /^\d{1,30}$/.test(group.key) ? hashForScreen('orders', { product: group.key, ...range }) : null;
    case 'provinces':
      return group.key === '' ? null : hashForScreen('orders', { province: group.key, ...range });
    case 'influencers':
      return /^\d{1,30}$/.test(group.key) ? hashForScreen('orders', { influencer: group.key, ...range }) : null;
    case 'sources':
      return hashForScreen('orders', { source: group.key === '精选联盟' ? 'affiliate' : 'self', ...range });
  }
}

/** `-52.5%`, or '' without a figure before. */
export const pctText = (pct: number | null): string => (pct === null ? '' : `${pct > 0 ? '+' : ''}${pct}%`);

import { useEffect, useState } from 'react';
import { ORDER_QUEUES, orderFilterSchema, type OrderFilter, type OrderQueue } from '../../../../shared/rpc/domains/orders';

// The links into the orders screen need no schema: they live in hash-links.ts, so Today's first
// paint does not carry the orders contract and zod.
export { ORDERS_QUEUE_OF_ITEM, orderHash, ordersQueueHash } from './hash-links';

/**
 * What `#/orders?…` asks for: Today's queues, the grouped reminders and the morning brief link
 * here with `queue=overdue|due24h|toPurchase|refundBeforeShip|afterSalesOpen`; a single order's
 * reminder with `order=<主订单编号>` (its drawer opens); 看数据 and the decline alert add the fields
 * filterFromHashText reads. Anything else is ignored.
 */
export function filterFromHash(queue: string | null): OrderFilter {
  return queue !== null && (ORDER_QUEUES as readonly string[]).includes(queue) ? { queue: queue as OrderQueue } : {};
}

export const orderFromHash = (order: string | null): string | null => (order !== null && /^\d{1,30}$/.test(order) ? order : null);

/** The filter fields a link may set besides `queue` (the decline alert's groups, the analytics drill-downs). */
const LINK_FIELDS = ['product', 'province', 'influencer', 'source', 'paidFrom', 'paidTo'] as const;

/**
 * The whole filter a `#/orders?…` hash asks for: `queue` as filterFromHash reads it, plus
 * `product`, `province`, `influencer`, `source` and `paidFrom`/`paidTo` where each is a value the
 * filter accepts (anything else in the hash is ignored, never half-applied).
 */
export function filterFromHashText(hash: string): OrderFilter {
  const start = hash.indexOf('?');
  const params = new URLSearchParams(start < 0 ? '' : hash.slice(start + 1));
  const filter: Record<string, string> = {};
  for (const name of LINK_FIELDS) {
    const value = params.get(name);
    if (value !== null && orderFilterSchema.safeParse({ [name]: value }).success) filter[name] = value;
  }
  const parsed = orderFilterSchema.safeParse(filter);
  return { ...(parsed.success ? parsed.data : {}), ...filterFromHash(params.get('queue')) };
}

/** filterFromHashText of the current address, kept current as the hash changes. */
export function useHashFilter(): OrderFilter {
  const [filter, setFilter] = useState(() => filterFromHashText(window.location.hash));
  useEffect(() => {
    const onChange = () => setFilter(filterFromHashText(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return filter;
}

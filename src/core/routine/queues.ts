import type { BlockQueue, DeclineAlert, QueueRow, QueueSource } from '../../shared/rpc/domains/routine';
import { lastSevenDays, orderQueues, type OrdersPicture } from '../orders/orders-picture';
import type { ListingPicture } from '../sourcing/listing-picture';

/** What a queue is computed from: the moment and the pictures of the domains that feed queues. */
export type QueueInput = {
  now: Date;
  today: string;
  orders: OrdersPicture;
  listing?: ListingPicture;
  /** The decline watch's alert (orders/decline-watch.ts); absent or null when nothing fired. */
  decline?: DeclineAlert | null;
};

/** The daily listing target (DOMAIN.md: 10 to 30 new products a day). */
export const LISTING_TARGET = { min: 10, max: 30 } as const;
const ROWS = 5;

const blank = (source: QueueSource): BlockQueue => ({
  source,
  isAvailable: true,
  count: 0,
  items: [],
  rows: [],
  target: null,
  series: null,
  decline: null,
});

/**
 * The generic queue mechanism: a block names its source; the source's domain answers a count and
 * items (and optionally rows, a series, a target). New domains add one entry here.
 */
export const QUEUE_PROVIDERS: Record<QueueSource, (input: QueueInput) => BlockQueue> = {
  orders: ({ now, orders }) => {
    const q = orderQueues(orders, now);
    const rows: QueueRow[] = orders.ship.orders
      .slice(0, ROWS)
      .map((o) => ({
        key: o.orderId,
        title: o.productTitle ?? o.orderId,
        dueAt: o.shipBy?.toISOString() ?? null,
        lines: o.lines,
        tone: o.shipBy === null ? 'info' : o.shipBy <= now ? 'danger' : o.shipBy.getTime() - now.getTime() <= 24 * 3600_000 ? 'warning' : 'info',
      }));
    return {
      ...blank('orders'),
      isAvailable: orders.hasData,
      count: q.toPurchase.orders + q.afterSalesOpen,
      items: [
        { id: 'shipOverdue', count: q.shipOverdue.orders, lines: q.shipOverdue.lines, tone: 'danger' },
        { id: 'shipWithin24h', count: q.shipWithin24h.orders, lines: q.shipWithin24h.lines, tone: 'warning' },
        { id: 'toPurchase', count: q.toPurchase.orders, lines: q.toPurchase.lines, tone: 'info' },
        { id: 'refundBeforeShip', count: q.refundBeforeShip.orders, lines: q.refundBeforeShip.lines, tone: 'danger' },
        { id: 'afterSalesOpen', count: q.afterSalesOpen, lines: null, tone: 'warning' },
      ],
      rows,
    };
  },
  // Products moved to 已上架 today (src/core/sourcing), against the user's target range.
  sourcing: ({ listing }) => ({
    ...blank('sourcing'),
    isAvailable: listing !== undefined,
    count: listing?.listedToday ?? 0,
    items: [{ id: 'listedToday', count: listing?.listedToday ?? 0, lines: null, tone: 'info' }],
    target: listing ? { min: listing.min, max: listing.max } : { ...LISTING_TARGET },
  }),
  data: ({ orders, decline = null }) => {
    const series = lastSevenDays(orders);
    return {
      ...blank('data'),
      isAvailable: orders.hasData,
      count: decline ? 1 : 0,
      items: [{ id: 'ordersYesterday', count: series.at(-2)?.orders ?? 0, lines: null, tone: 'info' }],
      series,
      decline,
    };
  },
};

export const blockQueue = (source: QueueSource | null, input: QueueInput): BlockQueue | null => (source === null ? null : QUEUE_PROVIDERS[source](input));

import { ORDER_QUEUES, type OrderFilter, type OrderQueue } from '../../../../shared/rpc/domains/orders';

/**
 * What `#/orders?…` asks for: Today's queues, the grouped reminders and the morning brief link
 * here with `queue=overdue|due24h|toPurchase|refundBeforeShip|afterSalesOpen`; a single order's
 * reminder with `order=<主订单编号>` (its drawer opens). Anything else in the hash is ignored.
 */
export function filterFromHash(queue: string | null): OrderFilter {
  return queue !== null && (ORDER_QUEUES as readonly string[]).includes(queue) ? { queue: queue as OrderQueue } : {};
}

export const orderFromHash = (order: string | null): string | null => (order !== null && /^\d{1,30}$/.test(order) ? order : null);

/** Today's queue items (`routine.today`) and the orders screen's queue filters they open. */
export const ORDERS_QUEUE_OF_ITEM: Readonly<Record<string, OrderQueue>> = {
  shipOverdue: 'overdue',
  shipWithin24h: 'due24h',
  toPurchase: 'toPurchase',
  afterSalesOpen: 'afterSalesOpen',
};

/** `#/orders?queue=overdue`: the link from Today, the brief and grouped reminders. */
export const ordersQueueHash = (queue: OrderQueue): string => `#/orders?queue=${queue}`;
export const orderHash = (orderId: string): string => `#/orders?order=${encodeURIComponent(orderId)}`;

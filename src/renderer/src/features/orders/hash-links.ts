import type { OrderQueue } from '../../../../shared/rpc/domains/orders';

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

import { ORDER_QUEUES, type OrderFilter, type OrderQueue } from '../../../../shared/rpc/domains/orders';

/** 看数据's drill-downs: a product, province or influencer, with the range as 支付完成时间 days. */
export type DrillParams = { product?: string | null; province?: string | null; influencer?: string | null; paidFrom?: string | null; paidTo?: string | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What `#/orders?…` asks for: Today's queues, the grouped reminders and the morning brief link
 * here with `queue=overdue|due24h|toPurchase|refundBeforeShip|afterSalesOpen`; a single order's
 * reminder with `order=<主订单编号>` (its drawer opens); 看数据 with `product=<商品ID>`,
 * `province=<name>` or `influencer=<达人ID>` and `paidFrom` / `paidTo`. Anything else is ignored.
 */
export function filterFromHash(queue: string | null, drill: DrillParams = {}): OrderFilter {
  const filter: OrderFilter = queue !== null && (ORDER_QUEUES as readonly string[]).includes(queue) ? { queue: queue as OrderQueue } : {};
  if (drill.product && /^\d{1,30}$/.test(drill.product)) filter.product = drill.product;
  if (drill.province && drill.province.length <= 20) filter.province = drill.province;
  if (drill.influencer && /^\d{1,30}$/.test(drill.influencer)) filter.influencer = drill.influencer;
  if (drill.paidFrom && DAY.test(drill.paidFrom)) filter.paidFrom = drill.paidFrom;
  if (drill.paidTo && DAY.test(drill.paidTo) && !(filter.paidFrom && filter.paidFrom > drill.paidTo)) filter.paidTo = drill.paidTo;
  return filter;
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

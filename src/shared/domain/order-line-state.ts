/*
 * Where an order line stands, from the 抖店 order export's texts: one definition for Today's
 * queues, the shipping reminders and the money screen's "售后处理中或未发货" (DOUYIN_EXPORTS.md
 * §3.1 订单状态, §3.2 售后状态). Pure.
 */

/** How an after-sales request stands, from the 售后状态 text (DOUYIN_EXPORTS.md §3.2). */
export type AftersaleState = 'none' | 'open' | 'refunded' | 'kept';

/** §3.2 "Done, money kept: 售后关闭, 售后已拒绝, 换货成功, 补寄成功", with the older and API-era texts for the same states. */
export const AFTERSALE_KEPT = ['售后关闭', '售后已拒绝', '换货成功', '补寄成功', '补寄/换货成功', '退货后拒绝退款', '拒绝售后', '售后失败', '同意退款，退款失败', '商家一次拒绝', '商家二次拒绝', '换货/补寄/维修成功'];
/** §3.2 "Money returned: 退款成功", with 已全额退款 and the older texts. */
export const AFTERSALE_REFUNDED = ['退款成功', '已全额退款', '同意退款，退款成功', '售后成功'];

export function classifyAftersale(status: string | null): AftersaleState {
  const text = status?.trim() ?? '';
  if (text === '' || text === '-' || text === '无') return 'none';
  if (AFTERSALE_REFUNDED.includes(text)) return 'refunded';
  if (AFTERSALE_KEPT.includes(text)) return 'kept';
  // 退款中, 待收退货, 待退货, 售后待处理, 仲裁中 … and any wording not seen yet: still open.
  return 'open';
}

/**
 * How far the after-sales state has moved: none (0) < open (1) < ended, refunded or kept (2).
 * An export whose age is unknown must not move a line back along it (退款成功 → "-").
 */
export const aftersaleRank = (status: string | null): number => {
  const state = classifyAftersale(status);
  return state === 'none' ? 0 : state === 'open' ? 1 : 2;
};

/** One request of the after-sales export for a line: its 售后状态 and 售后申请时间. */
export type AftersaleRequest = { status: string | null; appliedAt: string | null };

/**
 * A line's current 售后状态: the after-sales export's latest request (by 售后申请时间; among equal
 * times the later row), which is more detailed and newer than the order row's summary, else the
 * order row's own (DOUYIN_EXPORTS.md §5: "One sub-order can have several after-sales records;
 * public importer code keeps the latest by 售后申请时间").
 */
export function currentAftersaleStatus(lineStatus: string | null, requests: readonly AftersaleRequest[] | undefined): string | null {
  if (!requests || requests.length === 0) return lineStatus;
  let latest = requests[0]!;
  for (const r of requests) if ((r.appliedAt ?? '') >= (latest.appliedAt ?? '')) latest = r;
  return latest.status ?? lineStatus;
}

/** 订单状态 texts of a paid line that has not shipped (§3.1: older files say 备货中; 部分发货 per line by its 发货时间). */
export const UNSHIPPED_STATUSES = ['待发货', '备货中', '已支付', '部分发货'] as const;

/**
 * A line's place in the order work:
 * - `toShip`: paid, not shipped, no after-sales request or one that ended with the money kept —
 *   the 24-hour, overdue and to-purchase queues;
 * - `refundBeforeShip`: paid, not shipped, and the buyer asked for a refund (an open request) or
 *   was refunded — "买家已申请退款：先别采购", never to be bought or shipped;
 * - `other`: unpaid, shipped, completed or closed.
 * A line of a 部分发货 order is shipped when it has its own 发货时间.
 */
export type LineStage = 'toShip' | 'refundBeforeShip' | 'other';

export function lineStage(line: { status: string | null; shippedAt: string | null; aftersaleStatus: string | null }): LineStage {
  const status = line.status?.trim() ?? '';
  if (!(UNSHIPPED_STATUSES as readonly string[]).includes(status) || line.shippedAt !== null) return 'other';
  const aftersale = classifyAftersale(line.aftersaleStatus);
  return aftersale === 'open' || aftersale === 'refunded' ? 'refundBeforeShip' : 'toShip';
}

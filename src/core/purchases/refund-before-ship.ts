import { classifyAftersale, currentAftersaleStatus, lineStage, type AftersaleRequest } from '../../shared/domain/order-line-state';

/*
 * "A purchase on a line whose buyer asked for a refund before shipping is flagged loudly" (issue
 * 11). The one place that decides it, with Today's own rules (src/shared/domain/order-line-state.ts):
 * the line's current 售后状态 is the after-sales export's latest request by 售后申请时间, else the
 * line's own (`currentAftersaleStatus`), and an unshipped line with an open or refunded request is
 * `lineStage` refundBeforeShip — the same lines Today keeps out of its to-ship queues.
 *
 * One addition: a line the platform closed before it shipped because the buyer was refunded (sample
 * row 5 of DOUYIN_EXPORTS.md: 已关闭, 退款成功, "麻烦先别发") is no longer to ship, so `lineStage` says
 * `other`; a purchase already made on it must still say so, or the supplier is paid for nothing.
 */
export type RefundSignals = {
  status: string | null;
  shippedAt: string | null;
  /** The order row's own 售后状态. */
  aftersaleStatus: string | null;
  /** The after-sales export's requests for this line (any order; the latest by 售后申请时间 decides). */
  requests: readonly AftersaleRequest[];
};

const closedBeforeShipping = (status: string | null, shippedAt: string | null) => shippedAt === null && status !== null && (status.includes('关闭') || status.includes('取消'));

export function refundRequestedBeforeShip(line: RefundSignals): boolean {
  const current = currentAftersaleStatus(line.aftersaleStatus, line.requests);
  if (lineStage({ status: line.status, shippedAt: line.shippedAt, aftersaleStatus: current }) === 'refundBeforeShip') return true;
  const state = classifyAftersale(current);
  return closedBeforeShipping(line.status, line.shippedAt) && (state === 'open' || state === 'refunded');
}

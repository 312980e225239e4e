/*
 * "A purchase on a line whose buyer asked for a refund before shipping is flagged loudly" (issue
 * 11). The one place that decides it, from the line's 售后状态 and the after-sales export's cases.
 * DOUYIN_EXPORTS.md §3.2 lists the states; a request that was refused or closed (售后关闭,
 * 售后已拒绝, 拒绝售后, 商家一次/二次拒绝, 售后失败) is no longer a reason not to ship. §3.3 names the
 * type 未发货仅退款, and §5 the 商品发货状态 `未发货`.
 *
 * The after-sales classification is being moved to src/shared/domain/order-line-state.ts on
 * another branch; when it lands, this function should delegate to it (one call site: line-facts.ts).
 */
const NOT_A_LIVE_REQUEST = new Set(['-', '', '售后关闭', '售后已拒绝', '拒绝售后', '商家一次拒绝', '商家二次拒绝', '售后失败']);

export type RefundSignals = {
  shippedAt: string | null;
  aftersaleStatus: string | null;
  /** The after-sales export's rows for this line. */
  cases: readonly { type: string | null; shipState: string | null; status: string | null }[];
};

export function refundRequestedBeforeShip(line: RefundSignals): boolean {
  if (line.shippedAt !== null) return false;
  const live = (status: string | null) => status !== null && !NOT_A_LIVE_REQUEST.has(status.trim());
  if (live(line.aftersaleStatus)) return true;
  return line.cases.some((c) => (c.type === '未发货仅退款' || (c.shipState ?? '').includes('未发货')) && (c.status === null || live(c.status)));
}

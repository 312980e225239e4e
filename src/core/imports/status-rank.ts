/**
 * How far an order has progressed, for exports without a usable export time:
 * 待支付 < 已支付/待发货/备货中 < 部分发货 < 已发货 < 已完成/已关闭 (DOUYIN_EXPORTS §3.1, §7).
 * An older export must never move a line backwards along this order. Unknown texts have no rank
 * (and so never block an update).
 */
const RANKS: Record<string, number> = {
  待支付: 0,
  待确认: 0,
  部分支付: 0,
  已支付: 1,
  待发货: 1,
  备货中: 1,
  部分发货: 2,
  已发货: 3,
  已完成: 4,
  已关闭: 4,
  已取消: 4,
};

export const statusRank = (status: string | null): number | null => (status === null ? null : (RANKS[status] ?? null));

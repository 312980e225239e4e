import { describe, expect, it } from 'vitest';
import { refundRequestedBeforeShip, type RefundSignals } from './refund-before-ship';

const s = (over: Partial<RefundSignals>): RefundSignals => ({ shippedAt: null, aftersaleStatus: '-', cases: [], ...over });

// DOUYIN_EXPORTS.md §3.2: "`-` means no after-sales"; "Still open: 待收退货, 待退货, 售后待处理";
// "Money returned: 退款成功"; §3.3: "退货退款 · 已发货仅退款 · 未发货仅退款 · 换货"; §5: 商品发货状态 "`1/1已发货` or `未发货`".
describe('refundRequestedBeforeShip', () => {
  it.each([
    { name: 'no after-sales (-)', in: s({}), flagged: false },
    { name: '售后待处理 on an unshipped line', in: s({ aftersaleStatus: '售后待处理' }), flagged: true },
    { name: '退款成功 before shipping (sample row 5)', in: s({ aftersaleStatus: '退款成功' }), flagged: true },
    { name: '发货前退款待处理 (old API wording)', in: s({ aftersaleStatus: '发货前退款待处理' }), flagged: true },
    { name: 'refused request', in: s({ aftersaleStatus: '售后已拒绝' }), flagged: false },
    { name: 'closed request', in: s({ aftersaleStatus: '售后关闭' }), flagged: false },
    { name: 'already shipped: a later refund is an after-sale, not this flag', in: s({ shippedAt: '2026-08-03 11:05:20', aftersaleStatus: '售后待处理' }), flagged: false },
    { name: 'after-sales export: 未发货仅退款, open', in: s({ cases: [{ type: '未发货仅退款', shipState: '未发货', status: '待商家处理' }] }), flagged: true },
    { name: 'after-sales export: 未发货, closed', in: s({ cases: [{ type: '未发货仅退款', shipState: '未发货', status: '售后关闭' }] }), flagged: false },
  ])('$name → $flagged', ({ in: input, flagged }) => {
    expect(refundRequestedBeforeShip(input)).toBe(flagged);
  });
});

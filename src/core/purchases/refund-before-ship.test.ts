import { describe, expect, it } from 'vitest';
import { refundRequestedBeforeShip, type RefundSignals } from './refund-before-ship';

const s = (over: Partial<RefundSignals>): RefundSignals => ({ status: '待发货', shippedAt: null, aftersaleStatus: '-', requests: [], ...over });
const req = (status: string, appliedAt: string) => ({ status, appliedAt });

// DOUYIN_EXPORTS.md §3.2: "`-` means no after-sales"; "Still open: 待收退货, 待退货, 售后待处理";
// "Money returned: 退款成功"; "Done, money kept: 售后关闭, 售后已拒绝, 换货成功, 补寄成功".
// §5: "One sub-order can have several after-sales records; public importer code keeps the latest by 售后申请时间."
describe('refundRequestedBeforeShip', () => {
  it.each([
    { name: 'no after-sales (-)', in: s({}), flagged: false },
    { name: '售后待处理 on an unshipped line', in: s({ aftersaleStatus: '售后待处理' }), flagged: true },
    { name: '发货前退款待处理 (old API wording: open)', in: s({ aftersaleStatus: '发货前退款待处理' }), flagged: true },
    { name: 'refused request', in: s({ aftersaleStatus: '售后已拒绝' }), flagged: false },
    { name: 'closed request', in: s({ aftersaleStatus: '售后关闭' }), flagged: false },
    { name: '换货成功: the money was kept (Today: to ship)', in: s({ aftersaleStatus: '换货成功' }), flagged: false },
    { name: 'already shipped: a later refund is an after-sale, not this flag', in: s({ shippedAt: '2026-08-03 11:05:20', aftersaleStatus: '售后待处理' }), flagged: false },
    { name: 'sample row 5: 已关闭 before shipping, 退款成功', in: s({ status: '已关闭', aftersaleStatus: '退款成功' }), flagged: true },
    { name: '已关闭 without any request (unpaid and cancelled)', in: s({ status: '已关闭' }), flagged: false },
    { name: 'after-sales export: 未发货仅退款 still open, line says -', in: s({ requests: [req('待商家处理', '2026-08-04 22:47:31')] }), flagged: true },
    { name: 'after-sales export: the only request closed', in: s({ requests: [req('售后关闭', '2026-08-04 22:47:31')] }), flagged: false },
    // The latest request decides, as Today's queues do (currentAftersaleStatus).
    {
      name: 'an older open request, the latest refused: to ship',
      in: s({ aftersaleStatus: '售后待处理', requests: [req('售后待处理', '2026-08-04 10:00:00'), req('售后已拒绝', '2026-08-05 09:00:00')] }),
      flagged: false,
    },
    {
      name: 'an older refused request, the latest open (listed first): flagged',
      in: s({ requests: [req('待商家处理', '2026-08-06 09:00:00'), req('售后已拒绝', '2026-08-05 09:00:00')] }),
      flagged: true,
    },
    { name: 'the line says 售后待处理 but the export’s latest says 售后关闭', in: s({ aftersaleStatus: '售后待处理', requests: [req('售后关闭', '2026-08-05 09:00:00')] }), flagged: false },
    { name: 'the line says - and the export’s latest says 退款成功', in: s({ requests: [req('退款成功', '2026-08-05 09:00:00')] }), flagged: true },
  ])('$name → $flagged', ({ in: input, flagged }) => {
    expect(refundRequestedBeforeShip(input)).toBe(flagged);
  });
});

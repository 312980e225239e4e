import { describe, expect, it } from 'vitest';
import { aftersaleRank, classifyAftersale, currentAftersaleStatus, lineStage } from './order-line-state';

/*
 * DOUYIN_EXPORTS.md §3.2: "Classification (S2): Done, money kept: 售后关闭, 售后已拒绝, 换货成功,
 * 补寄成功. Still open: 待收退货, 待退货, 售后待处理. Money returned: 退款成功." §3.1: "Expect these:
 * 待支付, 已支付, 备货中 or 待发货, 部分发货, 已发货, 已完成, 已关闭." §5: "One sub-order can have several
 * after-sales records; public importer code keeps the latest by 售后申请时间."
 */
describe('lineStage: one definition for Today, the reminders and money', () => {
  it.each([
    ['待发货', null, null, 'toShip'],
    ['备货中', null, null, 'toShip'],
    ['已支付', null, null, 'toShip'],
    ['待发货', '售后待处理', null, 'refundBeforeShip'],
    ['待发货', '退款中', null, 'refundBeforeShip'],
    ['待发货', '待退货', null, 'refundBeforeShip'],
    ['待发货', '发货前退款待处理', null, 'refundBeforeShip'],
    ['待发货', '一个没见过的状态', null, 'refundBeforeShip'],
    ['备货中', '退款成功', null, 'refundBeforeShip'],
    ['待发货', '已全额退款', null, 'refundBeforeShip'],
    ['待发货', '售后关闭', null, 'toShip'],
    ['待发货', '售后已拒绝', null, 'toShip'],
    ['待发货', '同意退款，退款失败', null, 'toShip'],
    ['部分发货', null, null, 'toShip'],
    ['部分发货', null, '2026-08-04 09:00:00', 'other'],
    ['已发货', null, '2026-08-04 09:00:00', 'other'],
    ['已发货', '售后待处理', '2026-08-04 09:00:00', 'other'],
    ['已完成', null, '2026-08-04 09:00:00', 'other'],
    ['已关闭', '退款成功', null, 'other'],
    ['待支付', null, null, 'other'],
  ] as const)('%s, 售后 %s, 发货 %s → %s', (status, aftersaleStatus, shippedAt, expected) => expect(lineStage({ status, aftersaleStatus, shippedAt })).toBe(expected));
});

describe('classifyAftersale and its rank', () => {
  it.each([
    ['-', 'none', 0],
    [null, 'none', 0],
    ['售后待处理', 'open', 1],
    ['待收退货', 'open', 1],
    ['退款中', 'open', 1],
    ['售后关闭', 'kept', 2],
    ['换货成功', 'kept', 2],
    ['退款成功', 'refunded', 2],
    ['同意退款，退款成功', 'refunded', 2],
  ] as const)('%s → %s (rank %d)', (text, state, rank) => {
    expect(classifyAftersale(text)).toBe(state);
    expect(aftersaleRank(text)).toBe(rank);
  });
});

describe('currentAftersaleStatus: the latest request by 售后申请时间, else the line’s own', () => {
  it.each([
    ['no requests', '售后待处理', [], '售后待处理'],
    ['one request', null, [{ status: '退款成功', appliedAt: '2026-08-05 10:00:00' }], '退款成功'],
    [
      'the later request wins',
      '-',
      [
        { status: '售后关闭', appliedAt: '2026-08-06 10:00:00' },
        { status: '退款中', appliedAt: '2026-08-05 10:00:00' },
      ],
      '售后关闭',
    ],
    [
      'equal times: the later row',
      null,
      [
        { status: '售后关闭', appliedAt: '2026-08-06 10:00:00' },
        { status: '退款中', appliedAt: '2026-08-06 10:00:00' },
      ],
      '退款中',
    ],
    ['a request without a status leaves the line’s', '售后待处理', [{ status: null, appliedAt: null }], '售后待处理'],
  ] as const)('%s', (_name, line, requests, expected) => expect(currentAftersaleStatus(line, requests)).toBe(expected));
});

import { describe, expect, it } from 'vitest';
import { arbitrationState, isCaseOpen } from './aftersale-state';

// DOUYIN_EXPORTS.md §3.2 "Other texts for the same states": "… 仲裁中, … 待商家上传凭证, 仲裁中-待商家举证";
// §5: "Other columns include 自动处理截止时间 and 仲裁状态 / 纠纷责任方."
describe('arbitrationState', () => {
  it.each([
    [null, '售后待处理', 'none'],
    ['-', '退款中', 'none'],
    ['仲裁中', '售后待处理', 'in_arbitration'],
    ['待商家举证', null, 'awaiting_evidence'],
    [null, '仲裁中-待商家举证', 'awaiting_evidence'],
    [null, '待商家上传凭证', 'awaiting_evidence'],
    [null, '仲裁中', 'in_arbitration'],
    ['仲裁结束', '退款成功', 'none'],
  ] as const)('仲裁状态 %j, 售后状态 %j → %s', (arb, status, expected) => {
    expect(arbitrationState(arb, status)).toBe(expected);
  });
});

// §3.2 "Classification (S2): Done, money kept: 售后关闭, 售后已拒绝, 换货成功, 补寄成功. Still open: 待收退货, 待退货, 售后待处理. Money returned: 退款成功."
describe('isCaseOpen', () => {
  it.each([
    [{ closedBySeller: false, imported: true, status: '待收退货' }, true],
    [{ closedBySeller: false, imported: true, status: '退款成功' }, false],
    [{ closedBySeller: false, imported: true, status: '售后关闭' }, false],
    [{ closedBySeller: true, imported: true, status: '售后待处理' }, false],
    [{ closedBySeller: false, imported: false, status: null }, true],
    [{ closedBySeller: true, imported: false, status: null }, false],
  ])('%j → %s', (c, expected) => {
    expect(isCaseOpen(c)).toBe(expected);
  });
});

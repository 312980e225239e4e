import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, fillTemplate, MISSING_VALUE, TEMPLATE_KEYS } from './aftersale-templates';

// DOMAIN.md "After-sales (售后): four common cases": "Return / exchange: … allow the return to the synced
// address and ask for the tracking number." The template is filled with the order's details on copy.
describe('fillTemplate', () => {
  const values = { 订单号: '6938412705519823245', 商品: '便携榨汁杯', 金额: '59.90', 退货地址: '王强 13800000000 浙江省 金华市 义乌市 稠城街道 1 号', 运单号: 'SF1234567890' };
  it.each([
    ['订单 {订单号}：{商品}', values, '订单 6938412705519823245：便携榨汁杯', [], []],
    ['退 {金额} 元，寄回 {退货地址}', values, '退 59.90 元，寄回 王强 13800000000 浙江省 金华市 义乌市 稠城街道 1 号', [], []],
    ['寄回 {退货地址}', { ...values, 退货地址: null }, `寄回 ${MISSING_VALUE}`, ['退货地址'], []],
    ['单号 {运单号}', { 订单号: '1' }, `单号 ${MISSING_VALUE}`, ['运单号'], []],
    ['{优惠券} 和 {订单号}', values, '{优惠券} 和 6938412705519823245', [], ['优惠券']],
    ['{订单号}{订单号}', values, '69384127055198232456938412705519823245', [], []],
    ['没有占位符', values, '没有占位符', [], []],
    ['空白 { } 不算', values, '空白 { } 不算', [], []],
  ] as const)('%j', (body, vals, text, missing, unknown) => {
    expect(fillTemplate(body, vals)).toEqual({ text, missing, unknown });
  });

  it.each(TEMPLATE_KEYS)('the built-in %s template uses only known placeholders', (key) => {
    expect(fillTemplate(DEFAULT_TEMPLATES[key], values).unknown).toEqual([]);
    expect(fillTemplate(DEFAULT_TEMPLATES[key], values).missing).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { mapAftersaleType, type AftersaleType } from './aftersale-type';

// DOUYIN_EXPORTS.md §3.3: "退货退款 · 已发货仅退款 · 未发货仅退款 · 换货 (public importer code)." and "补寄 also occurs".
describe('mapAftersaleType: the exported 售后类型 through the vocabulary', () => {
  const none = new Map<string, AftersaleType>();
  const own = new Map<string, AftersaleType>([['仅退款', 'refund_shipped'], ['换货', 'reship']]);
  it.each([
    ['退货退款', none, 'return_refund'],
    ['已发货仅退款', none, 'refund_shipped'],
    ['未发货仅退款', none, 'refund_unshipped'],
    ['换货', none, 'exchange'],
    ['补寄', none, 'reship'],
    ['维修', none, 'repair'],
    ['价保', none, 'price_protect'],
    [' 退货 退款 ', none, 'return_refund'],
    ['仅退款', none, 'unknown'],
    ['仅退款', own, 'refund_shipped'],
    // The seller's mapping wins over a built-in text.
    ['换货', own, 'reship'],
    ['-', none, 'unknown'],
    ['', none, 'unknown'],
    [null, none, 'unknown'],
  ] as const)('%j → %s', (text, mappings, expected) => {
    expect(mapAftersaleType(text, mappings)).toBe(expected);
  });
});

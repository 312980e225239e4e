import { describe, expect, it } from 'vitest';
import { linePurchaseStatus, orderPurchase, type LinePurchase } from './order-purchases';

const line = (id: string, over: Partial<{ status: string | null; shipped_at: string | null; aftersale_status: string | null }> = {}) => ({ sub_order_id: id, status: '待发货', shipped_at: null, aftersale_status: '-', ...over });
const p = (status: LinePurchase['status'], supplierId: number | null = null, supplierName: string | null = null): LinePurchase => ({ status, supplierId, supplierName });

// DOMAIN.md: "every buyer order becomes a purchase from a supplier"; an unshipped line no purchase
// covers is still 待采购, and "买家已申请退款：先别采购" (DOUYIN_EXPORTS.md §3.2) is not to buy.
describe('linePurchaseStatus', () => {
  it.each([
    { name: 'to ship, no purchase: 待采购', line: line('1'), purchase: undefined, status: 'pending' },
    { name: 'refund asked, no purchase: nothing to buy', line: line('1', { aftersale_status: '售后待处理' }), purchase: undefined, status: null },
    { name: 'shipped, no purchase: nothing to buy', line: line('1', { status: '已发货', shipped_at: '2026-08-02 10:00:00' }), purchase: undefined, status: null },
    { name: 'in a purchase: its status', line: line('1'), purchase: p('paid'), status: 'paid' },
    { name: 'refund asked, purchase already ordered: its status (flagged elsewhere)', line: line('1', { aftersale_status: '退款中' }), purchase: p('ordered'), status: 'ordered' },
  ])('$name', ({ line: l, purchase, status }) => {
    expect(linePurchaseStatus(l, purchase)).toBe(status);
  });
});

describe('orderPurchase', () => {
  it.each([
    { name: 'no line to buy, none in a purchase', lines: [line('1', { status: '已完成', shipped_at: 'x' })], purchases: {}, status: null },
    { name: 'an exception before the flow', lines: [line('1'), line('2')], purchases: { 1: p('paid'), 2: p('out_of_stock') }, status: 'out_of_stock' },
    { name: 'an uncovered line keeps the order 待采购 beside a paid one', lines: [line('1'), line('2')], purchases: { 1: p('paid') }, status: 'pending' },
    { name: '已取消 only when nothing else is open', lines: [line('1'), line('2', { status: '已关闭' })], purchases: { 1: p('cancelled'), 2: p('shipped') }, status: 'shipped' },
  ])('$name → $status', ({ lines, purchases, status }) => {
    expect(orderPurchase(lines, new Map(Object.entries(purchases))).purchaseStatus).toBe(status);
  });

  it('names each supplier once', () => {
    const r = orderPurchase([line('1'), line('2'), line('3')], new Map([['1', p('paid', 7, '义乌厂')], ['2', p('ordered', 7, '义乌厂')], ['3', p('pending')]]));
    expect(r.suppliers).toEqual([{ id: 7, name: '义乌厂' }]);
  });
});

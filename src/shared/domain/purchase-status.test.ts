import { describe, expect, it } from 'vitest';
import { checkMove, describeRefusal, PURCHASE_STATUSES, TRANSITIONS, type PurchaseStatus } from './purchase-status';

// DOMAIN.md, 代发 flow: "Purchase: … send the order number, spec and quantity, confirm stock and ship
// time, pay (bank transfer or platform), keep the payment proof … Mark the order 'paid – awaiting shipment'".
describe('purchase state machine', () => {
  it.each<[PurchaseStatus, PurchaseStatus, string, ReturnType<typeof checkMove>]>([
    ['pending', 'ordered', '', null],
    ['pending', 'paid', '', null],
    ['ordered', 'paid', '', null],
    ['paid', 'shipped', '', null],
    ['shipped', 'received', '', null],
    ['pending', 'shipped', '', 'illegal_transition'],
    ['pending', 'received', '', 'illegal_transition'],
    ['received', 'pending', '', 'illegal_transition'],
    ['received', 'cancelled', 'x', 'illegal_transition'],
    ['shipped', 'paid', '', 'illegal_transition'],
    ['cancelled', 'paid', '', 'illegal_transition'],
    ['cancelled', 'pending', '', null],
    ['paid', 'paid', '', 'same_status'],
    ['ordered', 'out_of_stock', '', 'note_required'],
    ['ordered', 'out_of_stock', '   ', 'note_required'],
    ['ordered', 'out_of_stock', '供应商说周五才有货', null],
    ['paid', 'delayed', '物流停运', null],
    ['pending', 'address_issue', '买家地址缺门牌号', null],
    ['pending', 'cancelled', '买家已申请退款', null],
    ['pending', 'cancelled', '', 'note_required'],
    ['out_of_stock', 'pending', '', null],
    ['delayed', 'shipped', '', null],
    ['address_issue', 'ordered', '', null],
  ])('%s → %s (note %j): %s', (from, to, note, expected) => {
    expect(checkMove(from, to, note)).toBe(expected);
  });

  it('every state in the table is a known state, and 已签收 is terminal', () => {
    for (const [from, tos] of Object.entries(TRANSITIONS)) {
      expect(PURCHASE_STATUSES).toContain(from);
      for (const to of tos) expect(PURCHASE_STATUSES).toContain(to);
    }
    expect(TRANSITIONS.received).toEqual([]);
  });

  it('a refusal names the from and to states in both languages', () => {
    expect(describeRefusal('illegal_transition', 'received', 'pending', 'zh')).toBe('不能从「已签收」改为「待采购」（可改为：无）');
    expect(describeRefusal('illegal_transition', 'pending', 'shipped', 'en')).toContain('Cannot move from "To purchase" to "Shipped"');
    expect(describeRefusal('note_required', 'ordered', 'out_of_stock', 'zh')).toBe('改为「缺货」时请写明原因');
  });
});

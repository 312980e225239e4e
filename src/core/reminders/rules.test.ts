import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../shared/rpc/domains/reminders';
import type { DeclineAlert } from '../../shared/rpc/domains/decline';
import { reminderText } from '../../shared/i18n/reminder-messages';
import { DEFAULT_REMINDER_SETTINGS } from './reminder-settings';
import { dueReminders, planReminders, type ListingSlotFacts, type ReminderData } from './rules';

const at = (iso: string) => new Date(iso);
const settings = (patch: Partial<ReminderSettings> = {}): ReminderSettings => ({ ...structuredClone(DEFAULT_REMINDER_SETTINGS), ...patch });
/** The 选品 quota's default slots: 09:00 ×3, 12:00 ×3, 20:00 ×4; nothing planned. */
const QUOTA_SLOTS: ListingSlotFacts = { min: 10, max: 30, slots: [{ time: '09:00', count: 3, planned: 0 }, { time: '12:00', count: 3, planned: 0 }, { time: '20:00', count: 4, planned: 0 }] };
const data = (patch: Partial<ReminderData> = {}): ReminderData => ({ today: '2026-09-10', running: null, next: null, orders: [], decline: null, listing: QUOTA_SLOTS, ...patch });
const DECLINE: DeclineAlert = {
  rule: 'dayOverDay',
  days: 3,
  from: '2026-09-06',
  to: '2026-09-09',
  firstOrders: 10,
  lastOrders: 4,
  usualOrders: null,
  fell: { products: [], provinces: [], sources: [], influencers: [] },
  windows: { now: { from: '2026-09-07', to: '2026-09-09' }, before: { from: '2026-08-31', to: '2026-09-02' } },
};
const slots = (...list: ListingSlotFacts['slots']): Partial<ReminderData> => ({ listing: { min: 10, max: 30, slots: list } });
const keys = (now: string, d: ReminderData, s = settings()) => dueReminders(at(now), d, s).map((r) => r.key);

describe('reminder rules: (now, data, settings) → due reminders with stable keys', () => {
  it('a running block reaching its target, with the next block', () => {
    const running = { key: 'data', title: '看数据', defaultKey: 'data', targetMinutes: 30, targetReachedAt: at('2026-09-10T01:30:00Z') };
    const d = data({ running, next: { key: 'optimize', title: '商品优化', defaultKey: 'optimize' }, listing: undefined });
    const noSlots = settings();
    expect(keys('2026-09-10T01:29:59Z', d, noSlots)).toEqual([]);
    const [due] = dueReminders(at('2026-09-10T01:30:00Z'), d, noSlots);
    expect(due).toMatchObject({ key: 'routine.targetReached:2026-09-10:data', kind: 'routine.targetReached', subject: 'block:data' });
    expect(due?.params).toMatchObject({ block: '看数据', next: '商品优化', target: 30 });
  });

  it.each([
    ['before the first slot', '2026-09-10T00:59:00Z', []],
    ['at 09:00 China time', '2026-09-10T01:00:00Z', ['listing.slot:2026-09-10:09:00']],
    ['stale two hours later', '2026-09-10T03:00:00Z', []],
    ['at 12:00', '2026-09-10T04:00:00Z', ['listing.slot:2026-09-10:12:00']],
    ['at 20:00', '2026-09-10T12:00:00Z', ['listing.slot:2026-09-10:20:00']],
  ])('listing slots: %s', (_name, now, expected) => {
    expect(keys(now, data())).toEqual(expected);
  });

  it.each([
    ['a slot moved on the sourcing screen', slots({ time: '10:30', count: 3, planned: 0 }), 0, '2026-09-10T02:29:00Z', []],
    ['… reminds at its new time', slots({ time: '10:30', count: 3, planned: 0 }), 0, '2026-09-10T02:30:00Z', ['listing.slot:2026-09-10:10:30']],
    ['… and no longer at the old one', slots({ time: '10:30', count: 3, planned: 0 }), 0, '2026-09-10T01:00:00Z', []],
    ['with a lead time, not before it', slots({ time: '10:30', count: 3, planned: 0 }), 15, '2026-09-10T02:14:00Z', []],
    ['with a lead time, at it', slots({ time: '10:30', count: 3, planned: 0 }), 15, '2026-09-10T02:15:00Z', ['listing.slot:2026-09-10:10:30']],
    ['slots arriving unsorted', slots({ time: '20:00', count: 4, planned: 0 }, { time: '09:00', count: 2, planned: 0 }), 0, '2026-09-10T01:00:00Z', ['listing.slot:2026-09-10:09:00']],
    ['no quota loaded', { listing: undefined }, 0, '2026-09-10T01:00:00Z', []],
  ] as const)('listing slots follow the 选品 quota: %s', (_name, patch, lead, now, expected) => {
    expect(keys(now, data(patch), settings({ listingLeadMinutes: lead }))).toEqual(expected);
  });

  it.each([
    ['nothing planned', { time: '12:00', count: 3, planned: 0 }, { slot: '12:00', count: 3, planned: 0, min: 10, max: 30 }],
    ['two planned', { time: '12:00', count: 5, planned: 2 }, { slot: '12:00', count: 5, planned: 2, min: 10, max: 30 }],
  ])('a listing-slot reminder carries how many to list and how many are planned: %s', (_name, slot, params) => {
    const [due] = dueReminders(at('2026-09-10T04:00:00Z'), data(slots(slot)), settings());
    expect(due).toMatchObject({ kind: 'listing.slot', subject: 'slot:12:00', params });
  });

  it('orders due within N hours, then overdue', () => {
    const order = { orderId: '6919000000000000001', shipBy: at('2026-09-11T04:00:00Z'), productTitle: '保温杯', lines: 1 };
    const d = data({ orders: [order], listing: undefined });
    const s = settings();
    expect(keys('2026-09-10T03:59:00Z', d, s)).toEqual([]);
    expect(keys('2026-09-10T04:00:00Z', d, s)).toEqual(['orders.shipDue:6919000000000000001']);
    expect(keys('2026-09-11T04:00:00Z', { ...d, today: '2026-09-11' }, s)).toEqual(['orders.shipOverdue:2026-09-11']);
    expect(keys('2026-09-10T22:00:00Z', d, settings({ shipDueHours: 6 }))).toEqual(['orders.shipDue:6919000000000000001']);
    expect(keys('2026-09-10T21:00:00Z', d, settings({ shipDueHours: 6 }))).toEqual([]);
  });

  /*
   * Issue 10: "Overdue orders are one grouped reminder ("已超时未发货 267 单"), opening the list, not
   * 267 cards." One per China day, due when the first order passes its ship-by that day (at the
   * day's start when some already have), counting the orders overdue at `now`.
   */
  const ORDERS = [
    { orderId: 'o1', shipBy: at('2026-09-09T02:00:00Z'), productTitle: '保温杯', lines: 2 },
    { orderId: 'o2', shipBy: at('2026-09-10T02:00:00Z'), productTitle: '雨伞', lines: 1 },
    { orderId: 'o3', shipBy: at('2026-09-10T06:00:00Z'), productTitle: null, lines: 1 },
    { orderId: 'o4', shipBy: at('2026-09-12T06:00:00Z'), productTitle: '拖鞋', lines: 3 },
  ];
  it.each([
    ['one already overdue at the day’s start (China 09-10 00:00), counted at 09:00', '2026-09-10T01:00:00Z', ORDERS, { dueAt: '2026-09-09T16:00:00.000Z', orders: 1, lines: 2 }],
    ['two more pass their ship-by at 10:00 and 14:00: the same one reminder, now 3 orders', '2026-09-10T06:00:00Z', ORDERS, { dueAt: '2026-09-09T16:00:00.000Z', orders: 3, lines: 4 }],
    ['none overdue yet: due when the first one passes its ship-by today', '2026-09-10T01:00:00Z', ORDERS.slice(1), { dueAt: '2026-09-10T02:00:00.000Z', orders: 1, lines: 1, state: 'upcoming' }],
    ['nothing goes overdue today: no reminder today', '2026-09-10T01:00:00Z', ORDERS.slice(3), null],
    ['no orders: no reminder', '2026-09-10T01:00:00Z', [], null],
  ] as const)('overdue orders are one grouped reminder: %s', (_name, now, orders, expected) => {
    const planned = planReminders(at(now), data({ orders: [...orders], listing: undefined }), settings()).filter((r) => r.key === 'orders.shipOverdue:2026-09-10');
    if (expected === null) {
      expect(planned).toEqual([]);
      return;
    }
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ key: 'orders.shipOverdue:2026-09-10', subject: 'orders:overdue', expiresAt: at('2026-09-10T16:00:00Z') });
    expect(planned[0]!.dueAt.toISOString()).toBe(expected.dueAt);
    expect(planned[0]!.params).toMatchObject({ orders: expected.orders, lines: expected.lines });
    expect(dueReminders(at(now), data({ orders: [...orders], listing: undefined }), settings()).some((r) => r.kind === 'orders.shipOverdue')).toBe(!('state' in expected));
  });

  it('tomorrow’s is planned too (upcoming), from tomorrow 00:00 or its first ship-by', () => {
    const tomorrow = (orders: ReminderData['orders']) => planReminders(at('2026-09-10T01:00:00Z'), data({ orders, listing: undefined }), settings()).find((r) => r.key === 'orders.shipOverdue:2026-09-11');
    expect(tomorrow([...ORDERS])?.dueAt.toISOString()).toBe('2026-09-10T16:00:00.000Z');
    const later = [{ orderId: 'o9', shipBy: at('2026-09-11T02:00:00Z'), productTitle: null, lines: 1 }];
    expect(tomorrow(later)).toMatchObject({ dueAt: at('2026-09-11T02:00:00Z'), params: { orders: 1, lines: 1 } });
    expect(tomorrow([{ ...later[0]!, shipBy: at('2026-09-12T02:00:00Z') }])).toBeUndefined();
  });

  it('the grouped overdue reminder can be turned off', () => {
    const s = settings({ kinds: { ...DEFAULT_REMINDER_SETTINGS.kinds, 'orders.shipOverdue': false } });
    expect(planReminders(at('2026-09-10T06:00:00Z'), data({ orders: [...ORDERS], listing: undefined }), s).filter((r) => r.kind === 'orders.shipOverdue')).toEqual([]);
  });

  it('the 3-day decline alert, for the whole day', () => {
    const d = data({ decline: DECLINE, listing: undefined });
    const s = settings();
    expect(keys('2026-09-09T16:00:00Z', d, s)).toEqual(['data.decline:2026-09-09']);
    expect(keys('2026-09-10T15:59:00Z', d, s)).toEqual(['data.decline:2026-09-09']);
  });

  it('the decline reminder says which rule fired and names the product that fell most', () => {
    const fell = { key: '3714290568812637504', name: '保温杯', before: { orders: 12, amountFen: 36000 }, now: { orders: 3, amountFen: 9000 }, change: -9, changePct: -75 };
    const weekday = { ...DECLINE, rule: 'sameWeekday' as const, usualOrders: 11.5, fell: { ...DECLINE.fell, products: [fell] } };
    const [plan] = planReminders(at('2026-09-10T01:00:00Z'), data({ decline: weekday, listing: undefined }), settings());
    expect(plan?.params).toMatchObject({ rule: 'sameWeekday', usual: 11.5, product: '保温杯', productChange: -9 });
    expect(reminderText('data.decline', plan!.params, 'zh-CN')).toEqual({
      title: '订单量连续 3 天低于往周同日',
      body: '2026-09-06 至 2026-09-09 每天都明显少于前几周的同一天；2026-09-09 为 4 单，往周同日平均 11.5 单。下降最多的商品：保温杯（-9 单）。请排查商品访客、点击率和成交件数，再看竞品的价格、佣金、主图和活动。',
    });
    const [plain] = planReminders(at('2026-09-10T01:00:00Z'), data({ decline: DECLINE, listing: undefined }), settings());
    expect(reminderText('data.decline', plain!.params, 'en-US').title).toBe('Orders fell 3 days in a row');
    expect(reminderText('data.decline', plain!.params, 'en-US').body).not.toContain('Fell most');
  });

  it('turned-off kinds and a turned-off engine give nothing', () => {
    const d = data({ decline: DECLINE });
    expect(keys('2026-09-10T01:00:00Z', d, settings({ kinds: { ...DEFAULT_REMINDER_SETTINGS.kinds, 'listing.slot': false } }))).toEqual(['data.decline:2026-09-09']);
    expect(keys('2026-09-10T01:00:00Z', d, settings({ isEnabled: false }))).toEqual([]);
  });

  it('plans upcoming ones too, in due order', () => {
    const planned = planReminders(at('2026-09-10T00:00:00Z'), data(), settings());
    expect(planned.map((p) => p.key).slice(0, 4)).toEqual([
      'listing.slot:2026-09-10:09:00',
      'listing.slot:2026-09-10:12:00',
      'listing.slot:2026-09-10:20:00',
      'listing.slot:2026-09-11:09:00',
    ]);
  });
});

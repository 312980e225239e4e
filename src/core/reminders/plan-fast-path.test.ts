import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateTimeText } from '../../shared/domain/china-time';
import type { ReminderEntry, ReminderSettings } from '../../shared/rpc/domains/reminders';
import { DEFAULT_REMINDER_SETTINGS } from './reminder-settings';
import { newestFirst } from './reminder-service';
import type { PlannedReminder } from './planned-reminder';
import { planReminders, type ReminderData } from './rules';

/** The per-order shipping rule and the ordering as first written: every plan sorted together by localeCompare. */
function referenceShipping(orders: ReminderData['orders'], hours: number): PlannedReminder[] {
  return orders.map((o) => {
    const params = { orderId: o.orderId, product: o.productTitle ?? o.orderId, shipBy: chinaDateTimeText(o.shipBy).slice(5, 16), hours };
    return { key: `orders.shipDue:${o.orderId}`, kind: 'orders.shipDue' as const, dueAt: new Date(o.shipBy.getTime() - hours * 3600_000), expiresAt: o.shipBy, subject: `order:${o.orderId}`, params };
  });
}
function referencePlan(now: Date, data: ReminderData, settings: ReminderSettings): PlannedReminder[] {
  if (!settings.isEnabled) return [];
  // Every rule but the kept per-order plans (the grouped overdue reminder among them), then the per-order plans, sorted together.
  const others = planReminders(now, data, settings).filter((r) => r.kind !== 'orders.shipDue');
  return [...others, ...referenceShipping(data.orders, settings.shipDueHours).filter((r) => settings.kinds[r.kind])].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key),
  );
}

const BASE = Date.parse('2026-09-10T00:00:00Z');
const hoursFrom = (h: number) => new Date(BASE + h * 3600_000);
// Unique order ids (as grouped orders are), ship-by times that often tie with each other and with the slots.
const orders = fc.uniqueArray(fc.constantFrom('o1', 'o2', 'o10', 'O2', '6937', '69370', 'a', 'B', '订单7'), { maxLength: 9 }).chain((ids) =>
  fc
    .tuple(...ids.map((id) => fc.record({ orderId: fc.constant(id), shipBy: fc.integer({ min: -30, max: 60 }).map(hoursFrom), productTitle: fc.option(fc.constantFrom('杯', 'cup'), { nil: null }), lines: fc.integer({ min: 1, max: 3 }) })))
    // Earliest ship-by first, as the orders picture hands them out.
    .map((list) => [...list].sort((a, b) => a.shipBy.getTime() - b.shipBy.getTime())),
);
const settings = fc.record({
  isEnabled: fc.boolean(),
  shipDueHours: fc.constantFrom(1, 24, 48),
  shipDue: fc.boolean(),
  overdue: fc.boolean(),
}).map(({ isEnabled, shipDueHours, shipDue, overdue }): ReminderSettings => {
  const s = structuredClone(DEFAULT_REMINDER_SETTINGS);
  return { ...s, isEnabled: isEnabled || shipDue, shipDueHours, kinds: { ...s.kinds, 'orders.shipDue': shipDue, 'orders.shipOverdue': overdue } };
});
const dataOf = (list: ReminderData['orders'], running: boolean): ReminderData => ({
  today: '2026-09-10',
  running: running ? { key: 'data', title: '看数据', defaultKey: 'data', targetMinutes: 30, targetReachedAt: hoursFrom(3) } : null,
  next: null,
  orders: list,
  decline: {
    rule: 'dayOverDay',
    days: 3,
    from: '2026-09-06',
    to: '2026-09-09',
    firstOrders: 9,
    lastOrders: 4,
    usualOrders: null,
    fell: { products: [], provinces: [], sources: [], influencers: [] },
    windows: { now: { from: '2026-09-07', to: '2026-09-09' }, before: { from: '2026-08-31', to: '2026-09-02' } },
  },
  listing: { min: 10, max: 30, slots: [{ time: '09:00', count: 3, planned: 0 }, { time: '20:00', count: 4, planned: 1 }] },
});

describe('planReminders with kept, pre-sorted shipping plans', () => {
  it('plans exactly what sorting every rule together plans, also when asked again with other settings', () => {
    fc.assert(
      fc.property(orders, fc.array(settings, { minLength: 1, maxLength: 3 }), fc.integer({ min: -30, max: 60 }), fc.boolean(), (list, settingsSeq, h, running) => {
        const data = dataOf(list, running);
        // The same orders list each time, as the picture hands it out: kept plans must follow the settings.
        for (const s of [...settingsSeq, ...settingsSeq]) expect(planReminders(hoursFrom(h), data, s)).toEqual(referencePlan(hoursFrom(h), data, s));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('newestFirst', () => {
  const iso = fc.oneof(fc.integer({ min: BASE - 5e9, max: BASE + 5e9 }), fc.integer({ min: -8.64e15, max: 8.64e15 })).map((ms) => new Date(ms).toISOString());
  const entry = fc.record({ key: fc.string(), firedAt: fc.option(iso, { nil: null }), dueAt: iso });
  it('orders as localeCompare does, with and without extended-year times', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (list) => {
        const entries = list as unknown as ReminderEntry[];
        const reference = [...entries].sort((a, b) => (b.firedAt ?? b.dueAt).localeCompare(a.firedAt ?? a.dueAt));
        expect(newestFirst(entries)).toEqual(reference);
      }),
      { numRuns: 1500 },
    );
  });
});

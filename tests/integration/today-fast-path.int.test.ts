import { afterEach, describe, expect, it } from 'vitest';
import { chinaDateTimeText, chinaDayRange } from '../../src/shared/domain/china-time';
import type { ReminderEntry } from '../../src/shared/rpc/domains/reminders';
import type { DatabaseSession } from '../../src/core/db/database-session';
import { loadOrdersPicture, orderQueues } from '../../src/core/orders/orders-picture';
import { classifyShipping, countLines } from '../../src/core/orders/shipping';
import { loadReminderData } from '../../src/core/reminders/reminder-data';
import { markReminder, recordFired } from '../../src/core/reminders/reminder-log';
import { loadCentre, loadCentreCounts, renderReminder } from '../../src/core/reminders/reminder-service';
import { readReminderSettings } from '../../src/core/reminders/reminder-settings';
import type { PlannedReminder } from '../../src/core/reminders/planned-reminder';
import { isDue, planReminders, type ReminderData } from '../../src/core/reminders/rules';
import { loadTodayView } from '../../src/core/routine/today-view';
import { china, openRoutineDb, seedOrderLines, type OrderLineSeed } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * The fast paths (kept picture, ship index, kept shipping plans, one-pass log, counted centre)
 * against a straightforward reference — the code as first written — on a generated shop.
 */
const tempDir = useTempDirs();
const sessions: DatabaseSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['待发货', '备货中', '已支付', '已发货', '已完成', '已关闭', '待支付'];
const TIME_TEXTS = (r: () => number): string | null => {
  const pick = r();
  if (pick < 0.1) return null;
  if (pick < 0.15) return '-';
  if (pick < 0.18) return '2026-09-31 10:00:00'; // not a date
  if (pick < 0.2) return '2026-09-09 25:00'; // not a time
  const ms = Date.parse('2026-09-06T00:00:00Z') + Math.floor(r() * 8 * 86400) * 1000;
  return r() < 0.5 ? chinaDateTimeText(new Date(ms)) : chinaDateTimeText(new Date(ms)).slice(0, 16);
};

function generateShop(seed: number, lines: number): OrderLineSeed[] {
  const r = random(seed);
  return Array.from({ length: lines }, (_, i) => {
    const submitted = chinaDateTimeText(new Date(Date.parse('2026-09-01T00:00:00Z') + Math.floor(r() * 10 * 86400) * 1000));
    return {
      sub: `s${i}`,
      order: `o${Math.floor(r() * lines * 0.6)}`,
      status: STATUSES[Math.floor(r() * STATUSES.length)] ?? '待发货',
      submitted,
      paid: r() < 0.2 ? null : (TIME_TEXTS(r) ?? submitted),
      promised: TIME_TEXTS(r),
      title: r() < 0.3 ? '保温杯' : `商品${Math.floor(r() * 5)}`,
      payableFen: Math.floor(r() * 10000),
      aftersale: r() < 0.1 ? '售后待处理' : '-',
    };
  });
}

/** Ship-by as first written: regex parse, Date arithmetic. */
function referenceShipBy(l: { promisedShipAt: string | null; paidAt: string | null; submittedAt: string | null }): Date | null {
  const parse = (text: string): Date | null => {
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
    if (!m) return null;
    const d = new Date(`${m[1] ?? ''}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== m[1]) return null;
    const [h, mi, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? '0')];
    if (h > 23 || mi > 59 || s > 59) return null;
    return new Date(d.getTime() - 8 * 3600_000 + ((h * 60 + mi) * 60 + s) * 1000);
  };
  const promised = l.promisedShipAt === null ? null : parse(l.promisedShipAt);
  if (promised) return promised;
  const base = [l.paidAt, l.submittedAt].map((t) => (t === null ? null : parse(t))).find((d) => d !== null);
  return base ? new Date(base.getTime() + 48 * 3600_000) : null;
}

type Db = Awaited<ReturnType<typeof openRoutineDb>>['db'];

async function referenceLines(db: Db) {
  const rows = await db
    .selectFrom('order_lines')
    .select(['order_id', 'sub_order_id', 'product_title', 'promised_ship_at', 'paid_at', 'submitted_at'])
    .where('status', 'in', ['待发货', '备货中', '已支付'])
    // Issue 10: a line whose buyer asked for a refund (售后待处理 here) is not to be shipped or bought.
    .where((eb) => eb.or([eb('aftersale_status', 'is', null), eb('aftersale_status', '=', '-')]))
    .execute();
  return rows.map((r) => ({ orderId: r.order_id, productTitle: r.product_title, shipBy: referenceShipBy({ promisedShipAt: r.promised_ship_at, paidAt: r.paid_at, submittedAt: r.submitted_at }) }));
}

function referenceOrders(lines: Awaited<ReturnType<typeof referenceLines>>): ReminderData['orders'] {
  const orders = new Map<string, { orderId: string; shipBy: Date | null; productTitle: string | null; lines: number }>();
  for (const line of lines) {
    const entry = orders.get(line.orderId) ?? { orderId: line.orderId, shipBy: null, productTitle: line.productTitle, lines: 0 };
    entry.lines += 1;
    if (line.shipBy && (entry.shipBy === null || line.shipBy < entry.shipBy)) entry.shipBy = line.shipBy;
    entry.productTitle ??= line.productTitle;
    orders.set(line.orderId, entry);
  }
  return [...orders.values()]
    .sort((a, b) => (a.shipBy?.getTime() ?? Infinity) - (b.shipBy?.getTime() ?? Infinity) || a.orderId.localeCompare(b.orderId))
    .flatMap((o) => (o.shipBy ? [{ orderId: o.orderId, shipBy: o.shipBy, productTitle: o.productTitle, lines: o.lines }] : []));
}

/** The centre as first written: chunked log lookups, rendered as planned, sorted by localeCompare. */
async function referenceCentre(db: Db, now: Date) {
  // The loader's own overdue facts (from the shipping queue's summary) left out: the group is derived from the reference's orders.
  const { overdue: _fromSummary, ...loaded } = await loadReminderData(db, now);
  const data = { ...loaded, orders: referenceOrders(await referenceLines(db)) };
  const settings = await readReminderSettings(db);
  // Every rule but the per-order plans (the grouped overdue reminder among them, over the reference's orders).
  const planned: PlannedReminder[] = planReminders(now, data, settings).filter((p) => p.kind !== 'orders.shipDue');
  const all = [...planned, ...(settings.isEnabled ? shippingOf(data.orders, settings.shipDueHours).filter((p) => settings.kinds[p.kind]) : [])].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.key.localeCompare(b.key),
  );
  const rows = await db.selectFrom('reminder_log').selectAll().execute();
  const log = new Map(rows.map((r) => [r.key, { firedAt: r.fired_at ? new Date(r.fired_at) : null, snoozedUntil: r.snoozed_until ? new Date(r.snoozed_until) : null, dismissedAt: r.dismissed_at ? new Date(r.dismissed_at) : null }]));
  const state = (p: PlannedReminder) => {
    const e = log.get(p.key);
    if (e?.dismissedAt) return 'dismissed';
    if (e?.snoozedUntil && e.snoozedUntil > now) return 'snoozed';
    if (e?.firedAt && !(e.snoozedUntil && e.snoozedUntil <= now)) return 'fired';
    return isDue(p, now) || p.dueAt <= now ? 'due' : 'upcoming';
  };
  const entry = (p: PlannedReminder, s: ReminderEntry['state']): ReminderEntry => ({
    ...renderReminder(p, 'zh-CN'),
    state: s,
    firedAt: log.get(p.key)?.firedAt?.toISOString() ?? null,
    snoozedUntil: log.get(p.key)?.snoozedUntil?.toISOString() ?? null,
  });
  const upcoming = all.filter((p) => state(p) === 'upcoming' && p.dueAt.getTime() - now.getTime() <= 86400_000).map((p) => entry(p, 'upcoming'));
  const fired = all.filter((p) => state(p) === 'due' && isDue(p, now)).map((p) => entry(p, 'due'));
  const overdue = data.orders.filter((o) => o.shipBy.getTime() <= now.getTime());
  const overdueOrders = { total: overdue.length, lines: overdue.reduce((n, o) => n + o.lines, 0), orders: overdue.map((o) => ({ orderId: o.orderId, productTitle: o.productTitle, shipBy: o.shipBy.toISOString(), lines: o.lines })) };
  return { upcoming, firedKeys: fired.map((f) => f.key), overdueOrders };
}

function shippingOf(orders: ReminderData['orders'], hours: number): PlannedReminder[] {
  return orders.map((o) => {
    const params = { orderId: o.orderId, product: o.productTitle ?? o.orderId, shipBy: chinaDateTimeText(o.shipBy).slice(5, 16), hours };
    return { key: `orders.shipDue:${o.orderId}`, kind: 'orders.shipDue' as const, dueAt: new Date(o.shipBy.getTime() - hours * 3600_000), expiresAt: o.shipBy, subject: `order:${o.orderId}`, params };
  });
}

describe('Today and the reminders centre on a generated shop', () => {
  // 4 500 lines make over 5 000 reminder keys: the log is then read in one pass (reminder-log.ts).
  it.each([
    [1, 400],
    [2, 400],
    [3, 4500],
  ])('match the reference computation (seed %i, %i lines), asked twice at several moments, around fired, snoozed and dismissed reminders', async (seed, size) => {
    const { db, session } = await openRoutineDb(tempDir());
    sessions.push(session);
    await seedOrderLines(db, generateShop(seed, size));
    const moments = ['2026-09-08 09:00', '2026-09-10 12:00', '2026-09-12 23:30'].map(china);
    // Some reminders already went off, some were snoozed or dismissed.
    const first = planReminders(moments[1] ?? new Date(), await loadReminderData(db, moments[1] ?? new Date()), await readReminderSettings(db)).filter((p) => p.kind.startsWith('orders.'));
    await recordFired(db, first.filter((_, i) => i % 3 === 0), china('2026-09-10 11:00'));
    for (const [i, p] of first.entries()) {
      if (i % 7 === 1) await markReminder(db, p, { snoozedUntil: china('2026-09-10 13:00') }, china('2026-09-10 11:30'));
      if (i % 11 === 2) await markReminder(db, p, { dismissedAt: china('2026-09-10 11:40') }, china('2026-09-10 11:40'));
    }
    let seen = { upcoming: 0, fired: 0 };
    for (const now of moments) {
      for (const round of [1, 2]) {
        const lines = await referenceLines(db);
        const { within, overdue } = classifyShipping(lines, now, 24);
        expect(orderQueues(await loadOrdersPicture(db, now)), `queues round ${round}`).toMatchObject({
          shipWithin24h: countLines(within),
          shipOverdue: countLines(overdue),
          toPurchase: countLines(lines),
        });
        const reference = await referenceCentre(db, now);
        // The whole lists (the RPC cuts them at 1000 at most), compared with the reference.
        const centre = await loadCentre(db, now, 'zh-CN', Infinity);
        expect(centre.totals).toEqual({ upcoming: centre.upcoming.length, fired: centre.fired.length, snoozed: centre.snoozed.length });
        expect(centre.upcoming).toEqual(reference.upcoming);
        // The overdue list (issue 14: read from the shipping queue's summary, cut at a limit with ties broken as groupByOrder does).
        expect(centre.overdueOrders).toEqual(reference.overdueOrders);
        expect((await loadCentre(db, now, 'zh-CN', 7)).overdueOrders).toEqual({ ...reference.overdueOrders, orders: reference.overdueOrders.orders.slice(0, 7) });
        expect(centre.fired.filter((f) => f.state === 'due').map((f) => f.key).sort()).toEqual([...reference.firedKeys].sort());
        const end = chinaDayRange(chinaDateTimeText(now).slice(0, 10)).to.toISOString();
        const counts = await loadCentreCounts(db, now, end);
        expect(counts).toEqual({ upcomingBefore: centre.upcoming.filter((r) => r.dueAt < end).length, fired: centre.fired.length });
        const view = await loadTodayView(db, now, 'zh-CN');
        expect(view.brief.remindersToday).toBe(counts.upcomingBefore);
        seen = { upcoming: seen.upcoming + reference.upcoming.length, fired: seen.fired + reference.firedKeys.length };
      }
    }
    // The comparison was about something.
    expect(seen.upcoming).toBeGreaterThan(0);
    expect(seen.fired).toBeGreaterThan(size / 10);
  });
});

import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { errorMessage } from '../../src/shared/i18n/error-messages';
import type { AppError } from '../../src/shared/errors';
import { AdjustableClock } from '../../src/shared/clock';
import { china, openRoutineDb, seedOrderLines, type OrderLineSeed } from '../helpers/routine-db';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** 300 orders, one every 6 minutes from 08:00 on 2026-09-10 China time: at 12:00 some overdue, most due soon, some upcoming. */
const orders = (): OrderLineSeed[] =>
  Array.from({ length: 300 }, (_, i) => {
    const at = new Date(china('2026-09-10 08:00').getTime() + i * 6 * 60_000);
    const promised = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    return { sub: `s${i}`, order: `69190000000${String(i).padStart(5, '0')}`, status: '待发货', submitted: '2026-09-09 10:00:00', promised };
  });

async function start() {
  const dataDir = tempDir();
  const { session, db } = await openRoutineDb(dataDir);
  await seedOrderLines(db, orders());
  await session.close();
  // The scheduler's check runs when the clock moves (and not on its own within a test).
  const core = await createCore({ dataDir, log: silentLogger, testingClock: new AdjustableClock(), reminderCheckSeconds: 3600 });
  const at = (text: string) => core.call('testing.setTime', { at: china(text).toISOString() });
  return { core, at };
}

describe('reminders.list limit and totals', () => {
  it('cuts each list at `limit` in its own order, the first entries of the whole list, with the full lengths', async () => {
    const { core, at } = await start();
    try {
      // Fired in two rounds (same firedAt within a round: the order must not depend on the cut),
      // then a few snoozed and dismissed.
      await at('2026-09-10 10:00');
      await at('2026-09-10 11:00');
      await at('2026-09-10 12:00');
      const first = await core.call('reminders.list', { limit: 1000 });
      for (const entry of first.fired.slice(3, 9)) await core.call('reminders.snooze', { key: entry.key, choice: '1h' });
      for (const entry of first.fired.slice(20, 22)) await core.call('reminders.dismiss', { key: entry.key });

      const whole = await core.call('reminders.list', { limit: 1000, locale: 'zh-CN' });
      expect(whole.totals).toEqual({ upcoming: whole.upcoming.length, fired: whole.fired.length, snoozed: whole.snoozed.length });
      expect(whole.totals.fired).toBeGreaterThan(200);
      expect(whole.totals.upcoming).toBeGreaterThan(20);
      expect(whole.totals.snoozed).toBe(6);
      expect(new Set(whole.fired.map((e) => e.firedAt)).size).toBe(3);

      for (const limit of [1, 5, 7, 100, 150, 999, 1000]) {
        const cut = await core.call('reminders.list', { limit, locale: 'zh-CN' });
        expect(cut.totals, `limit ${limit}`).toEqual(whole.totals);
        expect(cut.upcoming, `limit ${limit}`).toEqual(whole.upcoming.slice(0, limit));
        expect(cut.fired, `limit ${limit}`).toEqual(whole.fired.slice(0, limit));
        expect(cut.snoozed, `limit ${limit}`).toEqual(whole.snoozed.slice(0, limit));
        expect(cut.isQuietNow).toBe(whole.isQuietNow);
      }
      // Without a limit: the first 100 of each.
      const byDefault = await core.call('reminders.list', { locale: 'zh-CN' });
      expect(byDefault.fired).toEqual(whole.fired.slice(0, 100));
      expect(byDefault.upcoming).toEqual(whole.upcoming.slice(0, 100));
      expect(byDefault.totals).toEqual(whole.totals);
      // Newest first, as before the limit.
      const times = whole.fired.map((e) => e.firedAt ?? e.dueAt);
      expect(times).toEqual([...times].sort().reverse());
    } finally {
      await core.close();
    }
  });

  it('refuses a limit out of 1–1000 before reading anything, with the translated message', async () => {
    const { core } = await start();
    try {
      for (const limit of [0, -1, 1001, 1.5, '10', null]) {
        const error = await core.call('reminders.list', { limit } as never).then(
          () => null,
          (e: unknown) => e as AppError,
        );
        expect(error, String(limit)).toMatchObject({ code: 'VALIDATION' });
        expect(errorMessage(error!.code, 'zh-CN')).toBe('输入的内容不正确，请检查后重试。');
        expect(errorMessage(error!.code, 'en-US')).toMatch(/not valid/);
      }
    } finally {
      await core.close();
    }
  });
});

describe('reminders.due pages', () => {
  // Issue 14: "No response over 1 MB: lists are paged or cut with totals (as reminders.list already is); reminders.due included."
  it('answers the first 100 by default with the total, and pages that put together are the whole list', async () => {
    const { core, at } = await start();
    try {
      await at('2026-09-10 12:00');
      const whole = await core.call('reminders.due', { locale: 'en-US', limit: 1000 });
      expect(whole.total).toBe(whole.reminders.length);
      expect(whole.total).toBeGreaterThan(200);
      const first = await core.call('reminders.due', { locale: 'en-US' });
      expect(first).toEqual({ total: whole.total, reminders: whole.reminders.slice(0, 100) });
      const pages = [];
      for (let offset = 0; offset < whole.total; offset += 37) pages.push(...(await core.call('reminders.due', { locale: 'en-US', offset, limit: 37 })).reminders);
      expect(pages).toEqual(whole.reminders);
      expect(await core.call('reminders.due', { locale: 'en-US', offset: whole.total + 5 })).toEqual({ total: whole.total, reminders: [] });
      for (const bad of [{ limit: 0 }, { limit: 1001 }, { offset: -1 }]) await expect(core.call('reminders.due', bad as never)).rejects.toMatchObject({ code: 'VALIDATION' });
    } finally {
      await core.close();
    }
  });
});

describe('reminders.due kinds', () => {
  it('gives only the reminders of the kinds asked for, in the same order as all of them', async () => {
    const { core, at } = await start();
    try {
      await at('2026-09-10 12:00');
      const all = (await core.call('reminders.due', { locale: 'en-US', limit: 1000 })).reminders;
      expect(all.length).toBeGreaterThan(200);
      for (const kinds of [['orders.shipOverdue'], ['orders.shipDue', 'listing.slot'], ['settlement', 'deposit']] as const) {
        expect((await core.call('reminders.due', { locale: 'en-US', kinds: [...kinds], limit: 1000 })).reminders).toEqual(all.filter((r) => (kinds as readonly string[]).includes(r.kind)));
      }
      for (const kinds of [[], ['nope']]) {
        await expect(core.call('reminders.due', { kinds } as never)).rejects.toMatchObject({ code: 'VALIDATION' });
      }
    } finally {
      await core.close();
    }
  });
});

import type { Kysely } from 'kysely';
import { z } from 'zod';
import { isChinaDate } from '../../shared/domain/china-time';
import { CALENDAR_YEARS, createWorkingCalendar, type HolidayNotice, type NoticeDay, type WorkingCalendar } from '../../shared/domain/working-days';
import type { HolidayCalendarView } from '../../shared/rpc/domains/money';
import type { MoneyDatabase } from './money-schema';

/*
 * The holiday notices the user typed or pasted, one money_settings row per year
 * (`holidayNotice:2027` → the days as JSON). A notice replaces the whole year: the package's data
 * or the estimate no longer apply to it. A row damaged by hand is skipped, never half-read.
 */
const KEY_PREFIX = 'holidayNotice:';
const DAYS = z.array(z.object({ date: z.string().refine(isChinaDate), kind: z.enum(['holiday', 'workday']), name: z.string() })).min(1);

export async function readNotices(db: Kysely<MoneyDatabase>): Promise<HolidayNotice[]> {
  const rows = await db.selectFrom('money_settings').select(['key', 'value']).where('key', 'like', `${KEY_PREFIX}%`).execute();
  const notices: HolidayNotice[] = [];
  for (const row of rows) {
    const year = Number(row.key.slice(KEY_PREFIX.length));
    if (!Number.isInteger(year)) continue;
    try {
      const days = DAYS.safeParse(JSON.parse(row.value));
      if (days.success) notices.push({ year, days: days.data });
    } catch {
      // skipped: the package or the estimate applies to that year
    }
  }
  return notices.sort((a, b) => a.year - b.year);
}

export const loadCalendar = async (db: Kysely<MoneyDatabase>): Promise<WorkingCalendar> => createWorkingCalendar(await readNotices(db));

export async function saveNotice(db: Kysely<MoneyDatabase>, year: number, days: readonly NoticeDay[], now: Date): Promise<void> {
  const row = {
    key: `${KEY_PREFIX}${year}`,
    value: JSON.stringify([...days].map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })).sort((a, b) => a.date.localeCompare(b.date))),
    updated_at: now.toISOString(),
  };
  await db.insertInto('money_settings').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at })).execute();
}

export async function removeNotice(db: Kysely<MoneyDatabase>, year: number): Promise<number> {
  const result = await db.deleteFrom('money_settings').where('key', '=', `${KEY_PREFIX}${year}`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function calendarView(db: Kysely<MoneyDatabase>, year: number): Promise<HolidayCalendarView> {
  const notices = await readNotices(db);
  const calendar = createWorkingCalendar(notices);
  return { year, source: calendar.sourceOf(year), days: calendar.yearDays(year), packageLastYear: CALENDAR_YEARS.last, noticeYears: notices.map((n) => n.year) };
}

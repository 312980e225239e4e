import type { Kysely } from 'kysely';
import { addDays, chinaDate, daysBetween } from '../../shared/domain/china-time';
import { AppError } from '../../shared/errors';
import type { HistoryDay, Streak } from '../../shared/rpc/domains/routine';
import type { RoutineDatabase } from '../db/routine-schema';
import { saveClosedDay } from './closed-days';
import { computeDay, type RoutineSnapshot } from './day-facts';
import { dayState } from './day-state';
import type { RoutineExecutor } from './routine-db';
import { closeSegment, ensureDefaultRoutine, firstActiveDay, loadOpenSegment } from './routine-repository';
import { readRoutineSettings } from './routine-settings';
import { loadSnapshot } from './routine-snapshot';
import { computeStreak } from './streak';

const MAX_DAYS = 400;

/** Dates `from`..`to` inclusive. */
export const dateSpan = (from: string, to: string): string[] => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

/** Days before anything was ever done are not "missed": they are shown empty. */
const beforeStart = (date: string): HistoryDay => ({
  date,
  state: 'off',
  isClosed: false,
  spentMinutes: 0,
  targetMinutes: 0,
  checklist: { done: 0, total: 0 },
  blocks: [],
});

export function historyDays(snapshot: RoutineSnapshot, dates: readonly string[], firstDay: string | null, today: string, now: Date): HistoryDay[] {
  return dates.map((date) => (firstDay === null || date < firstDay ? beforeStart(date) : computeDay(snapshot, date, today, now).day));
}

/** Per-day history between two dates (future days left out). Errors: VALIDATION for a reversed or too long span. */
export async function loadHistory(db: RoutineExecutor, from: string, to: string, now: Date): Promise<HistoryDay[]> {
  const today = chinaDate(now);
  const last = to > today ? today : to;
  if (from > to || daysBetween(from, to) >= MAX_DAYS) throw new AppError('VALIDATION', `a history span is 1 to ${MAX_DAYS} days`, { from, to });
  if (from > last) return [];
  const [snapshot, firstDay] = await Promise.all([loadSnapshot(db, from, last), firstActiveDay(db)]);
  return historyDays(snapshot, dateSpan(from, last), firstDay, today, now);
}

/** The streak from the first active day up to today. */
export async function loadStreak(db: RoutineExecutor, now: Date): Promise<Streak> {
  const { allowedMissesPerWeek } = await readRoutineSettings(db);
  const today = chinaDate(now);
  const first = await firstActiveDay(db);
  if (first === null || first > today) return { current: 0, best: 0, allowedMissesPerWeek };
  const snapshot = await loadSnapshot(db, first, today);
  const days = dateSpan(first, today).map((date) => ({ date, state: computeDay(snapshot, date, today, now).day.state }));
  return computeStreak(days, allowedMissesPerWeek);
}

/**
 * Closes a day: its figures are frozen. Closing today first stops the running block. Closing an
 * already closed day returns it unchanged. Errors: VALIDATION for a future day.
 */
export async function closeDay(db: Kysely<RoutineDatabase>, date: string, now: Date): Promise<HistoryDay> {
  const today = chinaDate(now);
  if (date > today) throw new AppError('VALIDATION', 'a future day cannot be closed', { date, today });
  return db.transaction().execute(async (trx) => {
    await ensureDefaultRoutine(trx, now);
    if (date === today) {
      const open = await loadOpenSegment(trx);
      if (open) await closeSegment(trx, open, now);
    }
    const snapshot = await loadSnapshot(trx, date, date);
    const { day, blocks } = computeDay(snapshot, date, today, now);
    if (day.isClosed) return day;
    const state = dayState({
      blocks: blocks.map((b) => ({ isScheduled: b.isScheduled, status: b.status, spentSeconds: b.spentSeconds })),
      checkedItems: blocks.reduce((sum, b) => sum + b.checked.size, 0),
      isToday: date === today,
      isClosed: true,
    });
    const closed: HistoryDay = { ...day, state, isClosed: true };
    await saveClosedDay(
      trx,
      closed,
      blocks.map((b) => ({
        key: b.block.key,
        title: b.block.title,
        defaultKey: b.block.defaultKey,
        targetMinutes: b.block.targetMinutes,
        spentSeconds: b.spentSeconds,
        status: b.status === 'running' ? 'paused' : b.status,
      })),
      now,
    );
    return closed;
  });
}

import type { Kysely } from 'kysely';
import { addDays, chinaDate, chinaDayRange } from '../../shared/domain/china-time';
import type { Locale } from '../../shared/i18n/error-messages';
import type { CatchUp, DayTotals, MorningBrief, OrderQueues, RoutineBlockView, Streak, TodayView } from '../../shared/rpc/domains/routine';
import type { RoutineDatabase } from '../db/routine-schema';
import { loadDeclineWatch } from '../orders/decline-watch';
import { loadOrdersPicture, orderQueues, type OrdersPicture } from '../orders/orders-picture';
import { loadCentreCounts } from '../reminders/reminder-service';
import { loadListingPicture } from '../sourcing/listing-picture';
import { loadCampaignPicture } from '../campaigns/campaign-picture';
import { loadInfluencerQueue } from '../influencers/goal-facts';
import { computeDay, isScheduledOn, type DayBlock } from './day-facts';
import { loadStreak } from './history';
import { pendingIdle } from './idle-actions';
import { blockQueue, type QueueInput } from './queues';
import { firstActiveDay } from './routine-repository';
import { loadToday, prepareRoutine } from './routine-now';
import { readRoutineSettings } from './routine-settings';
import { loadSnapshot } from './routine-snapshot';
import { isOverTarget } from './timer';

const change = (now: number, before: number): number | null => (before === 0 ? null : (now - before) / before);

const totalsOf = (picture: OrdersPicture, date: string): DayTotals => {
  const day = picture.daily.find((d) => d.date === date);
  return { date, orders: day?.orders ?? 0, amountFen: day?.amountFen ?? 0 };
};

export function morningBrief(picture: OrdersPicture, queues: OrderQueues, today: string, remindersToday: number, streak: Streak): MorningBrief {
  const yesterday = totalsOf(picture, addDays(today, -1));
  const dayBefore = totalsOf(picture, addDays(today, -2));
  const hasYesterday = picture.completeThrough !== null && picture.completeThrough >= yesterday.date;
  return {
    hasYesterday,
    ordersThrough: picture.completeThrough,
    yesterday,
    dayBefore,
    ordersChange: hasYesterday ? change(yesterday.orders, dayBefore.orders) : null,
    amountChange: hasYesterday ? change(yesterday.amountFen, dayBefore.amountFen) : null,
    shipWithin24h: queues.shipWithin24h,
    shipOverdue: queues.shipOverdue,
    remindersToday,
    streak,
  };
}

function blockView(b: DayBlock, input: QueueInput): RoutineBlockView {
  return {
    key: b.block.key,
    title: b.block.title,
    defaultKey: b.block.defaultKey,
    targetMinutes: b.block.targetMinutes,
    weekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => (b.block.weekdays & (1 << (d - 1))) !== 0),
    isScheduled: b.isScheduled,
    status: b.status,
    spentSeconds: b.spentSeconds,
    runningSince: b.runningSince?.toISOString() ?? null,
    isOverTarget: isOverTarget(b.spentSeconds, b.block.targetMinutes),
    checklist: b.items.map((i) => ({ id: i.id, text: i.text, defaultKey: i.defaultKey, checked: b.checked.has(i.id) })),
    queue: blockQueue(b.block.queue, input),
  };
}

/** Yesterday, when it had a plan or work and was not closed: offered for closing with what is still open. */
async function catchUpFor(db: Kysely<RoutineDatabase>, today: string, now: Date, queues: OrderQueues, remindersMissed: number): Promise<CatchUp | null> {
  const yesterday = addDays(today, -1);
  const first = await firstActiveDay(db);
  if (first === null || first > yesterday) return null;
  const { day, blocks } = computeDay(await loadSnapshot(db, yesterday, yesterday), yesterday, today, now);
  if (day.isClosed || day.state === 'off') return null;
  return {
    date: yesterday,
    unfinished: blocks
      .filter((b) => b.isScheduled && b.status !== 'done')
      .map((b) => ({ key: b.block.key, title: b.block.title, defaultKey: b.block.defaultKey, status: b.status, spentSeconds: b.spentSeconds, targetMinutes: b.block.targetMinutes })),
    checklistOpen: day.checklist.total - day.checklist.done,
    shipOverdue: queues.shipOverdue,
    afterSalesOpen: queues.afterSalesOpen,
    remindersMissed,
  };
}

/** Everything the Today screen (and `shopdesk today`) shows, computed at `now` (reminders only counted; `locale` names seeded campaigns). */
export async function loadTodayView(db: Kysely<RoutineDatabase>, now: Date, locale: Locale): Promise<TodayView> {
  await prepareRoutine(db, now);
  const today = chinaDate(now);
  const endOfToday = chinaDayRange(today).to.toISOString();
  const [day, idle, settings, streak, orders, centre, watch] = await Promise.all([
    loadToday(db, now),
    pendingIdle(db),
    readRoutineSettings(db),
    loadStreak(db, now),
    loadOrdersPicture(db, now),
    loadCentreCounts(db, now, endOfToday),
    loadDeclineWatch(db, now),
  ]);
  const queues = orderQueues(orders);
  const input: QueueInput = { now, today, orders, listing: await loadListingPicture(db, today), campaigns: await loadCampaignPicture(db, now, locale), influencers: await loadInfluencerQueue(db, today), decline: watch.alert };

  // Blocks not planned today and untouched are still listed (greyed), so any block can be started.
  const shown = new Set(day.blocks.map((b) => b.block.id));
  const snapshotBlocks = (await loadSnapshot(db, today, today)).blocks;
  const untouched: DayBlock[] = snapshotBlocks
    .filter((b) => !b.isRemoved && !shown.has(b.id))
    .map((block) => ({ block, isScheduled: isScheduledOn(block, today, today), status: 'todo', spentSeconds: 0, runningSince: null, lastWorkedAt: 0, items: [], checked: new Set() }));
  const blocks = [...day.blocks, ...untouched].sort((a, b) => a.block.position - b.block.position || a.block.id - b.block.id);
  const planned = blocks.filter((b) => b.isScheduled);
  const running = blocks.find((b) => b.status === 'running');

  return {
    date: today,
    now: now.toISOString(),
    blocks: blocks.map((b) => blockView(b, input)),
    running: running?.runningSince ? { key: running.block.key, since: running.runningSince.toISOString() } : null,
    progress: {
      done: planned.filter((b) => b.status === 'done').length,
      total: planned.length,
      spentSeconds: blocks.reduce((sum, b) => sum + b.spentSeconds, 0),
      targetMinutes: planned.reduce((sum, b) => sum + b.block.targetMinutes, 0),
    },
    isClosed: day.day.isClosed,
    pendingIdle: idle,
    catchUp: await catchUpFor(db, today, now, queues, centre.fired),
    brief: morningBrief(orders, queues, today, centre.upcomingBefore, streak),
    queues,
    streak,
    settings,
  };
}

import { z } from 'zod';
import type { DeclineAlert } from './decline';
import { listField, numberField, textField } from '../../validation/field-schemas';

/** Where a block's live work queue comes from; null for blocks whose domain has none yet. */
export const QUEUE_SOURCES = ['data', 'sourcing', 'orders', 'campaigns', 'influencers'] as const;
export type QueueSource = (typeof QUEUE_SOURCES)[number];

export const BLOCK_STATUSES = ['todo', 'running', 'paused', 'done'] as const;
/** `paused`: started today and not finished (also after switching to another block). */
export type BlockStatus = (typeof BLOCK_STATUSES)[number];

export const IDLE_ACTIONS = ['keep', 'discard', 'discardAndStop'] as const;
/** keep the idle time · discard it and keep the block running · discard it and stop the block. */
export type IdleAction = (typeof IDLE_ACTIONS)[number];

export type ChecklistItem = {
  id: number;
  /** As stored; for an untouched default item `defaultKey` names its translation. */
  text: string;
  defaultKey: string | null;
  checked: boolean;
};

/** One figure in a queue: `id` is also the renderer's label key (`today.queue.<id>`). */
export type QueueItem = {
  id: string;
  count: number;
  /** Order lines beside the orders where that helps (shipping, purchasing). */
  lines: number | null;
  tone: 'danger' | 'warning' | 'info' | 'success';
};

/** One concrete thing waiting, e.g. an order that must ship soon. */
export type QueueRow = {
  key: string;
  title: string;
  /** ISO instant the row is due (ship-by time), if it has one. */
  dueAt: string | null;
  lines: number;
  tone: 'danger' | 'warning' | 'info';
};

export type DailyOrders = { date: string; orders: number; amountFen: number };

/** The decline watch's alert (shared/rpc/domains/decline.ts). */
export type { DeclineAlert } from './decline';

/**
 * A block's live work queue, computed locally from imported data. The mechanism is generic: a
 * block names its source and the source's domain answers `{ count, items }` (plus optional rows,
 * series, target). `isAvailable: false` means the domain that feeds it is not built yet: the
 * figures are then honest zeros, never invented.
 */
export type BlockQueue = {
  source: QueueSource;
  isAvailable: boolean;
  count: number;
  items: QueueItem[];
  rows: QueueRow[];
  target: { min: number; max: number } | null;
  series: DailyOrders[] | null;
  decline: DeclineAlert | null;
};

export type RoutineBlockView = {
  key: string;
  title: string;
  defaultKey: string | null;
  targetMinutes: number;
  /** ISO weekdays (Monday = 1 … Sunday = 7) the block is planned on. */
  weekdays: number[];
  isScheduled: boolean;
  status: BlockStatus;
  /** Time booked today up to `now` (China day; a block running across midnight is split). */
  spentSeconds: number;
  /** Start of the running stretch; a UI adds (its now − this) to tick without asking again. */
  runningSince: string | null;
  isOverTarget: boolean;
  checklist: ChecklistItem[];
  queue: BlockQueue | null;
};

export type LineCount = { orders: number; lines: number };

/** The CLI's `queues` object (see `shopdesk today`). */
export type OrderQueues = {
  shipWithin24h: LineCount;
  shipOverdue: LineCount;
  toPurchase: LineCount;
  /**
   * Paid, unshipped lines whose 售后状态 is open or refunded (DOUYIN_EXPORTS.md §3.2): "买家已申请退款：
   * 先别采购" — never in the 24-hour, overdue or to-purchase figures.
   */
  refundBeforeShip: LineCount;
  /** Order lines (sub-orders) whose current 售后状态 is open. */
  afterSalesOpen: number;
  /** False until any order export has been imported. */
  hasOrderData: boolean;
};

export type Streak = { current: number; best: number; allowedMissesPerWeek: number };

export type DayTotals = { date: string; orders: number; amountFen: number };

export type MorningBrief = {
  /** False when the imported orders do not reach yesterday yet: its figures are unknown, not zero. */
  hasYesterday: boolean;
  /** The last China day the imported orders fully cover, or null before any import. */
  ordersThrough: string | null;
  yesterday: DayTotals;
  dayBefore: DayTotals;
  /** Change of yesterday against the day before, as a fraction (0.12 = +12 %); null when the day before had none. */
  ordersChange: number | null;
  amountChange: number | null;
  shipWithin24h: LineCount;
  shipOverdue: LineCount;
  /** Reminders still to come today. */
  remindersToday: number;
  streak: Streak;
};

export type PendingIdle = { id: number; from: string; to: string; minutes: number; blockKey: string };

/** A past day that was never closed, offered for closing with what is still open from it. */
export type CatchUp = {
  date: string;
  unfinished: { key: string; title: string; defaultKey: string | null; status: BlockStatus; spentSeconds: number; targetMinutes: number }[];
  checklistOpen: number;
  shipOverdue: LineCount;
  afterSalesOpen: number;
  remindersMissed: number;
};

export type RoutineSettings = {
  /** Missed days per China week (Mon–Sun) that do not break the streak. */
  allowedMissesPerWeek: number;
  /** Away at least this long while a block ran: ask what to do with the time. */
  idleMinutes: number;
};

export type TodayView = {
  date: string;
  now: string;
  blocks: RoutineBlockView[];
  running: { key: string; since: string } | null;
  progress: { done: number; total: number; spentSeconds: number; targetMinutes: number };
  isClosed: boolean;
  pendingIdle: PendingIdle | null;
  catchUp: CatchUp | null;
  brief: MorningBrief;
  queues: OrderQueues;
  streak: Streak;
  settings: RoutineSettings;
};

export type BlockRef = { key: string; title: string; defaultKey: string | null };

/** The small picture for the tray and for answers to timer actions. */
export type RoutineStatus = {
  date: string;
  now: string;
  running: (BlockRef & { since: string; spentSeconds: number; targetMinutes: number }) | null;
  /** The most recently worked block that is started but not finished, when nothing runs. */
  paused: (BlockRef & { spentSeconds: number; targetMinutes: number }) | null;
  next: BlockRef | null;
  blocksDone: number;
  blocksTotal: number;
  listed: { count: number; min: number; max: number; isAvailable: boolean };
  /** New influencers added today against the daily goal (联系达人), with the streak over China days. */
  influencers: { added: number; goal: number; streak: number };
  isClosed: boolean;
  pendingIdle: PendingIdle | null;
};

export type HistoryBlock = BlockRef & { targetMinutes: number; spentMinutes: number; status: BlockStatus };

/**
 * `done`: every planned block finished · `partial`: some work, not all · `missed`: nothing done on
 * a planned day · `off`: nothing planned · `open`: today, still running.
 */
export type DayState = 'done' | 'partial' | 'missed' | 'off' | 'open';

export type HistoryDay = {
  date: string;
  state: DayState;
  isClosed: boolean;
  spentMinutes: number;
  targetMinutes: number;
  checklist: { done: number; total: number };
  blocks: HistoryBlock[];
};

export type RoutineHistory = { from: string; to: string; days: HistoryDay[]; streak: Streak };

export type DefinitionBlock = BlockRef & {
  targetMinutes: number;
  weekdays: number[];
  queue: QueueSource | null;
  checklist: { id: number; text: string; defaultKey: string | null }[];
};

export type RoutineDefinition = { blocks: DefinitionBlock[]; settings: RoutineSettings };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true });
/** A block's key (`orders`) or, for convenience on the command line, its title (`订单处理`). */
const blockRef = z.string().min(1).max(64);
const empty = z.object({}).strict();
const weekdays = z.array(z.number().int().min(1).max(7)).max(7);

export const routineMethods = {
  /** Today's routine: blocks with live time, checklists and queues, morning brief, streak, catch-up. */
  'routine.today': empty,
  /** Running / paused / next block and today's progress (tray, timer answers). */
  'routine.status': empty,
  /** Starts a block now; a running block is paused first (switch). A finished block is reopened. Errors: NOT_FOUND. */
  'routine.start': z.object({ block: blockRef }).strict(),
  /** Pauses the running block; nothing running is not an error. */
  'routine.pause': empty,
  /** Resumes the given block, or the last paused one. Errors: NOT_FOUND, VALIDATION (nothing to resume). */
  'routine.resume': z.object({ block: blockRef.optional() }).strict(),
  /** Marks a block (default: the running one) finished today. Errors: NOT_FOUND, VALIDATION. */
  'routine.finish': z.object({ block: blockRef.optional() }).strict(),
  /** Finishes the running (or paused) block and starts the next unfinished planned one. */
  'routine.next': empty,
  /** Ticks or unticks a checklist item for today. Errors: NOT_FOUND. */
  'routine.check': z.object({ itemId: z.number().int().positive(), checked: z.boolean() }).strict(),
  /**
   * The UI saw the user away from `from` to `to` (browser: page hidden; desktop: system idle).
   * Kept as a question when a block ran for at least the idle threshold of it; never booked silently.
   */
  'routine.reportIdle': z.object({ from: instant, to: instant }).strict(),
  /** Answers the pending idle question. Errors: NOT_FOUND. */
  'routine.resolveIdle': z.object({ id: z.number().int().positive(), action: z.enum(IDLE_ACTIONS) }).strict(),
  /** Closes a day (today or an earlier unclosed one): freezes its history; closing today stops the timer. */
  'routine.closeDay': z.object({ date: isoDate }).strict(),
  /** Per-day history between two dates (at most 400 days), with the streak. */
  'routine.history': z.object({ from: isoDate, to: isoDate }).strict(),
  /** The editable routine: blocks in order with targets, weekdays and checklists. */
  'routine.definition': empty,
  /** Adds (no key) or changes a block. Errors: NOT_FOUND. */
  'routine.saveBlock': z
    .object({
      key: z.string().min(1).max(64).optional(),
      title: textField('blockTitle'),
      targetMinutes: numberField('targetMinutes'),
      weekdays,
      checklist: listField('checklist', z.object({ id: z.number().int().positive().optional(), text: textField('checklistText') }).strict()),
    })
    .strict(),
  /** Removes a block from the routine (its history stays). Errors: NOT_FOUND. */
  'routine.removeBlock': z.object({ key: z.string().min(1).max(64) }).strict(),
  /** Puts the blocks in this order (every current key exactly once). Errors: VALIDATION. */
  'routine.reorder': z.object({ keys: z.array(z.string().min(1).max(64)).min(1).max(30) }).strict(),
  'routine.updateSettings': z
    .object({ allowedMissesPerWeek: numberField('allowedMissesPerWeek').optional(), idleMinutes: numberField('idleMinutes').optional() })
    .strict(),
} as const;

export type RoutineResults = {
  'routine.today': TodayView;
  'routine.status': RoutineStatus;
  'routine.start': RoutineStatus;
  'routine.pause': RoutineStatus;
  'routine.resume': RoutineStatus;
  'routine.finish': RoutineStatus;
  'routine.next': RoutineStatus;
  'routine.check': RoutineStatus;
  'routine.reportIdle': RoutineStatus;
  'routine.resolveIdle': RoutineStatus;
  'routine.closeDay': HistoryDay;
  'routine.history': RoutineHistory;
  'routine.definition': RoutineDefinition;
  'routine.saveBlock': RoutineDefinition;
  'routine.removeBlock': RoutineDefinition;
  'routine.reorder': RoutineDefinition;
  'routine.updateSettings': RoutineSettings;
};

export type RoutineEvents = {
  /** The timer, a checklist, a closed day or the routine itself changed. */
  'routine.changed': { date: string; reason: 'timer' | 'checklist' | 'idle' | 'closed' | 'definition' | 'settings' };
};

import { z } from 'zod';
import { isChinaDate } from '../../domain/china-time';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';
import { SETTLEMENT_RULE_KINDS, type SettlementRuleKind } from '../../domain/settlement-rules';
import { NOTICE_DAY_MAX, noticeProblems } from '../../domain/holiday-notice';
import type { CalendarDay, CalendarSource } from '../../domain/working-days';

/** 个人 / 个体工商户 / 企业: the deposit depends on it. */
export const ENTITY_TYPES = ['individual', 'soleProprietor', 'company'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LEDGER_KINDS = ['paid', 'topUp', 'deduction', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** The kinds a user types in, and `credit`: money the deposit account received back (e.g. 仲裁申诉通过打款). */
export type LedgerEntryKind = LedgerKind | 'credit';

/** Why the shop was closed: by the seller, or by the platform for violations (it can never reopen). */
export const CLOSURE_REASONS = ['voluntary', 'violation'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The shop's money settings: who it is, what it sells, how it is paid, where its deposit stands. */
export type MoneyProfile = {
  entity: EntityType;
  /** First-level categories (一级类目) the shop sells in; names as in the deposit table. */
  categories: string[];
  settlementRule: SettlementRuleKind;
  /** N of the per-order rule: days after receipt is confirmed. */
  perOrderDays: number;
  /** 体验分, to suggest N (≥ 4.4 → 4 days, else 10); null when not given. */
  experienceScore: number | null;
  /** An unconfirmed shipped line is assumed confirmed this many days after shipping. */
  autoConfirmDays: number;
  /** A line shipped longer ago than this, not settled and past its settlement day is overdue (S2's default: 10). */
  overdueDays: number;
  /** Used when the funds flow has no settled history: percent of the payable amount. */
  platformFeePercent: number;
  /** Used for lines with an influencer when history is missing. */
  commissionPercent: number;
  /** The refund path: China dates or null. */
  closedOn: string | null;
  /** Null while open, or when closed without saying why (read as voluntary). */
  closureReason: ClosureReason | null;
  refundAppliedOn: string | null;
  refundReceivedOn: string | null;
};

export type DepositRate = { entity: EntityType; category: string; amountFen: number | null };

export type LedgerEntry = {
  /** `m:<id>` for an entry typed in, `f:<动账流水号>` for one recognised in the funds flow. */
  id: string;
  on: string;
  kind: LedgerEntryKind;
  /** Signed effect on the deposit balance. */
  amountFen: number;
  note: string;
  source: 'manual' | 'funds';
  scene: string | null;
};

export type RefundPath = {
  state: 'open' | 'closed' | 'applied' | 'overdue' | 'refunded';
  closedOn: string | null;
  closureReason: ClosureReason | null;
  appliedOn: string | null;
  /** 7 working days after the application, on the Chinese calendar. */
  expectedBy: string | null;
  receivedOn: string | null;
  /**
   * `from`: may apply to reopen from `reopenFrom` (6 months after closing and refund, the later);
   * `afterRefund`: closed, refund not received yet; `never`: closed for violations; `notClosed`.
   */
  reopenState: 'notClosed' | 'afterRefund' | 'from' | 'never';
  reopenFrom: string | null;
  /** False when the expected date was counted over holidays that are only estimated. */
  isCalendarKnown: boolean;
  /** True when the expected date rests on estimated holidays (预估). */
  expectedByEstimated: boolean;
};

export type DepositView = {
  requiredFen: number | null;
  /** The category that sets the requirement (the highest). */
  requiredBy: string | null;
  /** Shop categories with no figure for the entity type in the table. */
  unknownCategories: string[];
  /** Categories not open to the entity type (a private person outside seed 004's four: 暂不招商). */
  notOpenCategories: string[];
  balanceFen: number;
  shortfallFen: number;
  ledger: LedgerEntry[];
  refund: RefundPath;
};

/** A run of China dates, both ends included. */
export type DayRange = { from: string; to: string };

export type ForecastDay = { date: string; expectedFen: number; lines: number };

export type Forecast = {
  rule: SettlementRuleKind;
  perOrderDays: number;
  from: string;
  days: ForecastDay[];
  overdue: { lines: number; amountFen: number };
  /** Held back by an open after-sales request, or not shipped yet. */
  waiting: { lines: number; amountFen: number };
  /**
   * Past their settlement day and the overdue allowance, but no imported funds flow or settlement
   * bill covers that day: whether they were paid is not known, so they are not called overdue.
   */
  unchecked: { lines: number; amountFen: number };
  /** The days the imported funds flows and settlement bills cover (each file's first to last day). */
  coverage: DayRange[];
  /** Where the fee and commission rates come from. */
  feeBasis: { source: 'history' | 'settings'; platformFeeRate: number; commissionRate: number; settledLines: number };
};

export const LINE_STATUSES = ['settled', 'partlySettled', 'refunded', 'notYet'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export type ReconciledLine = {
  subOrderId: string;
  orderId: string;
  product: string | null;
  shippedOn: string | null;
  confirmedOn: string | null;
  status: LineStatus;
  expectedFen: number;
  actualFen: number;
  expectedOn: string | null;
  settledOn: string | null;
  isOverdue: boolean;
  /** Days since shipping, for the overdue queue. */
  daysSinceShipped: number | null;
};

export type ReconciliationDay = { date: string; expectedFen: number; actualFen: number };

export type FeePeriod = {
  /** `YYYY-MM`. */
  period: string;
  settledFen: number;
  platformFeeFen: number;
  commissionFen: number;
  otherFeesFen: number;
  refundsFen: number;
  /** Funds-flow rows without an order (withdrawals, premiums, penalties …). */
  unlinkedFen: number;
};

/**
 * The reconciliation's summary. The lines themselves (500k at the top size, ≈ 200 MB of JSON) are
 * read a page at a time with `money.reconciliationLines`.
 */
export type Reconciliation = {
  /** Lines per status; their sum is the total of the `all` list. */
  counts: Record<LineStatus, number>;
  /** The overdue queue: how many lines (the total of the `overdue` list) and their expected amount. */
  overdue: { lines: number; amountFen: number };
  /** Past due on a day no imported funds flow or bill covers: not known, not overdue (see Forecast). */
  unchecked: { lines: number; amountFen: number };
  coverage: DayRange[];
  days: ReconciliationDay[];
  periods: FeePeriod[];
  hasFunds: boolean;
  hasOrders: boolean;
  /** Funds-flow / bill rows with a blank 子订单号 whose 订单号 has no single line: "未能对应到订单行", with their amount. */
  unmatched: UnmatchedMovements;
};

/** A settlement or refund row no order line took: its order has no imported line, or several (the row cannot be split). */
export type UnmatchedMovement = {
  source: 'funds' | 'bill';
  key: string;
  orderId: string;
  on: string;
  kind: 'settlement' | 'refund';
  amountFen: number;
  reason: 'noLine' | 'severalLines';
};
export type UnmatchedMovements = { rows: number; amountFen: number; items: UnmatchedMovement[] };

/** `all`: every order line in import order; `overdue`: the overdue queue, longest waiting first. */
export const RECONCILIATION_LISTS = ['all', 'overdue'] as const;
export type ReconciliationList = (typeof RECONCILIATION_LISTS)[number];

/** The most lines one `money.reconciliationLines` call returns. */
export const RECONCILIATION_PAGE_MAX = 200;

export type ReconciliationLinesPage = {
  /** Lines in the list (after the status filter), not only on this page. */
  total: number;
  lines: ReconciledLine[];
};

/** One year of the working-day calendar and where it comes from (the Settings → 节假日 screen). */
export type HolidayCalendarView = {
  year: number;
  source: CalendarSource;
  /** Holidays and make-up working days, by date. */
  days: CalendarDay[];
  /** The last year the shipped package knows; later years are estimated until a notice is saved. */
  packageLastYear: number;
  /** Years with a notice typed in or pasted. */
  noticeYears: number[];
};

const date = z.string().refine(isChinaDate, 'YYYY-MM-DD');
const calendarYear = z.number().int().min(2004).max(2100);
const category = textField('depositCategory');

export const moneyMethods = {
  /** The shop's money profile (defaults until saved). */
  'money.profile': z.object({}).strict(),
  /** Changes the profile; emits `money.changed`. */
  'money.updateProfile': z
    .object({
      entity: z.enum(ENTITY_TYPES).optional(),
      categories: listField('depositCategories', category).optional(),
      settlementRule: z.enum(SETTLEMENT_RULE_KINDS).optional(),
      perOrderDays: numberField('perOrderDays').optional(),
      experienceScore: numberField('experienceScore').nullable().optional(),
      autoConfirmDays: numberField('autoConfirmDays').optional(),
      overdueDays: numberField('overdueDays').optional(),
      platformFeePercent: numberField('platformFeePercent').optional(),
      commissionPercent: numberField('commissionPercent').optional(),
      closedOn: formatField('closedOn').nullable().optional(),
      closureReason: z.enum(CLOSURE_REASONS).nullable().optional(),
      refundAppliedOn: formatField('refundAppliedOn').nullable().optional(),
      refundReceivedOn: formatField('refundReceivedOn').nullable().optional(),
    })
    .strict(),
  /** The deposit table by entity type and first-level category (seeded from DOMAIN.md). */
  'money.depositRates': z.object({}).strict(),
  /** Sets (or adds) one figure; `amountFen: null` = the category is not open to that entity. Emits `money.changed`. */
  'money.setDepositRate': z.object({ entity: z.enum(ENTITY_TYPES), category, amountFen: numberField('depositRate').nullable() }).strict(),
  /** Removes a category from the table. Emits `money.changed`. */
  'money.removeDepositCategory': z.object({ category }).strict(),
  /** Required vs balance, the ledger (typed-in entries and those recognised in the funds flow) and the refund path. */
  'money.deposit': z.object({}).strict(),
  /** Records a deposit payment, top-up, deduction or refund typed in by the user. Emits `money.changed`. */
  'money.addLedgerEntry': z.object({ on: formatField('ledgerDate'), kind: z.enum(LEDGER_KINDS), amountFen: numberField('ledgerAmount'), note: textField('ledgerNote').default('') }).strict(),
  /** Removes a typed-in entry (errors: NOT_FOUND). Emits `money.changed`. */
  'money.removeLedgerEntry': z.object({ id: z.number().int().positive() }).strict(),
  /** Expected cash per day from `from` (default today, China time) for `days` days (default 30). */
  'money.forecast': z.object({ from: date.optional(), days: z.number().int().min(1).max(120).optional() }).strict(),
  /**
   * The summary of each line against the funds flow and settlement bill: lines per status, expected
   * vs actual per day, fees per month, the overdue queue's count and amount. No lines: page them
   * with `money.reconciliationLines`.
   */
  'money.reconciliation': z.object({}).strict(),
  /**
   * One page of the reconciled lines: `list: 'all'` in import order (optionally only one `status`),
   * `list: 'overdue'` in the overdue queue's order (most days since shipping first). `offset` past
   * the end gives an empty page with the total. Served from the same held reconciliation as
   * `money.reconciliation`, so pages and summary agree for one imports version, day and settings.
   */
  'money.reconciliationLines': z
    .object({
      list: z.enum(RECONCILIATION_LISTS),
      status: z.enum(LINE_STATUSES).optional(),
      offset: z.number().int().min(0).max(1e9),
      limit: z.number().int().min(1).max(RECONCILIATION_PAGE_MAX),
    })
    .strict(),
  /** One year of the working-day calendar with its source (notice, package, estimate). */
  'money.holidayCalendar': z.object({ year: calendarYear }).strict(),
  /**
   * Saves a year's notice (replacing any earlier one for that year); it then wins over the package
   * and the estimate. Refused with field-level issues (holiday-notice.ts noticeProblems). Emits `money.changed`.
   */
  'money.saveHolidayNotice': z
    .object({
      year: calendarYear,
      days: z
        .array(z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() }).strict())
        .min(1)
        .max(NOTICE_DAY_MAX),
    })
    .strict()
    .superRefine((v, ctx) => {
      for (const p of noticeProblems(v.year, v.days)) ctx.addIssue({ code: 'custom', path: ['days', p.index, p.field], message: p.code });
    }),
  /** Removes a year's notice: the package or the estimate applies again. Errors: NOT_FOUND. Emits `money.changed`. */
  'money.removeHolidayNotice': z.object({ year: calendarYear }).strict(),
} as const;

export type MoneyResults = {
  'money.profile': MoneyProfile;
  'money.updateProfile': MoneyProfile;
  'money.depositRates': DepositRate[];
  'money.setDepositRate': DepositRate[];
  'money.removeDepositCategory': DepositRate[];
  'money.deposit': DepositView;
  'money.addLedgerEntry': DepositView;
  'money.removeLedgerEntry': DepositView;
  'money.forecast': Forecast;
  'money.reconciliation': Reconciliation;
  'money.reconciliationLines': ReconciliationLinesPage;
  'money.holidayCalendar': HolidayCalendarView;
  'money.saveHolidayNotice': HolidayCalendarView;
  'money.removeHolidayNotice': HolidayCalendarView;
};

export type MoneyEvents = {
  /** The profile, the deposit table or the ledger changed. */
  'money.changed': Record<string, never>;
};

import { z } from 'zod';
import { isChinaDate } from '../../domain/china-time';
import { formatField, listField, numberField, textField } from '../../validation/field-schemas';
import { SETTLEMENT_RULE_KINDS, type SettlementRuleKind } from '../../domain/settlement-rules';

/** 个人 / 个体工商户 / 企业: the deposit depends on it. */
export const ENTITY_TYPES = ['individual', 'soleProprietor', 'company'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const LEDGER_KINDS = ['paid', 'topUp', 'deduction', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

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
  refundAppliedOn: string | null;
  refundReceivedOn: string | null;
};

export type DepositRate = { entity: EntityType; category: string; amountFen: number | null };

export type LedgerEntry = {
  /** `m:<id>` for an entry typed in, `f:<动账流水号>` for one recognised in the funds flow. */
  id: string;
  on: string;
  kind: LedgerKind;
  /** Signed effect on the deposit balance. */
  amountFen: number;
  note: string;
  source: 'manual' | 'funds';
  scene: string | null;
};

export type RefundPath = {
  state: 'open' | 'closed' | 'applied' | 'overdue' | 'refunded';
  closedOn: string | null;
  appliedOn: string | null;
  /** 7 working days after the application, on the Chinese calendar. */
  expectedBy: string | null;
  receivedOn: string | null;
  /** Closing date + 6 months. */
  reopenFrom: string | null;
  /** False when the expected date lies past the years the holiday calendar covers. */
  isCalendarKnown: boolean;
};

export type DepositView = {
  requiredFen: number | null;
  /** The category that sets the requirement (the highest). */
  requiredBy: string | null;
  /** Shop categories with no figure for the entity type in the table. */
  unknownCategories: string[];
  balanceFen: number;
  shortfallFen: number;
  ledger: LedgerEntry[];
  refund: RefundPath;
};

export type ForecastDay = { date: string; expectedFen: number; lines: number };

export type Forecast = {
  rule: SettlementRuleKind;
  perOrderDays: number;
  from: string;
  days: ForecastDay[];
  overdue: { lines: number; amountFen: number };
  /** Held back by an open after-sales request, or not shipped yet. */
  waiting: { lines: number; amountFen: number };
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
  days: ReconciliationDay[];
  periods: FeePeriod[];
  hasFunds: boolean;
  hasOrders: boolean;
};

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

const date = z.string().refine(isChinaDate, 'YYYY-MM-DD');
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
};

export type MoneyEvents = {
  /** The profile, the deposit table or the ledger changed. */
  'money.changed': Record<string, never>;
};

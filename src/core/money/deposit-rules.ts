import { DEFAULT_CALENDAR, type WorkingCalendar } from '../../shared/domain/working-days';
import { addDays } from '../../shared/domain/china-time';
import { PRIVATE_PERSON_DEPOSIT_FEN, isOpenToPrivatePerson } from '../../shared/domain/private-person-deposit';
import type { DepositRate, EntityType, LedgerEntry, LedgerEntryKind, LedgerKind, MoneyProfile, RefundPath } from '../../shared/rpc/domains/money';

/*
 * The deposit (保证金). Seed figures are DOMAIN.md's examples, in fen; the platform changes them,
 * so the table is the user's to edit. A private person (个人) is a rule of its own (seed 004): ¥500
 * in four first-level categories, every other category closed to them (PRIVATE_PERSON_OPEN).
 */
export const DEPOSIT_SEED: readonly DepositRate[] = [
  { entity: 'individual', category: '服饰内衣', amountFen: 50_000 },
  { entity: 'soleProprietor', category: '服饰内衣', amountFen: 200_000 },
  { entity: 'company', category: '服饰内衣', amountFen: 400_000 },
  { entity: 'individual', category: '母婴', amountFen: null },
  { entity: 'soleProprietor', category: '母婴', amountFen: 500_000 },
  { entity: 'company', category: '母婴', amountFen: 1_000_000 },
  { entity: 'individual', category: '珠宝文玩', amountFen: null },
  { entity: 'soleProprietor', category: '珠宝文玩', amountFen: 2_000_000 },
  { entity: 'company', category: '珠宝文玩', amountFen: 2_000_000 },
];

export type Requirement = { requiredFen: number | null; requiredBy: string | null; unknownCategories: string[]; notOpenCategories: string[] };

/**
 * With several first-level categories the highest figure applies. A figure in the table always
 * wins (the platform changes them); without one, a private person gets seed 004's rule — ¥500 in
 * its four categories, "暂不招商" in every other — and the other entity types an unknown figure.
 */
export function requiredDeposit(entity: EntityType, categories: readonly string[], rates: readonly DepositRate[]): Requirement {
  let requiredFen: number | null = null;
  let requiredBy: string | null = null;
  const unknownCategories: string[] = [];
  const notOpenCategories: string[] = [];
  for (const category of categories) {
    let amountFen = rates.find((r) => r.entity === entity && r.category === category)?.amountFen ?? null;
    if (amountFen === null && entity === 'individual') {
      if (!isOpenToPrivatePerson(category)) {
        notOpenCategories.push(category);
        continue;
      }
      amountFen = PRIVATE_PERSON_DEPOSIT_FEN;
    }
    if (amountFen === null) {
      unknownCategories.push(category);
      continue;
    }
    if (requiredFen === null || amountFen > requiredFen) {
      requiredFen = amountFen;
      requiredBy = category;
    }
  }
  return { requiredFen, requiredBy, unknownCategories, notOpenCategories };
}

/** Sign of each kind's effect on the balance (the kinds a user types in). */
export const LEDGER_SIGN: Record<LedgerKind, 1 | -1> = { paid: 1, topUp: 1, deduction: -1, refund: -1 };

export type FundsRowFacts = {
  flowId: string;
  flowAt: string | null;
  /** 动账方向: 入账 or 出账 (收入 / 支出 in the ledger export). */
  direction: string;
  amountFen: number;
  /** 动账账户: 聚合账户 for the goods account; a deposit account names 保证金. */
  account: string | null;
  scene: string | null;
  note: string | null;
};

const isCredit = (direction: string): boolean => direction.includes('入') || direction.includes('收');

/*
 * Which funds-flow rows move the deposit (DOUYIN_EXPORTS.md §4.1: "动账方向 is 入账 or 出账, and
 * 动账金额 is a positive magnitude. Signed amount = +amount for 入账, −amount for 出账."). The sign
 * always comes from 动账方向, never from the scene's name:
 * - a row of the deposit account itself (动账账户 or 备注 names the 保证金账户): its signed amount
 *   is the deposit's movement — 出账 takes from it (a fine the deposit paid, a refund paid out),
 *   入账 adds to it (a top-up, or a credit such as 仲裁申诉通过打款);
 * - a transfer seen from the goods account (充值保证金, 保证金退款): the deposit moves the other way.
 * Fines the goods account paid (判罚扣款, 发货物流违规扣罚, 评价有礼保证金扣款 on 聚合账户) are not deposit
 * movements: they are goods money, counted with the other rows without an order.
 */
export function recogniseDepositRow(row: FundsRowFacts): LedgerEntry | null {
  const scene = row.scene?.trim() ?? '';
  const note = row.note?.trim() ?? '';
  const account = row.account?.trim() ?? '';
  const magnitude = Math.abs(row.amountFen);
  const goodsSigned = isCredit(row.direction) ? magnitude : -magnitude;
  const depositAccount = account.includes('保证金') || note.includes('保证金账户');
  const transfer = scene.includes('充值保证金') || scene.includes('保证金退款') || note.includes('保证金退款');
  if (!depositAccount && !transfer) return null;
  const amountFen = depositAccount ? goodsSigned : -goodsSigned;
  const refund = scene.includes('保证金退款') || note.includes('保证金退款');
  const kind: LedgerEntryKind =
    amountFen > 0 ? (scene.includes('充值') ? 'topUp' : 'credit') : refund ? 'refund' : 'deduction';
  return {
    id: `f:${row.flowId}`,
    on: (row.flowAt ?? '').slice(0, 10),
    kind,
    amountFen,
    note: note || scene,
    source: 'funds',
    scene: scene || null,
  };
}

export const depositBalance = (ledger: readonly LedgerEntry[]): number => ledger.reduce((sum, e) => sum + e.amountFen, 0);

/** `date` plus whole months, clamped to the month's last day (08-31 + 6 months → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const last = Number(addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1).slice(8, 10));
  return `${first.slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const REFUND_WORKING_DAYS = 7;
export const REOPEN_AFTER_MONTHS = 6;

type RefundFacts = Pick<MoneyProfile, 'closedOn' | 'closureReason' | 'refundAppliedOn' | 'refundReceivedOn'>;

/**
 * When a closed shop may apply to reopen. Seed 003: "这里的6个月是指关闭退保后的那一刻算起" — six
 * months from the moment it was closed *and* its deposit refunded, so the later of the two dates;
 * and "如果是因为违规等行为被抖音官方永久关店了，那么抖音小店就不能再开了" — never after a violation.
 */
export function reopening(p: RefundFacts): Pick<RefundPath, 'reopenState' | 'reopenFrom'> {
  if (!p.closedOn) return { reopenState: 'notClosed', reopenFrom: null };
  if (p.closureReason === 'violation') return { reopenState: 'never', reopenFrom: null };
  if (!p.refundReceivedOn) return { reopenState: 'afterRefund', reopenFrom: null };
  const from = p.refundReceivedOn > p.closedOn ? p.refundReceivedOn : p.closedOn;
  return { reopenState: 'from', reopenFrom: addMonths(from, REOPEN_AFTER_MONTHS) };
}

/**
 * Shop closed → refund applied → expected within 7 working days → overdue; reopening 6 months
 * after closing and refund. Working days come from `calendar` (the user's notices, the package,
 * then estimates), and the answer says when the expected date rests on estimated holidays.
 */
export function refundPath(p: RefundFacts, today: string, calendar: WorkingCalendar = DEFAULT_CALENDAR): RefundPath {
  const expectedBy = p.refundAppliedOn ? calendar.addWorkingDays(p.refundAppliedOn, REFUND_WORKING_DAYS) : null;
  const state: RefundPath['state'] = p.refundReceivedOn
    ? 'refunded'
    : expectedBy && today > expectedBy
      ? 'overdue'
      : p.refundAppliedOn
        ? 'applied'
        : p.closedOn
          ? 'closed'
          : 'open';
  const estimated = p.refundAppliedOn !== null && expectedBy !== null && calendar.usesEstimate(p.refundAppliedOn, expectedBy);
  return {
    state,
    closedOn: p.closedOn,
    closureReason: p.closureReason,
    appliedOn: p.refundAppliedOn,
    expectedBy,
    receivedOn: p.refundReceivedOn,
    ...reopening(p),
    isCalendarKnown: !estimated,
    expectedByEstimated: estimated,
  };
}

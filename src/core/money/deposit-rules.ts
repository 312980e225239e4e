import { addWorkingDays, isCalendarKnown } from '../../shared/domain/working-days';
import { addDays } from '../../shared/domain/china-time';
import type { DepositRate, EntityType, LedgerEntry, LedgerKind, RefundPath } from '../../shared/rpc/domains/money';

/*
 * The deposit (保证金). Seed figures are DOMAIN.md's examples, in fen; the platform changes them,
 * so the table is the user's to edit. For a private person the source says only "500 in the few
 * categories open to them" without naming them: 500 is seeded for clothing alone, and the other
 * categories start unknown (null) until the user fills them in.
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

export type Requirement = { requiredFen: number | null; requiredBy: string | null; unknownCategories: string[] };

/** With several first-level categories the highest figure applies. */
export function requiredDeposit(entity: EntityType, categories: readonly string[], rates: readonly DepositRate[]): Requirement {
  let requiredFen: number | null = null;
  let requiredBy: string | null = null;
  const unknownCategories: string[] = [];
  for (const category of categories) {
    const rate = rates.find((r) => r.entity === entity && r.category === category);
    if (!rate || rate.amountFen === null) {
      unknownCategories.push(category);
      continue;
    }
    if (requiredFen === null || rate.amountFen > requiredFen) {
      requiredFen = rate.amountFen;
      requiredBy = category;
    }
  }
  return { requiredFen, requiredBy, unknownCategories };
}

/** Sign of each kind's effect on the balance. */
export const LEDGER_SIGN: Record<LedgerKind, 1 | -1> = { paid: 1, topUp: 1, deduction: -1, refund: -1 };

export type FundsRowFacts = { flowId: string; flowAt: string | null; direction: string; amountFen: number; scene: string | null; note: string | null };

/*
 * Funds-flow scenes (动账场景, DOUYIN_EXPORTS.md §4.1) that move the deposit. 充值保证金 moves goods
 * money into the deposit; the penalty scenes are read as taken from the deposit, as the brief asks
 * (the platform may take a fine from the goods balance instead: the user can see and judge each
 * recognised row in the ledger). 保证金退款 appears in 备注 (API tag 10).
 */
const SCENE_KINDS: readonly { match: (scene: string, note: string) => boolean; kind: LedgerKind }[] = [
  { match: (s) => s.includes('充值保证金'), kind: 'topUp' },
  { match: (s) => s.includes('保证金扣款'), kind: 'deduction' },
  { match: (s) => s === '判罚扣款' || s === '发货物流违规扣罚', kind: 'deduction' },
  { match: (s, n) => s.includes('保证金退款') || n.includes('保证金退款'), kind: 'refund' },
];

/** A deposit movement recognised in a funds-flow row, keyed by its 动账流水号, or null. */
export function recogniseDepositRow(row: FundsRowFacts): LedgerEntry | null {
  const scene = row.scene?.trim() ?? '';
  const note = row.note?.trim() ?? '';
  const hit = SCENE_KINDS.find((k) => k.match(scene, note));
  if (!hit) return null;
  return {
    id: `f:${row.flowId}`,
    on: (row.flowAt ?? '').slice(0, 10),
    kind: hit.kind,
    amountFen: LEDGER_SIGN[hit.kind] * Math.abs(row.amountFen),
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

/** Shop closed → refund applied → expected within 7 working days → overdue; reopening 6 months on. */
export function refundPath(p: { closedOn: string | null; refundAppliedOn: string | null; refundReceivedOn: string | null }, today: string): RefundPath {
  const expectedBy = p.refundAppliedOn ? addWorkingDays(p.refundAppliedOn, REFUND_WORKING_DAYS) : null;
  const state: RefundPath['state'] = p.refundReceivedOn
    ? 'refunded'
    : expectedBy && today > expectedBy
      ? 'overdue'
      : p.refundAppliedOn
        ? 'applied'
        : p.closedOn
          ? 'closed'
          : 'open';
  return {
    state,
    closedOn: p.closedOn,
    appliedOn: p.refundAppliedOn,
    expectedBy,
    receivedOn: p.refundReceivedOn,
    reopenFrom: p.closedOn ? addMonths(p.closedOn, REOPEN_AFTER_MONTHS) : null,
    isCalendarKnown: expectedBy === null || isCalendarKnown(expectedBy),
  };
}

import type { Kysely } from 'kysely';
import { chinaDateTimeText, parseChinaDateTime } from '../../shared/domain/china-time';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { AftersaleDatabase } from './aftersale-schema';
import { caseRows } from './case-list';

/** An open case with the platform's 自动处理截止时间, for the reminder before it. */
export type DeadlineCase = { caseKey: string; orderId: string; product: string; deadlineAt: string; leadHours: number };

/**
 * A reminder expires at its deadline (planDeadlineReminders), so a case whose deadline is long past
 * plans nothing anyone sees: only deadlines from two days back are read (the centre's fired list
 * looks two days back, and a reminder fires before its deadline), not the whole after-sales
 * history (842–1,443 ms at 200k cases, most of them decided long ago).
 */
export const DEADLINE_LOOKBACK_MS = 2 * 86_400_000;

export async function loadDeadlineCases<D>(db: Kysely<D>, now: Date): Promise<DeadlineCase[]> {
  const deadlineFrom = chinaDateTimeText(new Date(now.getTime() - DEADLINE_LOOKBACK_MS));
  const { rows, leadHours } = await caseRows(db as unknown as Kysely<AftersaleDatabase>, now, { withDeadline: true, deadlineFrom });
  return rows.flatMap((r) => (r.open && r.deadlineAt !== null ? [{ caseKey: r.caseKey, orderId: r.orderId, product: r.productTitle ?? r.orderId, deadlineAt: r.deadlineAt, leadHours }] : []));
}

/**
 * Due `leadHours` before the platform decides the case by itself; gone at the deadline. The key
 * holds the deadline, so a later export that moves it reminds again.
 */
export const planDeadlineReminders = (cases: readonly DeadlineCase[]): PlannedReminder[] =>
  cases.flatMap((c) => {
    const deadline = parseChinaDateTime(c.deadlineAt);
    if (deadline === null) return [];
    return [
      {
        key: `aftersales.deadline:${c.caseKey}:${c.deadlineAt}`,
        kind: 'aftersales.deadline' as const,
        dueAt: new Date(deadline.getTime() - c.leadHours * 3_600_000),
        expiresAt: deadline,
        subject: `aftersale:${c.caseKey}`,
        params: { orderId: c.orderId, product: c.product, deadline: c.deadlineAt.slice(5, 16), hours: c.leadHours },
      },
    ];
  });

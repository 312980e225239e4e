import type { Kysely } from 'kysely';
import { addDays, chinaDate, chinaDayRange, chinaInstant } from '../../shared/domain/china-time';
import type { ForecastDay, RefundPath } from '../../shared/rpc/domains/money';
import type { PlannedReminder } from '../reminders/planned-reminder';
import type { MoneyDatabase } from './money-schema';
import { loadDeposit, loadForecast } from './money-service';

/** What the money reminders look at; loaded by loadMoneyReminderFacts, plain values here. */
export type MoneyReminderFacts = {
  today: string;
  /** Today and tomorrow from the forecast. */
  days: ForecastDay[];
  requiredFen: number | null;
  balanceFen: number;
  refund: RefundPath;
};

/** Reminders come at 09:00 China time on their day. */
const MORNING = '09:00';
/** `8,050.00`: yuan with two decimals and thousands separators, the same in both languages. */
const yuan = (fen: number): string => (fen / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Settlement days (kind `settlement`): a day the forecast expects money. Deposit (kind `deposit`,
 * `case` names which): below the requirement, refund overdue, reopening possible. Keys carry what
 * they are about, so a new shortfall or a new application fires again and the same one once.
 */
export function planMoneyReminders(f: MoneyReminderFacts): PlannedReminder[] {
  const planned: PlannedReminder[] = f.days
    .filter((d) => d.lines > 0 && d.expectedFen > 0)
    .map((d) => ({
      key: `settlement:${d.date}`,
      kind: 'settlement',
      dueAt: chinaInstant(d.date, MORNING),
      expiresAt: chinaDayRange(d.date).to,
      subject: `money:${d.date}`,
      params: { case: 'day', date: d.date, amount: yuan(d.expectedFen), lines: d.lines },
    }));
  if (f.requiredFen !== null && f.balanceFen < f.requiredFen) {
    planned.push({
      key: `deposit:below:${f.requiredFen}:${f.balanceFen}`,
      kind: 'deposit',
      dueAt: chinaInstant(f.today, MORNING),
      expiresAt: null,
      subject: 'money:deposit',
      params: { case: 'below', required: yuan(f.requiredFen), balance: yuan(f.balanceFen), shortfall: yuan(f.requiredFen - f.balanceFen) },
    });
  }
  const { refund } = f;
  if (refund.appliedOn && refund.expectedBy && !refund.receivedOn) {
    planned.push({
      key: `deposit:refundOverdue:${refund.appliedOn}`,
      kind: 'deposit',
      dueAt: chinaInstant(addDays(refund.expectedBy, 1), MORNING),
      expiresAt: null,
      subject: 'money:deposit',
      // A date counted over estimated holidays says so (the notice for that year is not in yet).
      params: { case: refund.expectedByEstimated ? 'refundOverdueEstimated' : 'refundOverdue', appliedOn: refund.appliedOn, expectedBy: refund.expectedBy },
    });
  }
  // Only when it may reopen: never after a violation closure, and not before the refund arrived.
  if (refund.closedOn && refund.reopenState === 'from' && refund.reopenFrom) {
    planned.push({
      key: `deposit:reopen:${refund.reopenFrom}`,
      kind: 'deposit',
      dueAt: chinaInstant(refund.reopenFrom, MORNING),
      expiresAt: null,
      subject: 'money:deposit',
      params: { case: 'reopen', closedOn: refund.closedOn, reopenFrom: refund.reopenFrom },
    });
  }
  return planned;
}

export async function loadMoneyReminderFacts(db: Kysely<MoneyDatabase>, now: Date): Promise<MoneyReminderFacts> {
  const today = chinaDate(now);
  const [forecast, deposit] = await Promise.all([loadForecast(db, today, today, 2), loadDeposit(db, today)]);
  return { today, days: forecast.days, requiredFen: deposit.requiredFen, balanceFen: deposit.balanceFen, refund: deposit.refund };
}

import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { SettlementRule } from '../../shared/domain/settlement-rules';
import type { DepositView, Forecast, MoneyProfile, Reconciliation } from '../../shared/rpc/domains/money';
import { depositBalance, refundPath, requiredDeposit } from './deposit-rules';
import { buildForecast, DEFAULT_FORECAST_DAYS } from './forecast';
import { readProfile } from './money-profile';
import { listRates, loadLedger, loadLineFacts, loadMovements } from './money-repository';
import type { MoneyDatabase } from './money-schema';
import { movementsByLine } from './movements';
import { estimateFeeRates, reconcile, type MoneyPolicy } from './reconcile';

export const ruleOf = (p: MoneyProfile): SettlementRule =>
  p.settlementRule === 'perOrder' ? { kind: 'perOrder', days: p.perOrderDays } : { kind: 'halfMonthly' };

export const policyOf = (p: MoneyProfile): MoneyPolicy => ({ rule: ruleOf(p), autoConfirmDays: p.autoConfirmDays, overdueDays: p.overdueDays });

export async function loadDeposit(db: Kysely<MoneyDatabase>, today: string): Promise<DepositView> {
  const [profile, rates, ledger] = await Promise.all([readProfile(db), listRates(db), loadLedger(db)]);
  const requirement = requiredDeposit(profile.entity, profile.categories, rates);
  const balanceFen = depositBalance(ledger);
  return {
    ...requirement,
    balanceFen,
    shortfallFen: requirement.requiredFen === null ? 0 : Math.max(0, requirement.requiredFen - balanceFen),
    ledger,
    refund: refundPath(profile, today),
  };
}

/** Everything the forecast and the reconciliation read, loaded once. */
async function loadPicture(db: Kysely<MoneyDatabase>) {
  const [profile, lines, { funds, bill }] = await Promise.all([readProfile(db), loadLineFacts(db), loadMovements(db)]);
  const byLine = movementsByLine(funds, bill);
  const rates = estimateFeeRates(funds.length > 0 ? funds : bill, profile);
  return { profile, lines, funds, bill, byLine, rates, policy: policyOf(profile) };
}

export async function loadForecast(db: Kysely<MoneyDatabase>, today: string, from = today, days = DEFAULT_FORECAST_DAYS): Promise<Forecast> {
  const p = await loadPicture(db);
  return buildForecast(p.lines, p.byLine, p.rates, p.policy, today, from, days);
}

export async function loadReconciliation(db: Kysely<MoneyDatabase>, today: string): Promise<Reconciliation> {
  const p = await loadPicture(db);
  return reconcile(p.lines, p.byLine, p.funds, p.bill, p.rates, p.policy, today);
}

export const notFound = (what: string, details: Record<string, unknown>): AppError => new AppError('NOT_FOUND', `no ${what}`, details);

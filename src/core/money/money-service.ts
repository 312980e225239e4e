import type { Kysely } from 'kysely';
import { AppError } from '../../shared/errors';
import type { SettlementRule } from '../../shared/domain/settlement-rules';
import type { DepositView, Forecast, MoneyProfile, Reconciliation, ReconciliationLinesPage } from '../../shared/rpc/domains/money';
import { depositBalance, refundPath, requiredDeposit } from './deposit-rules';
import { DEFAULT_FORECAST_DAYS, forecastFromGroups } from './forecast';
import { loadCalendar } from './holiday-notices';
import { readProfile } from './money-profile';
import { listRates, loadCoverage, loadLedger, loadLineFacts, loadLinePage, loadMovements, loadMovementsOf, loadUnnamedLineFacts } from './money-repository';
import { buildSnapshot, createRecentCache, importsVersion, NO_IMPORTS, keptSnapshotVersion, moneySnapshots, readKeptSnapshot, writeKeptSnapshot, type MoneySnapshot } from './money-snapshot';
import type { MoneyDatabase } from './money-schema';
import { movementsByLine } from './movements';
import { estimateFeeRates, feeRatesOf, lineDates, reconcile, reconcileLine, type FullReconciliation, type MoneyPolicy } from './reconcile';
import { summaryFromDigest } from './reconcile-digest';
import { pageReconciliation, type PageRequest } from './reconciliation-pages';

export const ruleOf = (p: MoneyProfile): SettlementRule =>
  p.settlementRule === 'perOrder' ? { kind: 'perOrder', days: p.perOrderDays } : { kind: 'halfMonthly' };

export const policyOf = (p: MoneyProfile): MoneyPolicy => ({ rule: ruleOf(p), autoConfirmDays: p.autoConfirmDays, overdueDays: p.overdueDays });

export async function loadDeposit(db: Kysely<MoneyDatabase>, today: string): Promise<DepositView> {
  const [profile, rates, ledger, calendar] = await Promise.all([readProfile(db), listRates(db), loadLedger(db), loadCalendar(db)]);
  const requirement = requiredDeposit(profile.entity, profile.categories, rates);
  const balanceFen = depositBalance(ledger);
  return {
    ...requirement,
    balanceFen,
    shortfallFen: requirement.requiredFen === null ? 0 : Math.max(0, requirement.requiredFen - balanceFen),
    ledger,
    refund: refundPath(profile, today, calendar),
  };
}

/**
 * The forecast from the snapshot of the imported tables (money-snapshot.ts): the lines are read
 * and grouped once per import, undo or restore; profile, rates and dates are applied per call.
 */
export async function loadForecast(db: Kysely<MoneyDatabase>, today: string, from = today, days = DEFAULT_FORECAST_DAYS): Promise<Forecast> {
  const [profile, snapshot] = await Promise.all([readProfile(db), loadSnapshot(db)]);
  return forecastFromGroups(snapshot.groups, feeRatesOf(snapshot.history, profile), policyOf(profile), today, from, days, snapshot.coverage);
}

/** The snapshot of the imported tables: held in memory, else the kept row of this imports version, else built from every line. */
export const loadSnapshot = (db: Kysely<MoneyDatabase>): Promise<MoneySnapshot> =>
  moneySnapshots.get(db, async (version) => (await readKeptSnapshot(db, version)) ?? (await readSnapshot(db)));

/**
 * After an import or an undo (money-listener.ts, inside the write lock, so no import commits
 * meanwhile): keeps the snapshot of the data as it now is, unless the kept row is already of this
 * version (a file imported again changes nothing, so nothing is written). True when it wrote.
 */
export async function keepSnapshot(db: Kysely<MoneyDatabase>, now: Date): Promise<boolean> {
  const version = await importsVersion(db);
  // Nothing imported: nothing to read at the next start either.
  if (version === NO_IMPORTS || (await keptSnapshotVersion(db)) === version) return false;
  await writeKeptSnapshot(db, version, await loadSnapshot(db), now);
  return true;
}

async function readSnapshot(db: Kysely<MoneyDatabase>): Promise<MoneySnapshot> {
  const [lines, { funds, bill }, coverage] = await Promise.all([loadUnnamedLineFacts(db), loadMovements(db), loadCoverage(db)]);
  return buildSnapshot(lines, movementsByLine(funds, bill), funds, bill, coverage);
}

const reconciliations = createRecentCache<FullReconciliation>();

/**
 * Every line against its money. The answer is kept for the same imports version, day and settings
 * (a few minutes, see money-snapshot.ts); the full read also refreshes the forecast's snapshot.
 * The RPC sends its summary and pages of its lines (reconciliation-pages.ts), never all of it.
 */
export async function loadReconciliation(db: Kysely<MoneyDatabase>, today: string): Promise<FullReconciliation> {
  const version = await importsVersion(db);
  const profile = await readProfile(db);
  const key = JSON.stringify([today, policyOf(profile), profile.platformFeePercent, profile.commissionPercent]);
  return reconciliations.get(db, version, key, async () => {
    const [lines, { funds, bill }, coverage] = await Promise.all([loadLineFacts(db), loadMovements(db), loadCoverage(db)]);
    const byLine = movementsByLine(funds, bill);
    if (!moneySnapshots.has(db, version)) moneySnapshots.put(db, version, buildSnapshot(lines, byLine, funds, bill, coverage));
    return reconcile(lines, byLine, funds, bill, estimateFeeRates(funds.length > 0 ? funds : bill, profile), policyOf(profile), today, coverage);
  });
}

/**
 * The reconciliation's summary from the snapshot's digest (reconcile-digest.ts): the first answer
 * of the money screen reads the kept row, never every line. Equal to summarising loadReconciliation.
 */
export async function loadReconciliationSummary(db: Kysely<MoneyDatabase>, today: string): Promise<Reconciliation> {
  const [profile, snapshot] = await Promise.all([readProfile(db), loadSnapshot(db)]);
  return summaryFromDigest(snapshot.groups, snapshot.digest, feeRatesOf(snapshot.history, profile), policyOf(profile), today, snapshot.coverage);
}

/** Pages of the `all` list up to here are read line by line from the table; further ones are cut from the whole reconciliation. */
export const DIRECT_PAGE_LINES = 2_000;

/**
 * One page of a list. What the screen opens with is answered without reconciling every line:
 * an overdue list the summary counts empty, and the first pages of the `all` list (their lines
 * and their own money, reconciled one by one with the snapshot's rates and coverage). A status
 * filter, a later page or a non-empty overdue list is cut from the whole reconciliation, held
 * for a few minutes (money-snapshot.ts).
 */
export async function loadReconciliationPage(db: Kysely<MoneyDatabase>, today: string, page: PageRequest): Promise<ReconciliationLinesPage> {
  if (page.list === 'overdue' && (await loadReconciliationSummary(db, today)).overdue.lines === 0) return { total: 0, lines: [] };
  if (page.list === 'all' && page.status === undefined && page.offset + page.limit <= DIRECT_PAGE_LINES) {
    const [profile, snapshot] = await Promise.all([readProfile(db), loadSnapshot(db)]);
    const lines = await loadLinePage(db, page.offset, page.limit);
    const { funds, bill } = await loadMovementsOf(db, lines);
    const byLine = movementsByLine(funds, bill);
    const policy = policyOf(profile);
    const rates = feeRatesOf(snapshot.history, profile);
    const dates = lineDates(policy, today);
    return {
      total: snapshot.digest.lines,
      lines: lines.map((l) => {
        const { isUnchecked: _unchecked, ...line } = reconcileLine(l, byLine.get(l.subOrderId) ?? [], rates, policy, today, snapshot.coverage, dates);
        return line;
      }),
    };
  }
  return pageReconciliation(await loadReconciliation(db, today), page);
}

export const notFound = (what: string, details: Record<string, unknown>): AppError => new AppError('NOT_FOUND', `no ${what}`, details);

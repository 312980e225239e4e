import { join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { DatabaseSession } from '../../src/core/db/database-session';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { loadMoneyReminderFacts } from '../../src/core/money/money-reminders';
import { loadCoverage, loadMovements } from '../../src/core/money/money-repository';
import { moneyDb, type MoneyDatabase } from '../../src/core/money/money-schema';
import { createSnapshotCache } from '../../src/core/money/money-snapshot';
import { feeHistory } from '../../src/core/money/reconcile';
import { digestLines } from '../../src/core/money/reconcile-digest';
import { readProfile } from '../../src/core/money/money-profile';
import { DIRECT_PAGE_LINES, loadForecast, loadReconciliation, loadReconciliationPage, loadReconciliationSummary } from '../../src/core/money/money-service';
import { addDays, chinaDate } from '../../src/shared/domain/china-time';
import type { ParamsOf } from '../../src/shared/rpc/contract';
import { referenceMoney } from '../helpers/money-reference';
import { readAllPages, summaryOf } from '../helpers/reconciliation-pages';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * The fast money path (grouped forecast kept per imports version, held reconciliation, per-day
 * date memo) against the old implementation on real SQLite files: a generated shop written as an
 * import would, and the fixtures through the core across import, undo, restore, clock moves and
 * settings changes — every answer equal to the old code's on the data as it is at that moment.
 */
const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../fixtures/money');
const NOW = new Date('2026-09-20T02:00:00.000Z');

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const STATUSES = ['已完成', '已发货', '部分发货', '待发货', '备货中', '已支付', '已关闭', '待支付', '待确认', ' 已完成 '];
const AFTERSALE_TEXT = [null, null, null, '售后待处理', '退款成功', '售后关闭', '换货成功', '-', '仲裁中'];

/** Writes a generated shop into the import tables, as one import would (one `imports` row). */
async function seedShop(db: Kysely<MoneyDatabase>, seed: number, lines: number): Promise<void> {
  const r = random(seed);
  const { rows } = await sql<{ id: number }>`INSERT INTO imports (file_name, sha256, kind, layout, encoding, imported_at) VALUES ('gen.csv', ${`gen-${seed}`}, 'orders', 'gen', 'utf-8', '2026-09-01T00:00:00.000Z') RETURNING id`.execute(db);
  const importId = rows[0]!.id;
  const datetime = (base: string, spread: number): string | null => {
    const roll = r.next();
    if (roll < 0.05) return '';
    if (roll < 0.08) return `${addDays(base, r.int(0, spread))}`; // a date without a time
    return `${addDays(base, r.int(0, spread))} ${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`;
  };
  const subs: string[] = [];
  for (let i = 0; i < lines; i += 1) {
    const sub = `69384127055${String(i).padStart(8, '0')}`;
    subs.push(sub);
    const status = r.pick(STATUSES);
    const shipped = status.includes('发货') || status.includes('完成') ? datetime('2026-07-20', 60) : r.next() < 0.05 ? datetime('2026-08-01', 30) : null;
    const completed = status.includes('完成') ? datetime('2026-07-25', 60) : null;
    await sql`INSERT INTO order_lines (sub_order_id, order_id, product_title, payable_fen, platform_borne_fen, influencer_borne_fen, influencer_id, shipped_at, completed_at, status, aftersale_status, extra_json, first_import_id, last_import_id)
      VALUES (${sub}, ${`O${Math.floor(i / 2)}`}, ${r.pick(['纯棉短袖T恤', '儿童凉鞋', null])}, ${r.pick([6_800, 9_900, 12_345, r.int(0, 50_000), null])}, ${r.pick([0, 0, 500, null])},
        ${r.pick([0, 0, 300, null])}, ${r.pick([null, null, '', 'D1001'])}, ${shipped}, ${completed}, ${status}, ${r.pick(AFTERSALE_TEXT)}, '{}', ${importId}, ${importId})`.execute(db);
  }
  for (let i = 0; i < lines / 5; i += 1) {
    const sub = r.pick(subs);
    await sql`INSERT INTO aftersales (aftersale_id, sub_order_id, status, refund_goods_fen, applied_at, closed_at, finished_at, extra_json, first_import_id, last_import_id)
      VALUES (${`A${i}`}, ${sub}, ${r.pick(['退款成功', '售后关闭', '退款中', '换货成功', null])}, ${r.pick([null, 0, 3_000, 9_900, 60_000])}, ${datetime('2026-08-01', 40)},
        ${datetime('2026-08-05', 40)}, ${datetime('2026-08-05', 40)}, '{}', ${importId}, ${importId})`.execute(db);
  }
  for (let i = 0; i < lines / 3; i += 1) {
    const gross = r.int(1_000, 20_000);
    await sql`INSERT INTO funds_flows (flow_id, flow_at, direction, amount_fen, scene, note, sub_order_id, influencer_id, order_paid_fen, platform_fee_fen, commission_fen, source_layout, extra_json, first_import_id, last_import_id)
      VALUES (${`F${i}`}, ${datetime('2026-08-01', 50)}, ${r.pick(['入账', '出账'])}, ${gross - r.int(0, 1_500)}, ${r.pick(['货款结算入账', '退款-仅退款', '提现', null])}, ${r.pick([null, '订单结算', '已退款'])},
        ${r.next() < 0.9 ? r.pick(subs) : null}, ${r.pick([null, 'D1001'])}, ${gross}, ${-r.int(0, 1_000)}, ${-r.int(0, 2_000)}, 'gen', '{}', ${importId}, ${importId})`.execute(db);
  }
  for (let i = 0; i < lines / 4; i += 1) {
    await sql`INSERT INTO settlement_lines (settlement_key, settled_at, sub_order_id, amount_fen, settle_type, income_total_fen, platform_fee_fen, commission_fen, extra_json, first_import_id, last_import_id)
      VALUES (${`S${i}`}, ${datetime('2026-08-01', 50) || '2026-08-02 10:00:00'}, ${r.pick(subs)}, ${r.int(-3_000, 20_000)}, ${r.pick(['已结算', '结算后退款-仅退款', '保证金'])}, ${r.int(1_000, 20_000)},
        ${-r.int(0, 1_000)}, ${r.pick([0, -1_500])}, '{}', ${importId}, ${importId})`.execute(db);
  }
}

async function reference(db: Kysely<MoneyDatabase>, today: string, from = today, days = 30) {
  const [profile, { funds, bill }, coverage] = await Promise.all([readProfile(db), loadMovements(db), loadCoverage(db)]);
  return referenceMoney(db, { profile, funds, bill, coverage }, today, from, days);
}

describe('money fast path on a generated shop', () => {
  it.each([
    [1, 'perOrder'],
    [2, 'halfMonthly'],
  ] as const)('seed %i (%s): forecast, reconciliation and reminder facts equal the old code', async (seed, rule) => {
    const session = await DatabaseSession.open({ dataDir: tempDir(), clock: { now: () => NOW }, log: silentLogger });
    const db = moneyDb({ session });
    await seedShop(db, seed, 1_500);
    await sql`INSERT INTO money_settings (key, value, updated_at) VALUES ('settlementRule', ${JSON.stringify(rule)}, '2026-09-01T00:00:00.000Z')`.execute(db);
    for (const today of ['2026-08-10', '2026-09-20', '2026-10-15']) {
      const expected = await reference(db, today);
      // Twice: the second answer comes from the snapshot / the held reconciliation.
      for (let round = 0; round < 2; round += 1) {
        expect(await loadForecast(db, today)).toEqual(expected.forecast);
        expect(await loadReconciliation(db, today)).toEqual(expected.reconciliation);
        // Issue 14: the summary from the snapshot's digest, and the pages read without the whole reconciliation.
        expect(await loadReconciliationSummary(db, today)).toEqual(summaryOf(expected.reconciliation));
      }
      const all = expected.reconciliation.lines;
      for (const [offset, limit] of [[0, 10], [10, 10], [7, 200], [DIRECT_PAGE_LINES - 10, 10], [all.length - 3, 10], [all.length + 5, 10]] as const) {
        expect(await loadReconciliationPage(db, today, { list: 'all', offset, limit })).toEqual({ total: all.length, lines: all.slice(offset, offset + limit) });
      }
      expect(await loadReconciliationPage(db, today, { list: 'overdue', offset: 0, limit: 10 })).toEqual({ total: expected.reconciliation.overdue.length, lines: expected.reconciliation.overdue.slice(0, 10) });
      expect(await loadForecast(db, today, addDays(today, -3), 45)).toEqual((await reference(db, today, addDays(today, -3), 45)).forecast);
      const now = new Date(`${today}T01:00:00.000Z`);
      const facts = await loadMoneyReminderFacts(db, now);
      expect(facts.today).toBe(chinaDate(now));
      expect(facts.days).toEqual((await reference(db, today, today, 2)).forecast.days);
    }
    // The generated shop exercises every branch the forecast has.
    const f = await loadForecast(db, '2026-08-20');
    expect(f.overdue.lines).toBeGreaterThan(0);
    expect(f.waiting.lines).toBeGreaterThan(0);
    expect(f.days.some((d) => d.lines > 1)).toBe(true);
    await session.close();
  });

  it('reads the lines once per imports version: a new import row makes the next answer fresh', async () => {
    const session = await DatabaseSession.open({ dataDir: tempDir(), clock: { now: () => NOW }, log: silentLogger });
    const db = moneyDb({ session });
    await seedShop(db, 3, 300);
    const cache = createSnapshotCache();
    let builds = 0;
    const build = async () => {
      builds += 1;
      return { groups: [], history: feeHistory([]), coverage: [], digest: digestLines([], new Map(), [], []) };
    };
    await cache.get(db, build);
    await cache.get(db, build);
    expect(builds).toBe(1);

    const before = await loadForecast(db, '2026-08-20');
    // What an import does: its `imports` row and its data in one go.
    await seedShop(db, 4, 0);
    await sql`UPDATE order_lines SET payable_fen = payable_fen + 100`.execute(db);
    await cache.get(db, build);
    expect(builds).toBe(2);
    const after = await loadForecast(db, '2026-08-20');
    expect(after).toEqual((await reference(db, '2026-08-20')).forecast);
    expect(after).not.toEqual(before);
    await session.close();
  });
});

/** The old code on the core's database file as it is now (a connection of its own, closed after). */
async function referenceOnFile(core: Core, today: string) {
  const own = new Kysely<MoneyDatabase>({ dialect: new SqliteDialect({ database: openDatabase(join(core.dataDir, 'shopdesk.sqlite')) }) });
  try {
    return await reference(own, today);
  } finally {
    await own.destroy();
  }
}

describe('money answers follow every change of data, day and settings', () => {
  it('import, undo, restore, clock move and settings: always the old code’s answer for that moment', async () => {
    let now = NOW;
    const core = await createCore({ dataDir: tempDir(), log: silentLogger, clock: { now: () => now }, reminderCheckSeconds: 0 });
    let jobs = 0;
    const run = async (file: string) => {
      jobs += 1;
      const [outcome] = await core.call('imports.run', { jobId: `money-fast-${jobs}`, sources: [{ type: 'path', path: join(FIXTURES, file) }] });
      if (!outcome || ('refused' in outcome && outcome.refused)) throw new Error(`import of ${file} refused`);
      return outcome as { importId: number | null };
    };
    const check = async () => {
      const today = chinaDate(now);
      const expected = await referenceOnFile(core, today);
      for (let round = 0; round < 2; round += 1) {
        expect(await core.call('money.forecast', {})).toEqual(expected.forecast);
        expect(await core.call('money.reconciliation', {})).toEqual(summaryOf(expected.reconciliation));
        const page = (params: ParamsOf<'money.reconciliationLines'>) => core.call('money.reconciliationLines', params);
        expect(await readAllPages(page, 'all', 3)).toEqual({ total: expected.reconciliation.lines.length, lines: expected.reconciliation.lines });
        expect(await readAllPages(page, 'overdue', 2)).toEqual({ total: expected.reconciliation.overdue.length, lines: expected.reconciliation.overdue });
      }
      return expected;
    };

    const ordersOnly = await check().then(async () => {
      await run('money-orders.csv');
      return check();
    });
    expect(ordersOnly.forecast.feeBasis.source).toBe('settings');

    // Import: the funds flow brings history (rates) and settles lines.
    const funds = await run('money-funds.csv');
    const withFunds = await check();
    expect(withFunds.forecast.feeBasis.source).toBe('history');
    expect(withFunds.forecast).not.toEqual(ordersOnly.forecast);

    // Undo: back to the orders alone.
    await core.call('imports.undo', { importId: funds.importId! });
    expect((await check()).forecast).toEqual(ordersOnly.forecast);

    // Restore: a backup of the orders-only state, then more data, then the backup again.
    const backup = await core.call('backups.create', {});
    await run('money-funds.csv');
    await run('money-settlement.csv');
    expect((await check()).forecast).not.toEqual(ordersOnly.forecast);
    await core.call('backups.restore', { id: backup.id });
    expect((await check()).forecast).toEqual(ordersOnly.forecast);

    // Clock moves, both ways: a new day is a new answer, without any data change.
    now = new Date(NOW.getTime() + 6 * 86_400_000);
    const later = await check();
    expect(later.forecast.from).toBe(addDays(chinaDate(NOW), 6));
    now = NOW;
    expect((await check()).forecast).toEqual(ordersOnly.forecast);

    // Money's own settings.
    await core.call('money.updateProfile', { perOrderDays: 4, overdueDays: 3, platformFeePercent: 8 });
    const changed = await check();
    expect(changed.forecast).not.toEqual(ordersOnly.forecast);
    await core.call('money.updateProfile', { settlementRule: 'halfMonthly' });
    await check();
    await core.close();
  });
});

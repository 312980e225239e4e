import { CompiledQuery, sql, type Kysely } from 'kysely';
import { DatabaseSession } from '../../src/core/db/database-session';
import { migrations } from '../../src/core/db/migrations/index';
import * as m0003 from '../../src/core/db/migrations/0003-create-routine';
import type { RoutineDatabase } from '../../src/core/db/routine-schema';
import type { Database } from '../../src/core/db/schema';
import { silentLogger } from '../../src/core/log';
import { ALL_ORDER_DAYS, rebuildShipQueueAsync } from '../../src/core/orders/ship-queue';
import { rebuildAnalyticsDaysAsync } from '../../src/core/reports/analytics-days';
import { rebuildStatements, reportDayOf } from '../../src/core/reports/order-report-days';
import { rebuildProfitDaysAsync } from '../../src/core/reports/profit-days';
import { ManualClock } from './data-folder';

const withRoutine = migrations.some((m) => m.version === 3) ? migrations : [...migrations, { version: 3, name: '0003-create-routine', up: m0003.up }];

/** A real SQLite database in `dataDir`, migrated to latest, typed with the routine's tables. */
export async function openRoutineDb(dataDir: string): Promise<{ db: Kysely<RoutineDatabase>; session: DatabaseSession }> {
  const session = await DatabaseSession.open({ dataDir, clock: new ManualClock(), log: silentLogger, migrations: withRoutine });
  return { db: session.require().db as unknown as Kysely<RoutineDatabase>, session };
}

/** China wall-clock time on a date → the instant: `china('2026-09-10 09:00')`. */
export const china = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);

export type OrderLineSeed = {
  sub: string;
  order: string;
  status: string;
  submitted: string;
  paid?: string | null;
  promised?: string | null;
  title?: string;
  payableFen?: number;
  aftersale?: string | null;
};

/** Writes order lines as an import would (one imports row as their source, the summaries rebuilt for their days). */
export async function seedOrderLines(db: Kysely<RoutineDatabase>, lines: readonly OrderLineSeed[]): Promise<void> {
  const existing = await db.selectFrom('imports').select('id').limit(1).executeTakeFirst();
  const importId =
    existing?.id ??
    (
      await db
        .insertInto('imports')
        .values({ file_name: 'seed.csv', sha256: 'seed', kind: 'orders', layout: 'orders-layout-a', encoding: 'utf-8', export_time: null, imported_at: '2026-09-01T00:00:00.000Z', lines: lines.length, inserted: lines.length, updated: 0, unchanged: 0, duplicates: 0, skipped_older: 0, skipped_with_issues: 0, date_from: null, date_to: null, status: 'done', undone_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  for (const l of lines) {
    await db
      .insertInto('order_lines')
      .values({
        sub_order_id: l.sub,
        order_id: l.order,
        status: l.status,
        submitted_at: l.submitted,
        paid_at: l.paid === undefined ? l.submitted : l.paid,
        promised_ship_at: l.promised ?? null,
        product_title: l.title ?? '保温杯',
        payable_fen: l.payableFen ?? 2990,
        aftersale_status: l.aftersale ?? '-',
        extra_json: '{}',
        first_import_id: importId,
        last_import_id: importId,
      } as never)
      .execute();
  }
  // As an import's commit: the per-day summaries the reports, the decline watch, the spot share and the profit view read.
  // Only days an import could write (a seed may hold odd texts such as 'x', which the importer never stores).
  const days = [...new Set(lines.map((l) => reportDayOf(l.submitted)))].filter((d) => d === '' || /^\d{4}-\d{2}-\d{2}$/.test(d));
  for (const { text, params } of rebuildStatements(days)) await db.executeQuery(CompiledQuery.raw(text, params));
  await rebuildAnalyticsDaysAsync(db as unknown as Kysely<Database>, days);
  await rebuildProfitDaysAsync(db as unknown as Kysely<Database>, days);
  // The importer rebuilds the shipping queue's summary for the days it wrote, in its transaction.
  await rebuildShipQueueAsync(db as never, lines.map((l) => reportDayOf(l.submitted)));
}

/** What the importer does after writing order or after-sales rows by hand: the summaries of these lines' days rebuilt. */
export async function refreshShipQueue(db: Kysely<RoutineDatabase>): Promise<void> {
  const days = await sql<{ day: string }>`${sql.raw(ALL_ORDER_DAYS)}`.execute(db);
  await rebuildShipQueueAsync(db as never, days.rows.map((r) => r.day));
}

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { openDatabase } from '../../src/core/db/open-database';
import { silentLogger } from '../../src/core/log';
import { readProfile } from '../../src/core/money/money-profile';
import { loadCoverage, loadMovements } from '../../src/core/money/money-repository';
import type { MoneyDatabase } from '../../src/core/money/money-schema';
import { importsVersion, KEPT_FORMAT } from '../../src/core/money/money-snapshot';
import { chinaDate } from '../../src/shared/domain/china-time';
import { referenceMoney } from '../helpers/money-reference';
import { summaryOf } from '../helpers/reconciliation-pages';
import { useTempDirs } from '../helpers/temp-dir';

/*
 * Issue 14: "Keep what the screens need in summary tables maintained by every import, undo and
 * restore (tests that they stay exact)". The forecast's snapshot is kept on disk after each import
 * and undo; a freshly opened core answers from it, and only from a row of the data's own version.
 */
const tempDir = useTempDirs();
const FIXTURES = join(import.meta.dirname, '../fixtures/money');
const NOW = new Date('2026-09-20T02:00:00.000Z');
const open = (dataDir: string) => createCore({ dataDir, log: silentLogger, clock: { now: () => NOW }, reminderCheckSeconds: 0 });

type Kept = { version: string; format: number; kept_at: string } | undefined;
const keptRow = (dataDir: string): Kept => {
  const db = new Database(join(dataDir, 'shopdesk.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT version, format, kept_at FROM money_kept_snapshot WHERE id = 1').get() as Kept;
  } finally {
    db.close();
  }
};

/** The data's imports version and the old code's forecast, on a connection of its own. */
async function onFile(dataDir: string) {
  const own = new Kysely<MoneyDatabase>({ dialect: new SqliteDialect({ database: openDatabase(join(dataDir, 'shopdesk.sqlite')) }) });
  try {
    const version = await importsVersion(own);
    const [profile, { funds, bill }, coverage] = await Promise.all([readProfile(own), loadMovements(own), loadCoverage(own)]);
    const today = chinaDate(NOW);
    const { forecast, reconciliation } = await referenceMoney(own, { profile, funds, bill, coverage }, today, today, 30);
    return { version, forecast, reconciliation: summaryOf(reconciliation) };
  } finally {
    await own.destroy();
  }
}

/** The listener writes after the import's answer: wait until the row is of the data's version. */
const keptFor = async (dataDir: string, version: string) => vi.waitFor(() => expect(keptRow(dataDir)?.version).toBe(version), { timeout: 60_000, interval: 20 });

const run = async (core: Core, file: string, job: string) => {
  const [outcome] = await core.call('imports.run', { jobId: job, sources: [{ type: 'path', path: join(FIXTURES, file) }] });
  return outcome as { importId: number | null; alreadyImported?: boolean };
};

describe('the money snapshot kept on disk', () => {
  it('is written after each import and undo, served to a fresh core, and only for its own version', async () => {
    const dataDir = tempDir();
    let core = await open(dataDir);
    expect(keptRow(dataDir)).toBeUndefined();

    await run(core, 'money-orders.csv', 'kept-job-1');
    const funds = await run(core, 'money-funds.csv', 'kept-job-2');
    const withFunds = await onFile(dataDir);
    await keptFor(dataDir, withFunds.version);
    expect(keptRow(dataDir)?.format).toBe(KEPT_FORMAT);
    await core.close();

    // A fresh core answers as the old code does on the file: the forecast and the reconciliation's summary.
    core = await open(dataDir);
    expect(await core.call('money.forecast', {})).toEqual(withFunds.forecast);
    expect(await core.call('money.reconciliation', {})).toEqual(withFunds.reconciliation);
    expect(withFunds.reconciliation.hasFunds && withFunds.reconciliation.counts.settled > 0).toBe(true);
    await core.close();

    // Served from the row, not the lines: lines changed behind the imports' back (no new imports
    // row, which no real write does) leave a fresh core's forecast as it was...
    const raw = new Database(join(dataDir, 'shopdesk.sqlite'));
    raw.prepare('UPDATE order_lines SET payable_fen = payable_fen + 1000').run();
    raw.close();
    const tampered = await onFile(dataDir);
    expect(tampered.forecast).not.toEqual(withFunds.forecast);
    expect(tampered.reconciliation).not.toEqual(withFunds.reconciliation);
    core = await open(dataDir);
    expect(await core.call('money.forecast', {})).toEqual(withFunds.forecast);
    expect(await core.call('money.reconciliation', {})).toEqual(withFunds.reconciliation);
    await core.close();
    // ...and a row of another version (or format) is never read: the lines are.
    for (const change of ["UPDATE money_kept_snapshot SET version = 'other'", `UPDATE money_kept_snapshot SET version = '${withFunds.version}', format = ${KEPT_FORMAT + 1}`]) {
      const db = new Database(join(dataDir, 'shopdesk.sqlite'));
      db.prepare(change).run();
      db.close();
      core = await open(dataDir);
      expect(await core.call('money.forecast', {})).toEqual(tampered.forecast);
      expect(await core.call('money.reconciliation', {})).toEqual(tampered.reconciliation);
      // ...and the core keeps the row again when it opens (an app update's new format is written once, not at the next import).
      await vi.waitFor(() => expect(keptRow(dataDir)).toMatchObject({ version: withFunds.version, format: KEPT_FORMAT }), { timeout: 60_000, interval: 20 });
      await core.close();
    }

    // Undo: the row follows the data.
    core = await open(dataDir);
    await core.call('imports.undo', { importId: funds.importId! });
    const undone = await onFile(dataDir);
    expect(undone.version).not.toBe(withFunds.version);
    await keptFor(dataDir, undone.version);
    await core.close();
    core = await open(dataDir);
    expect(await core.call('money.forecast', {})).toEqual(undone.forecast);

    // A file imported again changes nothing, and nothing is written.
    const before = keptRow(dataDir);
    expect((await run(core, 'money-orders.csv', 'kept-job-3')).alreadyImported).toBe(true);
    await core.call('money.forecast', {});
    await core.close();
    expect(keptRow(dataDir)).toEqual(before);
  });
});

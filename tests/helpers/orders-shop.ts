import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeOrdersExport } from '../bench/write-export';
import { createCore, type Core } from '../../src/core/create-core';
import { dataPaths } from '../../src/core/db/data-paths';
import { silentLogger } from '../../src/core/log';
import { ManualClock } from './data-folder';

/** The phone number written unmasked into the generated export: it must never come back out. */
export const UNMASKED_PHONE = '13912345678';
export const UNMASKED_NAME = '王小明';
export const UNMASKED_ADDRESS = '科技园南区深圳湾大厦3座1201';

export type OrdersShop = { core: Core; dataDir: string; clock: ManualClock; sqlite: Database.Database; file: string };

/**
 * A generated shop of `lines` order lines (the bench's layout-A export, newest order 2026-08-31
 * 23:59:59), imported through the real pipeline, with the recipient columns rewritten unmasked so
 * tests can prove they are never stored or shown. `sqlite` is a read connection for references.
 */
export async function openOrdersShop(lines: number, at = '2026-09-01T12:00:00+08:00'): Promise<OrdersShop> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-orders-'));
  const file = join(dataDir, '1788321600_0a1b2c3d4e5f6a7b.csv');
  await writeOrdersExport(file, lines);
  const text = readFileSync(file, 'utf8').replaceAll('139****5678', UNMASKED_PHONE).replaceAll('王**', UNMASKED_NAME).replaceAll('科技园****大厦*座****', UNMASKED_ADDRESS);
  writeFileSync(file, text);
  const clock = new ManualClock(new Date(at).toISOString());
  const core = await createCore({ dataDir, log: silentLogger, clock, dailyBackupCheckMinutes: 0, reminderCheckSeconds: 0 });
  const [outcome] = await core.call('imports.run', { jobId: 'orders-shop', sources: [{ type: 'path', path: file }] });
  if (!outcome || outcome.refused) throw new Error(`generated export refused: ${JSON.stringify(outcome)}`);
  const sqlite = new Database(dataPaths(dataDir).dbFile);
  return { core, dataDir, clock, sqlite, file };
}

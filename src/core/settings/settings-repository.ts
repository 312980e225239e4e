import type { Kysely } from 'kysely';
import type { Settings } from '../../shared/rpc/contract';
import type { Database } from '../db/schema';

export const DEFAULT_SETTINGS: Settings = {
  language: 'zh-CN',
  theme: 'system',
  startAtLogin: false,
  startHidden: true,
  closeToTrayExplained: false,
};

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** Stored values are JSON; a value of the wrong type (hand-edited file) falls back to the default. */
export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const result: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of KEYS) {
    const raw = stored.get(key);
    if (raw === undefined) continue;
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value === typeof DEFAULT_SETTINGS[key]) result[key] = value;
    } catch {
      // keep the default
    }
  }
  return result as Settings;
}

export async function writeSettings(db: Kysely<Database>, patch: Partial<Settings>, now: Date): Promise<Settings> {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  if (entries.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const [key, value] of entries) {
        await trx
          .insertInto('settings')
          .values({ key, value: JSON.stringify(value), updated_at: now.toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now.toISOString() }))
          .execute();
      }
    });
  }
  return readSettings(db);
}
